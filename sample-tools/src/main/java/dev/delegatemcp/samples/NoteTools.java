package dev.delegatemcp.samples;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.Tool;
import dev.delegatemcp.api.ToolArg;
import dev.delegatemcp.api.ToolCallException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sample tools guarded by scopes: each user keeps private notes in memory. A token without {@code notes.read}
 * does not see list_notes; calling add_note without {@code notes.write} is answered with 403 insufficient_scope.
 */
@ApplicationScoped
public class NoteTools {

    public enum Priority { LOW, NORMAL, HIGH }

    public record Note(String text, Priority priority, List<String> tags, Instant created) {
    }

    public record Notes(int count, List<Note> notes) {
    }

    private static final int MAX_NOTES_PER_USER = 100;

    private final Map<String, List<Note>> notesBySubject = new ConcurrentHashMap<>();

    @Tool(name = "add_note", title = "Add a note", description = "Stores a private note for the calling user.",
            scopes = "notes.write",
            annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public Note addNote(McpCaller caller,
            @ToolArg(description = "The note's text") String text,
            @ToolArg(description = "How important the note is", defaultValue = "NORMAL") Priority priority,
            @ToolArg(description = "Labels for the note") Optional<List<String>> tags) {
        List<Note> notes = notesBySubject.computeIfAbsent(caller.subject(), s -> new CopyOnWriteArrayList<>());
        if (notes.size() >= MAX_NOTES_PER_USER) {
            throw new ToolCallException("You already have " + MAX_NOTES_PER_USER + " notes; that is the limit.");
        }
        Note note = new Note(text, priority, tags.orElse(List.of()), Instant.now());
        notes.add(note);
        return note;
    }

    @Tool(name = "list_notes", title = "List notes", description = "Lists the calling user's notes.",
            scopes = "notes.read",
            annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true,
                    openWorldHint = false))
    public Notes listNotes(McpCaller caller,
            @ToolArg(description = "Only notes of this priority", required = false) Priority priority) {
        List<Note> notes = notesBySubject.getOrDefault(caller.subject(), List.of()).stream()
                .filter(n -> priority == null || n.priority() == priority).toList();
        return new Notes(notes.size(), notes);
    }
}
