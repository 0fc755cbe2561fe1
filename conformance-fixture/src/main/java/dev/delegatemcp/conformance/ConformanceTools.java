package dev.delegatemcp.conformance;

import dev.delegatemcp.api.Content;
import dev.delegatemcp.api.Tool;
import dev.delegatemcp.api.ToolArg;
import dev.delegatemcp.api.ToolCallException;
import dev.delegatemcp.api.ToolResponse;
import dev.delegatemcp.api.interaction.ElicitationResult;
import dev.delegatemcp.api.interaction.ElicitationSchema;
import dev.delegatemcp.api.interaction.ElicitationSchema.Option;
import dev.delegatemcp.api.interaction.McpRequest;
import dev.delegatemcp.api.interaction.SamplingRequest;
import dev.delegatemcp.api.interaction.SamplingResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

/**
 * The tools the official MCP conformance suite calls (its server scenarios' fixture catalogue), written with the
 * public tool API: names, arguments and contents as the suite's reference server has them.
 */
@ApplicationScoped
public class ConformanceTools {

    @Tool(name = "test_simple_text", description = "Returns a simple text response")
    public String simpleText() {
        return "This is a simple text response for testing.";
    }

    @Tool(name = "test_image_content", description = "Returns an image")
    public Content image() {
        return Content.image(Media.PNG, "image/png");
    }

    @Tool(name = "test_multiple_content_types", description = "Returns text, an image and an embedded resource")
    public ToolResponse mixed() {
        return ToolResponse.of(Content.text("Multiple content types test:"), Content.image(Media.PNG, "image/png"),
                Content.resource("test://mixed-content-resource", "application/json",
                        "{\"test\":\"data\",\"value\":123}"));
    }

    @Tool(name = "test_error_handling", description = "Always fails, as a tool error")
    public String error() {
        throw new ToolCallException("This tool intentionally returns an error for testing");
    }

    @Tool(name = "test_audio_content", description = "Returns audio")
    public Content audio() {
        return Content.audio(Media.WAV, "audio/wav");
    }

    @Tool(name = "test_embedded_resource", description = "Returns an embedded resource")
    public Content embeddedResource() {
        return Content.resource("test://embedded-resource", "text/plain", "This is an embedded resource content.");
    }

    @Tool(name = "test_tool_with_logging", description = "Sends three log messages while it runs")
    public String withLogging(McpRequest request) throws InterruptedException {
        request.log().info("Tool execution started");
        Thread.sleep(50);
        request.log().info("Tool processing data");
        Thread.sleep(50);
        request.log().info("Tool execution completed");
        return "Tool with logging executed successfully";
    }

    @Tool(name = "test_tool_with_progress", description = "Reports progress in three steps")
    public String withProgress(McpRequest request) throws InterruptedException {
        for (int step = 0; step <= 100; step += 50) {
            request.progress().report(step, 100.0, "Completed step " + step + " of 100");
            Thread.sleep(50);
        }
        return "Progress reported: " + request.progress().requested();
    }

    @Tool(name = "test_sampling", description = "Asks the client's model")
    public String sampling(@ToolArg(description = "what to ask the model") String prompt, McpRequest request) {
        SamplingResult answer = request.sampling().createMessage(SamplingRequest.of(prompt, 100));
        return "LLM response: " + answer.text().orElse("(not text)");
    }

    /**
     * The tool of {@code http-custom-header-server-validation} (SEP-2243): its string argument is mirrored into
     * {@code Mcp-Param-Region}, its optional integer into {@code Mcp-Param-Priority} ({@code x-mcp-header}); the
     * server refuses a call whose headers do not match them.
     */
    @Tool(name = "test_custom_header", description = "Echoes its region, which clients mirror into Mcp-Param-Region")
    public String customHeader(@ToolArg(header = "Region", description = "the region to run in") String region,
            @ToolArg(header = "Priority", required = false, description = "an optional priority") Integer priority) {
        return "Region: " + region + (priority == null ? "" : ", priority: " + priority);
    }

    @Tool(name = "test_elicitation", description = "Asks the user for input")
    public String elicitation(@ToolArg(description = "what to ask") String message, McpRequest request) {
        ElicitationResult answer = request.elicitation().form(message,
                ElicitationSchema.of(ElicitationSchema.text("response", null).description("User's response")));
        return "User response: action=" + answer.action() + ", content=" + answer.content();
    }

    @Tool(name = "test_elicitation_sep1034_defaults", description = "Asks for a form whose fields have defaults")
    public String elicitationDefaults(McpRequest request) {
        ElicitationResult answer = request.elicitation().form("Please review and update the form fields with defaults",
                ElicitationSchema.of(
                        ElicitationSchema.text("name", null).description("User name").defaultValue("John Doe")
                                .optional(),
                        ElicitationSchema.number("age", null).integer().description("User age").defaultValue(30)
                                .optional(),
                        ElicitationSchema.number("score", null).description("User score").defaultValue(95.5)
                                .optional(),
                        ElicitationSchema.choice("status", null, Option.of("active"), Option.of("inactive"),
                                Option.of("pending")).description("User status").defaultValue("active").optional(),
                        ElicitationSchema.bool("verified", null).description("Verification status").defaultValue(true)
                                .optional()));
        return "Elicitation completed: action=" + answer.action() + ", content=" + answer.content();
    }

    @Tool(name = "test_elicitation_sep1330_enums", description = "Asks for a form with every kind of enumeration")
    public String elicitationEnums(McpRequest request) {
        ElicitationResult answer = request.elicitation().form("Please select options from the enum fields",
                ElicitationSchema.of(
                        ElicitationSchema.choice("untitledSingle", null, Option.of("option1"), Option.of("option2"),
                                Option.of("option3")).description("Select one option").optional(),
                        ElicitationSchema.choice("titledSingle", null, Option.of("value1", "First Option"),
                                Option.of("value2", "Second Option"), Option.of("value3", "Third Option"))
                                .description("Select one option with titles").optional(),
                        ElicitationSchema.choice("legacyEnum", null, Option.of("opt1", "Option One"),
                                Option.of("opt2", "Option Two"), Option.of("opt3", "Option Three"))
                                .description("Select one option (legacy)").legacyTitles().optional(),
                        ElicitationSchema.choices("untitledMulti", null, Option.of("option1"), Option.of("option2"),
                                Option.of("option3")).description("Select multiple options").items(1, 3).optional(),
                        ElicitationSchema.choices("titledMulti", null, Option.of("value1", "First Choice"),
                                Option.of("value2", "Second Choice"), Option.of("value3", "Third Choice"))
                                .description("Select multiple options with titles").items(1, 3).optional()));
        return "Elicitation completed: action=" + answer.action() + ", content=" + answer.content();
    }

    /**
     * Lists the suite's JSON Schema 2020-12 input schema untouched ({@code $schema}, {@code $defs} with an
     * {@code $anchor}, {@code allOf}/{@code anyOf}, {@code if}/{@code then}/{@code else},
     * {@code additionalProperties: false}). The server does not validate these arguments, so the method checks what the
     * suite's scenario never sends: a way to reach the contact.
     */
    @Tool(name = "json_schema_2020_12_tool",
            description = "Tool with JSON Schema 2020-12 features for conformance testing (SEP-1613)",
            inputSchema = "json-schema-2020-12-tool.json")
    public String jsonSchema202012(JsonObject arguments) {
        if (!arguments.containsKey("phone") && !arguments.containsKey("email")) {
            throw new ToolCallException("Give a phone or an email to reach the contact.");
        }
        return "Received: " + arguments;
    }

    @Tool(name = "test_reconnection", description = "Lets go of its connection, then answers on the resumed stream")
    public String reconnection(McpRequest request) throws InterruptedException {
        request.releaseConnection();
        Thread.sleep(100);
        return "Reconnection test completed successfully. The result arrived on the resumed stream.";
    }
}
