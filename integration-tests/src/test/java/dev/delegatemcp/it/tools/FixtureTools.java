package dev.delegatemcp.it.tools;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.Tool;
import dev.delegatemcp.api.ToolArg;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Tools that exercise argument binding, failures and scopes end to end. Test deployments only. */
@ApplicationScoped
public class FixtureTools {

    public enum Room { SMALL, LARGE }

    public record Attendee(String email, Optional<String> name) {
    }

    public record Booking(String title, Room room, LocalDate day, List<Attendee> attendees, int durationMinutes,
            String bookedBy) {
    }

    @Tool(name = "book_room", description = "Books a meeting room (fixture: echoes the booking)")
    public Booking bookRoom(McpCaller caller, @ToolArg(description = "Meeting title") String title,
            @ToolArg(description = "Room size") Room room, @ToolArg(description = "Day of the meeting") LocalDate day,
            @ToolArg(description = "Who attends") List<Attendee> attendees,
            @ToolArg(description = "Length in minutes", defaultValue = "30") int durationMinutes) {
        return new Booking(title, room, day, attendees, durationMinutes, caller.subject());
    }

    /** The request's caller, injected into an application-scoped bean (a proxy to the request's value). */
    @Inject
    McpCaller injectedCaller;

    @Tool(name = "whoami_injected", description = "Returns the subject of the injected caller")
    public String whoamiInjected() {
        return injectedCaller.subject() + "/" + injectedCaller.tenant().orElse("-");
    }

    @Inject
    RequestTally tally;

    @Tool(name = "tally_twice",
            description = "Uses a request-scoped bean of its own twice; returns its count and caller")
    public String tallyTwice() {
        tally.next();
        return tally.next() + "/" + injectedCaller.subject();
    }

    @Tool(name = "fail_unexpectedly", description = "Throws an unexpected exception whose message holds a secret")
    public String failUnexpectedly() {
        throw new IllegalStateException("connection to db failed: password=hunter2-secret");
    }

    @Tool(name = "fail_unexpectedly_read_only", description = "Throws an unexpected exception; declared read-only",
            annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false))
    public String failUnexpectedlyReadOnly() {
        throw new IllegalStateException("index unavailable");
    }

    @Tool(name = "admin_report", description = "Needs the admin.read scope", scopes = "admin.read")
    public String adminReport() {
        return "all systems nominal";
    }
}
