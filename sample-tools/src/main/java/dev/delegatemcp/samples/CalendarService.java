package dev.delegatemcp.samples;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.ToolCallException;
import dev.delegatemcp.api.interaction.McpRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sample calendar service, called with the caller's delegated credential (audience {@code calendar-api}), for
 * the calendar tools, resource and prompt. Each call passes on the trace context of the MCP request being served
 * ({@link McpRequest#traceContext()}: W3C {@code traceparent}/{@code tracestate} headers), so that the calendar's
 * spans join the client's trace: the example for tools that call services.
 */
@ApplicationScoped
public class CalendarService {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** The MCP request being served: its trace context goes on to the calendar. */
    @Inject
    McpRequest mcpRequest;

    @Inject
    @ConfigProperty(name = "samples.calendar.url")
    String calendarUrl;

    /** How long a call waits for the calendar's answer. */
    @Inject
    @ConfigProperty(name = "samples.calendar.timeout", defaultValue = "PT10S")
    Duration timeout;

    /**
     * The caller's upcoming events, as the service's JSON; a 401 refreshes the credential once.
     *
     * @throws ToolCallException with a sentence for the user when the service fails or cannot be reached
     */
    public String events(DownstreamCredential credential) {
        HttpResponse<String> response = get(credential);
        if (response.statusCode() == 401) {
            response = get(credential.refresh());
        }
        if (response.statusCode() != 200) {
            throw new ToolCallException("The calendar service answered with status " + response.statusCode()
                    + "; try again later.");
        }
        return response.body();
    }

    private HttpResponse<String> get(DownstreamCredential credential) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(calendarUrl)).timeout(timeout)
                .header("Accept", "application/json");
        credential.applyTo(request::header);
        mcpRequest.traceContext().ifPresent(trace -> trace.applyTo(request::header));
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
