package dev.delegatemcp.server.feature.prompt;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.delegatemcp.api.Content;
import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.ToolCallException;
import dev.delegatemcp.api.interaction.ClientInteractionException;
import dev.delegatemcp.api.interaction.ConnectionRequiredException;
import dev.delegatemcp.api.prompt.Prompt;
import dev.delegatemcp.api.prompt.PromptArg;
import dev.delegatemcp.api.prompt.PromptMessage;
import dev.delegatemcp.api.prompt.PromptResponse;

/** Prompt methods of the prompt feature's tests, and their registration as the extension would make it. */
public class TestPrompts {

    /** Thrown by {@link #connect()}, to see that the very exception reaches the protocol layer. */
    static final ConnectionRequiredException CONNECT = new ConnectionRequiredException("crm",
            "https://vault.example/connect/crm", "Connect crm at https://vault.example/connect/crm, then try again.",
            "Connect crm");

    @Prompt(name = "code_review", title = "Request Code Review", description = "Asks for a review of code.",
            scopes = "code.read")
    public PromptResponse review(McpCaller caller,
            @PromptArg(title = "Code", description = "The code to review") String code,
            @PromptArg(name = "language", description = "Its language") Optional<String> language,
            @PromptArg(required = false) String focus) {
        return new PromptResponse("Review for " + caller.subject(), List.of(PromptMessage.user("Review this "
                + language.orElse("code") + (focus == null ? "" : " for " + focus) + ":\n" + code)));
    }

    @Prompt
    public String simple() {
        return "This is a simple prompt for testing.";
    }

    @Prompt(name = "with_arguments")
    public String withArguments(String arg1, String arg2) {
        return "Prompt with arguments: arg1='" + arg1 + "', arg2='" + arg2 + "'";
    }

    @Prompt(name = "every_content")
    public List<PromptMessage> everyContent() {
        return List.of(PromptMessage.user(Content.image(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "image/png")),
                PromptMessage.assistant(Content.audio("RIFF".getBytes(StandardCharsets.US_ASCII), "audio/wav")),
                PromptMessage.user(Content.resource("test://doc", "text/plain", "Embedded text")),
                PromptMessage.user(Content.resource("test://bin", "application/octet-stream", new byte[] {1, 2})),
                PromptMessage.assistant("Understood."));
    }

    @Prompt
    public String agenda(DownstreamCredential calendar, String day) {
        return "Plan " + day + (calendar == null ? " without" : " with") + " the calendar";
    }

    @Prompt(name = "one_message")
    public PromptMessage oneMessage() {
        return PromptMessage.assistant("Hello");
    }

    @Prompt(name = "admin_only", scopes = {"admin", "code.read"})
    public String adminOnly() {
        return "secret";
    }

    @Prompt(name = "refuses")
    public String refuses(String project) {
        throw new ToolCallException("There is no project " + project + "; pick one you can see.");
    }

    @Prompt(name = "not_supported")
    public String notSupported() {
        throw new ClientInteractionException(ClientInteractionException.Reason.NOT_SUPPORTED,
                "Your client cannot answer questions, so this prompt cannot ask which project you mean.");
    }

    @Prompt(name = "connect")
    public String connect() {
        throw CONNECT;
    }

    @Prompt(name = "broken")
    public String broken() {
        throw new IllegalStateException("database password is hunter2");
    }

    @Prompt(name = "nothing")
    public String nothing() {
        return null;
    }

    @Prompt(name = "null_message")
    public List<PromptMessage> nullMessage() {
        return Arrays.asList(PromptMessage.user("a"), null);
    }

    /** Every prompt of this class, each called on this instance. */
    static PromptRegistry registry() {
        TestPrompts bean = new TestPrompts();
        return new PromptRegistry(Arrays.stream(TestPrompts.class.getMethods())
                .filter(method -> method.isAnnotationPresent(Prompt.class))
                .map(method -> registered(bean, method)).toList());
    }

    static PromptRegistry.RegisteredPrompt registered(Object bean, Method method) {
        return new PromptRegistry.RegisteredPrompt(PromptDefinitionReader.read(bean.getClass(), method), arguments -> {
            try {
                return method.invoke(bean, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
