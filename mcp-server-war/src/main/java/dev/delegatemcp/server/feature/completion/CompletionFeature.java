package dev.delegatemcp.server.feature.completion;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

import dev.delegatemcp.api.ToolCallException;
import dev.delegatemcp.api.interaction.ConnectionRequiredException;
import dev.delegatemcp.api.interaction.RequestCancelledException;
import dev.delegatemcp.server.AuthorMethodCall;
import dev.delegatemcp.server.ServerMessages;
import dev.delegatemcp.server.protocol.McpFeature;
import dev.delegatemcp.server.protocol.RequestContext;
import dev.delegatemcp.server.security.Scopes;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorCodes;
import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import dev.delegatemcp.wire.mcp.CompleteParams;
import dev.delegatemcp.wire.mcp.CompleteResult;
import dev.delegatemcp.wire.mcp.CompletionReference;
import dev.delegatemcp.wire.mcp.McpMethods;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The completion feature (MCP 2025-11-25, Server utilities, Completion): {@code completion/complete} finds the prompt
 * or resource template the {@code ref} names (through {@link CompletionReferences}), checks the caller's scopes for it,
 * and asks the argument's {@code @CompleteArgument} method for suggestions, at most 100 (see {@link Completions}).
 * <ul>
 * <li>An argument the prompt (template) has but no method completes: no suggestions, {@code {values: []}}.</li>
 * <li>-32602 for malformed params, an unknown reference type, prompt or resource template, or an argument it does not
 * have.</li>
 * <li>HTTP 403 {@code insufficient_scope} for a prompt (template) whose scopes the caller's token lacks.</li>
 * <li>-32603 with the author's sentence for a {@link ToolCallException}; -32603 with a reference, logged as
 * {@link ServerMessages#COMPLETION_FAILED}, for anything else the method throws or a null result. A
 * {@link ConnectionRequiredException} and a {@link RequestCancelledException} pass through to the protocol layer.</li>
 * </ul>
 * Announces {@code completions: {}}.
 */
@ApplicationScoped
public class CompletionFeature implements McpFeature {

    private static final Logger LOG = Logger.getLogger(CompletionFeature.class.getName());

    private final CompleterRegistry completers;
    private final Map<String, CompletionReferences> references = new HashMap<>();

    @Inject
    public CompletionFeature(CompleterRegistry completers, @Any Instance<CompletionReferences> references) {
        this(completers, (Iterable<CompletionReferences>) references);
    }

    /** @param references one per reference type (the extension has checked them) */
    public CompletionFeature(CompleterRegistry completers, Iterable<CompletionReferences> references) {
        this.completers = completers;
        references.forEach(bean -> this.references.putIfAbsent(bean.type(), bean));
    }

    /** For CDI proxies only. */
    protected CompletionFeature() {
        this.completers = null;
    }

    @Override
    public Set<String> methods() {
        return Set.of(McpMethods.COMPLETION_COMPLETE);
    }

    @Override
    public Optional<Capability> capability() {
        return Optional.of(new Capability("completions", JsonValue.EMPTY_JSON_OBJECT));
    }

    @Override
    public CompleteResult handle(JsonObject params, RequestContext context) {
        CompleteParams request = CompleteRequests.read(params);
        CompletionTarget target = new CompletionTarget(request.ref().type(), request.ref().key(),
                request.argument().name());
        CompletionReferences.Referenced referenced = referencesFor(target.type()).find(target.key())
                .orElseThrow(() -> JsonRpcException.invalidParams((CompletionReference.PROMPT.equals(target.type())
                        ? "Unknown prompt: " : "Unknown resource template: ") + target.key()));
        Scopes.require(context.caller(), referenced.requiredScopes(), capitalized(target.referenced()));
        if (!referenced.arguments().contains(target.argument())) {
            throw JsonRpcException.invalidParams("Invalid params: " + target.referenced() + " has no "
                    + (CompletionReference.PROMPT.equals(target.type()) ? "argument '" : "variable '")
                    + target.argument() + "'");
        }
        Optional<CompleterRegistry.RegisteredCompleter> completer = completers.find(target);
        if (completer.isEmpty()) {
            return new CompleteResult(Completions.NONE);
        }
        Object returned = AuthorMethodCall.call(
                () -> completer.get().call().call(arguments(completer.get().definition(), request, context)),
                what -> failed(target, what));
        try {
            return new CompleteResult(Completions.of(returned));
        } catch (IllegalStateException e) {
            throw failed(target, e.getMessage());
        }
    }

    /**
     * Who says which prompts (templates) exist: the bean for that type; for resource templates while no bean answers,
     * the templates a completer names, with their variables and no scopes.
     */
    private CompletionReferences referencesFor(String type) {
        CompletionReferences bean = references.get(type);
        if (bean != null || !CompletionReference.RESOURCE_TEMPLATE.equals(type)) {
            return bean != null ? bean : new NoReferences(type);
        }
        return new CompletedTemplates();
    }

    private static Object[] arguments(CompleterDefinition completer, CompleteParams request, RequestContext context) {
        List<CompleterParameter> parameters = completer.parameters();
        Object[] values = new Object[parameters.size()];
        for (int i = 0; i < values.length; i++) {
            CompleterParameter parameter = parameters.get(i);
            if (parameter instanceof CompleterParameter.Value) {
                values[i] = request.argument().value();
            } else if (parameter instanceof CompleterParameter.Arguments) {
                values[i] = request.context() == null || request.context().arguments() == null ? Map.of()
                        : request.context().arguments();
            } else if (parameter instanceof CompleterParameter.Caller) {
                values[i] = context.caller();
            } else if (parameter instanceof CompleterParameter.Request) {
                values[i] = context.interaction();
            } // a Credential stays null: the @Downstream interceptor fills it
        }
        return values;
    }

    /** -32603 with a reference that is also in the log line, which says what failed (never the exception's message). */
    private static JsonRpcException failed(CompletionTarget target, String what) {
        String reference = UUID.randomUUID().toString();
        ServerMessages.COMPLETION_FAILED.log(LOG, target.toString(), what, reference);
        return new JsonRpcException(JsonRpcErrorCodes.INTERNAL_ERROR, "Completing the " + target
                + " failed unexpectedly. Try again later; if it keeps failing, give your administrator the reference "
                + reference + ".");
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** No feature answers for this type: nothing of it exists. */
    private record NoReferences(String type) implements CompletionReferences {

        @Override
        public Optional<Referenced> find(String key) {
            return Optional.empty();
        }
    }

    /** The resource templates the completers name, their variables read from the template. */
    private final class CompletedTemplates implements CompletionReferences {

        @Override
        public String type() {
            return CompletionReference.RESOURCE_TEMPLATE;
        }

        @Override
        public Optional<Referenced> find(String key) {
            return completers.completesTemplate(key)
                    ? Optional.of(new Referenced(UriTemplates.variables(key), Set.of()))
                    : Optional.empty();
        }
    }
}
