package dev.delegatemcp.it.tools;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.Tool;
import dev.delegatemcp.api.ToolArg;
import dev.delegatemcp.api.interaction.ElicitationResult;
import dev.delegatemcp.api.interaction.ElicitationSchema;
import dev.delegatemcp.api.interaction.ElicitationSchema.Option;
import dev.delegatemcp.api.interaction.McpRequest;
import dev.delegatemcp.api.interaction.SamplingRequest;
import dev.delegatemcp.api.interaction.SamplingResult;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Tools that talk with the client while they run (MCP 2025-11-25: progress, log messages, cancellation, sampling,
 * form elicitation), written with the public {@link McpRequest}. Test deployments only.
 */
@ApplicationScoped
public class InteractionTools {

    /** What each cancellable call saw, by caller subject and the key it was given. */
    private final Map<String, String> seen = new ConcurrentHashMap<>();

    @Tool(name = "e2e_progress", description = "Reports progress in three steps")
    public String progress(McpRequest request) {
        for (int step = 1; step <= 3; step++) {
            request.progress().report(step, 3.0, "step " + step + " of 3");
        }
        return "progress requested: " + request.progress().requested();
    }

    @Tool(name = "e2e_log", description = "Logs one message at each of debug, info and warning")
    public String log(McpRequest request) {
        request.log().debug("below the level");
        request.log().info("at the level");
        request.log().warning(Map.of("note", "above the level"));
        return "logged";
    }

    /**
     * Reports that it waits, then waits up to a minute for the client to cancel, writes down what it saw and returns a
     * result that must never reach the client when the call was cancelled.
     */
    @Tool(name = "e2e_wait_for_cancel", description = "Waits until the client cancels the call")
    public String waitForCancel(@ToolArg(description = "a name for this call") String key, McpRequest request) {
        request.progress().report(1, null, "waiting to be cancelled");
        boolean interrupted = false;
        try {
            Thread.sleep(60_000);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        seen.put(request.caller().subject() + "/" + key,
                "interrupted=" + interrupted + ", cancelled=" + request.cancellation().isCancelled());
        return "finished; this result must not be sent when the call was cancelled";
    }

    @Tool(name = "e2e_cancellation_seen", description = "What the caller's e2e_wait_for_cancel call saw")
    public String cancellationSeen(@ToolArg(description = "the call's name") String key, McpCaller caller) {
        return seen.getOrDefault(caller.subject() + "/" + key, "nothing yet");
    }

    @Tool(name = "e2e_ask_model", description = "Asks the client's model a question (sampling)")
    public String askModel(@ToolArg(description = "the question") String question, McpRequest request) {
        SamplingResult answer = request.sampling()
                .createMessage(SamplingRequest.of(question, 50).withSystemPrompt("Answer in one sentence."));
        return answer.role() + " (" + answer.model() + "): " + answer.text().orElse("(not text)");
    }

    /** The user's answer to the form of {@code e2e_ask_user}. */
    public record UserAnswer(String action, String name, Long guests, Boolean vegetarian, String size) {
    }

    @Tool(name = "e2e_ask_user", description = "Asks the user to fill in a form (form elicitation)")
    public UserAnswer askUser(McpRequest request) {
        ElicitationResult answer = request.elicitation().form("Who is coming to dinner?",
                ElicitationSchema.of(ElicitationSchema.text("name", "Your name").length(1, 40),
                        ElicitationSchema.number("guests", "Guests").integer().range(1, 10),
                        ElicitationSchema.bool("vegetarian", "Vegetarian").optional(),
                        ElicitationSchema.choice("size", "Table", Option.of("s", "Small"), Option.of("l", "Large"))));
        return new UserAnswer(answer.action().name(), answer.string("name").orElse(null),
                (Long) answer.value("guests").orElse(null), (Boolean) answer.value("vegetarian").orElse(null),
                answer.string("size").orElse(null));
    }
}
