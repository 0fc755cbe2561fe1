package dev.delegatemcp.conformance;

import java.util.List;

import dev.delegatemcp.api.Content;
import dev.delegatemcp.api.completion.CompleteArgument;
import dev.delegatemcp.api.interaction.ElicitationResult;
import dev.delegatemcp.api.interaction.ElicitationSchema;
import dev.delegatemcp.api.interaction.McpRequest;
import dev.delegatemcp.api.prompt.Prompt;
import dev.delegatemcp.api.prompt.PromptArg;
import dev.delegatemcp.api.prompt.PromptMessage;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The prompts the official MCP conformance suite gets, and the completer of the argument it completes, with the
 * names, arguments and messages of the suite's reference server.
 */
@ApplicationScoped
public class ConformancePrompts {

    /** What {@link #completeArg1} suggests. */
    static final List<String> ARG1_VALUES = List.of("paris", "park", "party", "test", "testing");

    @Prompt(name = "test_simple_prompt", title = "Simple test prompt",
            description = "A simple prompt without arguments")
    public String simple() {
        return "This is a simple prompt for testing.";
    }

    @Prompt(name = "test_prompt_with_arguments", title = "Prompt with arguments",
            description = "A prompt with two required arguments")
    public String withArguments(@PromptArg(description = "First test argument") String arg1,
            @PromptArg(description = "Second test argument") String arg2) {
        return "Prompt with arguments: arg1='" + arg1 + "', arg2='" + arg2 + "'";
    }

    @Prompt(name = "test_prompt_with_embedded_resource", title = "Prompt with embedded resource",
            description = "A prompt that embeds a resource")
    public List<PromptMessage> withEmbeddedResource(
            @PromptArg(description = "URI of the resource to embed") String resourceUri) {
        return List.of(
                PromptMessage.user(
                        Content.resource(resourceUri, "text/plain", "Embedded resource content for testing.")),
                PromptMessage.user("Please process the embedded resource above."));
    }

    @Prompt(name = "test_prompt_with_image", title = "Prompt with image", description = "A prompt that holds an image")
    public List<PromptMessage> withImage() {
        return List.of(PromptMessage.user(Content.image(Media.PNG, "image/png")),
                PromptMessage.user("Please analyze the image above."));
    }

    @Prompt(name = "test_input_required_result_prompt", title = "Prompt that asks for context",
            description = "Asks the user what context to use, then builds the prompt with it")
    public String withAskedContext(McpRequest request) {
        ElicitationResult answer = request.inputs()
                .form("user_context", "What context should the prompt use?",
                        ElicitationSchema.of(ElicitationSchema.text("context", null)))
                .ask().form("user_context");
        return "Prompt with context: " + answer.string("context").orElse("none");
    }

    /** The values of {@link #ARG1_VALUES} that start with what was typed. */
    @CompleteArgument(prompt = "test_prompt_with_arguments", argument = "arg1")
    public List<String> completeArg1(String typed) {
        return ARG1_VALUES.stream().filter(value -> value.startsWith(typed)).toList();
    }
}
