package dev.delegatemcp.samples;

import dev.delegatemcp.api.Tool;
import dev.delegatemcp.api.interaction.McpRequest;
import dev.delegatemcp.api.interaction.SamplingRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A sample tool that talks to the client while it works: progress, a log message, and a question to the client's
 * model (sampling) when the client offers one.
 */
@ApplicationScoped
public class DigestTools {

    @Inject
    @RestClient
    CalendarApi calendar;

    @Tool(name = "calendar_digest", title = "Digest of my calendar",
            description = "Reads the caller's calendar and has the client's model summarise it in two sentences "
                    + "(when the client supports sampling); reports progress and logs what it does.",
            annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true))
    public String digest(McpRequest request) {
        request.progress().report(0, 2.0, "Reading your calendar");
        String events = calendar.events();
        request.log().info("Read the calendar of " + request.caller().subject());
        request.progress().report(1, 2.0, "Summarising");
        if (!request.sampling().supported()) {
            request.progress().report(2, 2.0, "Done (this client has no model to lend)");
            return events;
        }
        String summary = request.sampling().createMessage(SamplingRequest
                .of("Summarise these calendar events in two sentences: " + events, 200)
                .withSystemPrompt("You are a concise assistant.")).text().orElse(events);
        request.progress().report(2, 2.0, "Done");
        return summary;
    }
}
