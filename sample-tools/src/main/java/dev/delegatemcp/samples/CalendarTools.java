package dev.delegatemcp.samples;

import java.util.List;

import dev.delegatemcp.api.Downstream;
import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.Tool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A sample tool that calls a downstream calendar API with a delegated credential: the server exchanges the
 * caller's token for one whose audience is the calendar (target "calendar", see mcp.downstream.calendar.*), and the
 * tool only applies it. If the calendar rejects it, the tool asks once for a fresh one.
 */
@ApplicationScoped
public class CalendarTools {

    @Inject
    CalendarService calendar;

    @Tool(name = "calendar_events", title = "My calendar",
            description = "Lists the caller's upcoming calendar events from the calendar service.",
            annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true))
    @Downstream(resource = "calendar")
    public String events(DownstreamCredential credential) {
        return calendar.events(credential);
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
}
