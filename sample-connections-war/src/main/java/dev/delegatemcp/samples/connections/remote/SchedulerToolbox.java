package dev.delegatemcp.samples.connections.remote;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.json.Json;

/**
 * The scheduler's tools: {@code find_slot {day}} answers a free half hour that day ({@code {"day", "start",
 * "end"}}); {@code book_meeting {title, day}} books one ({@code {"meetingId", "title", "day", "start", "end"}}) and
 * needs the scope {@code calendar.write}.
 */
public class SchedulerToolbox implements RemoteToolbox {

    public static final String WRITE_SCOPE = "calendar.write";

    private static final ToolDefinition FIND_SLOT = new ToolDefinition("find_slot", "Find a free slot",
            "Finds a free half-hour slot in the connected calendar on the given day.",
            Map.of("day", "The day, e.g. 2026-06-01 or Monday"));
    private static final ToolDefinition BOOK_MEETING = new ToolDefinition("book_meeting", "Book a meeting",
            "Books a half-hour meeting in the connected calendar (needs calendar.write).",
            bookingArguments());

    private final AtomicLong meetings = new AtomicLong();

    @Override
    public List<ToolDefinition> tools() {
        return List.of(FIND_SLOT, BOOK_MEETING);
    }

    @Override
    public ToolOutcome call(String tool, Map<String, String> arguments, ConnectionView connection) {
        String day = arguments.get("day");
        int hour = freeHour(day);
        if (FIND_SLOT.name().equals(tool)) {
            return ToolOutcome.success(Json.createObjectBuilder().add("day", day).add("start", time(hour, 0))
                    .add("end", time(hour, 30)).build());
        }
        if (!connection.grants(WRITE_SCOPE)) {
            return ToolOutcome.error("Booking a meeting needs " + WRITE_SCOPE
                    + ", which this connection to the scheduler was not granted.");
        }
        return ToolOutcome.success(Json.createObjectBuilder().add("meetingId", "mtg-" + meetings.incrementAndGet())
                .add("title", arguments.get("title")).add("day", day).add("start", time(hour, 0))
                .add("end", time(hour, 30)).build());
    }

    /** The same day always has the same free hour, between 09:00 and 16:00. */
    private static int freeHour(String day) {
        return 9 + Math.floorMod(day.strip().toLowerCase(Locale.ROOT).hashCode(), 8);
    }

    private static String time(int hour, int minute) {
        return String.format("%02d:%02d", hour, minute);
    }

    private static Map<String, String> bookingArguments() {
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("title", "The meeting's title");
        arguments.put("day", "The day, e.g. 2026-06-01 or Monday");
        return arguments;
    }
}
