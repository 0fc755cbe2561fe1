package dev.delegatemcp.conformance;

import java.util.ArrayList;
import java.util.List;

import dev.delegatemcp.api.Tool;
import dev.delegatemcp.api.interaction.ClientInputs;
import dev.delegatemcp.api.interaction.ElicitationResult;
import dev.delegatemcp.api.interaction.ElicitationSchema;
import dev.delegatemcp.api.interaction.McpRequest;
import dev.delegatemcp.api.interaction.SamplingRequest;
import dev.delegatemcp.api.interaction.SamplingResult;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The tools the conformance suite calls for MCP 2026-07-28 (its {@code input-required-result-*} and
 * {@code server-stateless} scenarios), written with the same public API as every other tool: questions to the client
 * through {@link McpRequest}, which the server turns into input-required results and retries for clients of that
 * revision. The keys the suite expects ({@code user_name}, ...) are the keys of {@link ClientInputs}.
 */
@ApplicationScoped
public class ConformanceRoundTripTools {

    private static ElicitationSchema oneText(String field) {
        return ElicitationSchema.of(ElicitationSchema.text(field, null));
    }

    @Tool(name = "test_input_required_result_elicitation", description = "Asks the user's name, then greets them")
    public String elicitation(McpRequest request) {
        ElicitationResult answer = request.inputs().form("user_name", "What is your name?", oneText("name")).ask()
                .form("user_name");
        return "Hello, " + answer.string("name").orElse("unknown") + "!";
    }

    @Tool(name = "test_input_required_result_sampling", description = "Asks the client's model a question")
    public String sampling(McpRequest request) {
        SamplingResult answer = request.inputs()
                .sampling("sample_request", SamplingRequest.of("What is the capital of France?", 100)).ask()
                .sampling("sample_request");
        return "Sampling result: " + answer.text().orElse("(not text)");
    }

    @Tool(name = "test_input_required_result_list_roots", description = "Lists the client's roots")
    public String listRoots(McpRequest request) {
        return "Found " + request.inputs().roots("roots_request").ask().roots("roots_request").size() + " root(s)";
    }

    @Tool(name = "test_input_required_result_request_state",
            description = "Asks for a confirmation; the server keeps what it learnt in requestState")
    public String requestState(McpRequest request) {
        ElicitationResult answer = request.inputs().form("confirm", "Please confirm",
                ElicitationSchema.of(ElicitationSchema.bool("ok", null))).ask().form("confirm");
        return "state-ok: requestState validated, confirmation " + answer.value("ok").orElse("missing");
    }

    @Tool(name = "test_input_required_result_multiple_inputs",
            description = "Asks for a name, a greeting from the model and the roots, all in one round")
    public String multipleInputs(McpRequest request) {
        ClientInputs.Answers answers = request.inputs().form("user_name", "What is your name?", oneText("name"))
                .sampling("greeting", SamplingRequest.of("Generate a greeting", 50)).roots("client_roots").ask();
        return "Name: " + answers.form("user_name").string("name").orElse("unknown") + "; Greeting: "
                + answers.sampling("greeting").text().orElse("(not text)") + "; Roots: "
                + answers.roots("client_roots").size();
    }

    @Tool(name = "test_input_required_result_multi_round",
            description = "Asks a name, then a favourite colour, in two rounds")
    public String multiRound(McpRequest request) {
        String name = request.inputs().form("step1", "Step 1: What is your name?", oneText("name")).ask()
                .form("step1").string("name").orElse("unknown");
        String color = request.inputs().form("step2", "Step 2: What is your favorite color?", oneText("color"))
                .ask().form("step2").string("color").orElse("unknown");
        return "Multi-round complete for " + name + " who likes " + color;
    }

    @Tool(name = "test_input_required_result_tampered_state",
            description = "Asks for a confirmation; an altered requestState is refused")
    public String tamperedState(McpRequest request) {
        ElicitationResult answer = request.inputs().form("confirm", "Please confirm",
                ElicitationSchema.of(ElicitationSchema.bool("ok", null))).ask().form("confirm");
        return "Confirmed: " + answer.value("ok").orElse("missing");
    }

    @Tool(name = "test_input_required_result_capabilities",
            description = "Asks only what the client declared it can answer")
    public String capabilities(McpRequest request) {
        ClientInputs inputs = request.inputs();
        List<String> keys = new ArrayList<>();
        if (request.elicitation().formSupported()) {
            inputs.form("elicit_input", "Please provide input", oneText("value"));
            keys.add("elicit_input");
        }
        if (request.sampling().supported()) {
            inputs.sampling("sample_input", SamplingRequest.of("Sample request", 50));
            keys.add("sample_input");
        }
        if (keys.isEmpty()) {
            return "capabilities-ok: the client declared neither elicitation nor sampling";
        }
        inputs.ask();
        return "capabilities-ok: received " + String.join(", ", keys);
    }

    @Tool(name = "test_missing_capability", description = "Needs the client's model (sampling)")
    public String missingCapability(McpRequest request) {
        request.sampling().createMessage(SamplingRequest.of("Say hello", 20));
        return "Success";
    }

    @Tool(name = "test_streaming_elicitation",
            description = "Reports progress, then asks the user for input in the way of the client's revision")
    public String streamingElicitation(McpRequest request) {
        request.progress().report(0, 1.0, "Asking the user");
        ElicitationResult answer = request.elicitation().form("What should the tool use?", oneText("value"));
        return "Got: " + answer.string("value").orElse("nothing");
    }

    @Tool(name = "test_logging_tool", description = "Logs at info level when the client asked for log messages")
    public String logging(McpRequest request) {
        request.log().info("Logging tool called");
        return "Logging evaluated";
    }

    @Tool(name = "test_trigger_tool_change",
            description = "Would change the tool list; this server's tools do not change while it runs")
    public String triggerToolChange() {
        return "Nothing triggered: this server's tools do not change while it runs (it announces no listChanged).";
    }

    @Tool(name = "test_trigger_prompt_change",
            description = "Would change the prompt list; this server's prompts do not change while it runs")
    public String triggerPromptChange() {
        return "Nothing triggered: this server's prompts do not change while it runs (it announces no listChanged).";
    }
}
