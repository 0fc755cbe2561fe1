package dev.delegatemcp.samples;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import dev.delegatemcp.api.Downstream;
import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.Tool;
import dev.delegatemcp.api.ToolCallException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A sample tool that calls a downstream calendar API with a delegated credential: the server exchanges the
 * caller's token for one whose audience is the calendar (target "calendar", see mcp.downstream.calendar.*), and the
 * tool only applies it. If the calendar rejects it, the tool asks once for a fresh one.
 */
@ApplicationScoped
public class CalendarTools {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    @ConfigProperty(name = "samples.calendar.url")
    String calendarUrl;

    /** How long the tool waits for the calendar's answer. */
    @Inject
    @ConfigProperty(name = "samples.calendar.timeout", defaultValue = "PT10S")
    Duration timeout;

    @Tool(name = "calendar_events", title = "My calendar",
            description = "Lists the caller's upcoming calendar events from the calendar service.",
            annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true))
    @Downstream(resource = "calendar")
    public String events(DownstreamCredential calendar) {
        HttpResponse<String> response = get(calendar);
        if (response.statusCode() == 401) {
            response = get(calendar.refresh());
        }
        if (response.statusCode() != 200) {
            throw new ToolCallException("The calendar service answered with status " + response.statusCode()
                    + "; try again later.");
        }
        return response.body();
    }

    /** What the server holds for the caller's calendar access: never the secret itself. */
    public record Access(String target, String type, String expiresAt, List<String> scopes) {
    }

    @Tool(name = "calendar_access", title = "My calendar access",
            description = "Shows the delegated access this server holds for the caller's calendar: type, expiry, scopes.",
            annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true,
                    openWorldHint = false))
    @Downstream(resource = "calendar")
    public Access access(DownstreamCredential calendar) {
        return new Access(calendar.target(), calendar.type().name(),
                calendar.expiresAt().map(Object::toString).orElse(null), List.copyOf(calendar.scopes()));
    }

    private HttpResponse<String> get(DownstreamCredential credential) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(calendarUrl)).timeout(timeout)
                .header("Accept", "application/json");
        credential.applyTo(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ToolCallException("The calendar service could not be reached; try again in a moment.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolCallException("The request to the calendar service was interrupted.");
        }
    }
}
