package dev.delegatemcp.samples;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import dev.delegatemcp.api.Downstream;
import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.Tool;
import dev.delegatemcp.api.ToolArg;
import dev.delegatemcp.api.ToolCallException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Sample tools that call a downstream calendar API on the caller's behalf, through a MicroProfile Rest Client
 * ({@link CalendarApi}): the server exchanges the caller's token for one whose audience is the calendar (target
 * "calendar", see mcp.downstream.calendar.*) and puts it on each request; the tools hold no credential code at all.
 */
@ApplicationScoped
public class CalendarTools {

    @Inject
    @RestClient
    CalendarApi calendar;

    @Tool(name = "calendar_events", title = "My calendar",
            description = "Lists the caller's upcoming calendar events from the calendar service.",
            annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true))
    public String events() {
        return calendar.events();
    }

    @Tool(name = "calendar_add_event", title = "Add to my calendar",
            description = "Adds an event to the caller's calendar in the calendar service.",
            annotations = @Tool.Annotations(readOnlyHint = false, destructiveHint = false, idempotentHint = false))
    public String addEvent(@ToolArg(description = "What the event is") String title,
            @ToolArg(description = "The day, as an ISO date such as 2026-12-24") String day) {
        if (title.isBlank() || title.length() > 200) {
            throw new ToolCallException("The title must have 1 to 200 characters.");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new ToolCallException("The day must be a date such as 2026-12-24, not '" + day + "'.");
        }
        return calendar.add(new CalendarApi.NewEvent(title, date));
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
