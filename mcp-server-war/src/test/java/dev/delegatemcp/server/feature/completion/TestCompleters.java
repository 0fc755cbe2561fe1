package dev.delegatemcp.server.feature.completion;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.ToolCallException;
import dev.delegatemcp.api.completion.CompleteArgument;
import dev.delegatemcp.api.completion.Completion;
import dev.delegatemcp.api.interaction.ConnectionRequiredException;
import dev.delegatemcp.wire.mcp.CompletionReference;

/** Completer methods of the completion feature's tests, and their registration as the extension would make it. */
public class TestCompleters {

    static final ConnectionRequiredException CONNECT = new ConnectionRequiredException("crm",
            "https://vault.example/connect/crm", "Connect crm, then try again.", "Connect crm");

    private static final List<String> LANGUAGES = List.of("python", "pytorch", "pyside", "java", "javascript");

    @CompleteArgument(prompt = "code_review", argument = "language")
    public List<String> languages(String typed) {
        return LANGUAGES.stream().filter(language -> language.startsWith(typed)).toList();
    }

    @CompleteArgument(prompt = "code_review", argument = "framework")
    public Completion frameworks(McpCaller caller, String typed, Map<String, String> resolved) {
        List<String> frameworks = "python".equals(resolved.get("language")) ? List.of("flask", "fastapi", "django")
                : List.of("spring", "quarkus");
        return new Completion(frameworks.stream().filter(framework -> framework.startsWith(typed))
                .map(framework -> framework + " for " + caller.subject()).toList(), null, false);
    }

    @CompleteArgument(resourceTemplate = "file:///{root}/{path}", argument = "path")
    public List<String> paths(Map<String, String> resolved, String typed) {
        return List.of(resolved.getOrDefault("root", "?") + "/" + typed + "-1");
    }

    @CompleteArgument(prompt = "code_review", argument = "code")
    public List<String> customers(DownstreamCredential crm, String typed) {
        return List.of(typed + (crm == null ? " (no crm)" : " (crm)"));
    }

    @CompleteArgument(prompt = "many", argument = "all")
    public List<String> all(String typed) {
        return values(150);
    }

    @CompleteArgument(prompt = "many", argument = "counted")
    public Completion counted(String typed) {
        return new Completion(values(150), 1000, false);
    }

    @CompleteArgument(prompt = "many", argument = "hundred")
    public List<String> hundred(String typed) {
        return values(100);
    }

    @CompleteArgument(prompt = "many", argument = "some")
    public Completion some(String typed) {
        return new Completion(values(3), 10, true);
    }

    @CompleteArgument(prompt = "failing", argument = "refuses")
    public List<String> refuses(String typed) {
        throw new ToolCallException("The catalogue is closed for maintenance; try again in an hour.");
    }

    @CompleteArgument(prompt = "failing", argument = "connect")
    public List<String> connect(String typed) {
        throw CONNECT;
    }

    @CompleteArgument(prompt = "failing", argument = "broken")
    public List<String> broken(String typed) {
        throw new IllegalStateException("password hunter2 rejected");
    }

    @CompleteArgument(prompt = "failing", argument = "nothing")
    public List<String> nothing(String typed) {
        return null;
    }

    @CompleteArgument(prompt = "failing", argument = "nulls")
    public List<String> nulls(String typed) {
        return Arrays.asList("a", null);
    }

    private static List<String> values(int count) {
        return IntStream.range(0, count).mapToObj(i -> String.format("v%03d", i)).toList();
    }

    /** Every completer of this class, each called on this instance. */
    static CompleterRegistry registry() {
        TestCompleters bean = new TestCompleters();
        return new CompleterRegistry(Arrays.stream(TestCompleters.class.getMethods())
                .filter(method -> method.isAnnotationPresent(CompleteArgument.class))
                .map(method -> registered(bean, method)).toList());
    }

    private static CompleterRegistry.RegisteredCompleter registered(Object bean, Method method) {
        return new CompleterRegistry.RegisteredCompleter(CompleterDefinitionReader.read(bean.getClass(), method),
                arguments -> {
                    try {
                        return method.invoke(bean, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** A feature's references as fixed data: key to arguments and scopes. */
    record Fixed(String type, Map<String, Referenced> byKey) implements CompletionReferences {

        @Override
        public Optional<Referenced> find(String key) {
            return Optional.ofNullable(byKey.get(key));
        }
    }

    /** The prompts of these completers, as the prompts feature would describe them. */
    static CompletionReferences prompts() {
        return new Fixed(CompletionReference.PROMPT, Map.of(
                "code_review", new CompletionReferences.Referenced(List.of("code", "language", "framework"),
                        Set.of("code.read")),
                "many", new CompletionReferences.Referenced(List.of("all", "counted", "hundred", "some", "unlisted"),
                        Set.of()),
                "failing", new CompletionReferences.Referenced(List.of("refuses", "connect", "broken", "nothing",
                        "nulls"), Set.of())));
    }
}
