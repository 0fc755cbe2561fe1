package dev.delegatemcp.server.feature.prompt;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

import dev.delegatemcp.api.ToolCallException;
import dev.delegatemcp.api.interaction.ConnectionRequiredException;
import dev.delegatemcp.api.interaction.RequestCancelledException;
import dev.delegatemcp.server.AuthorMethodCall;
import dev.delegatemcp.server.ServerMessages;
import dev.delegatemcp.server.protocol.CacheScope;
import dev.delegatemcp.server.protocol.McpFeature;
import dev.delegatemcp.server.protocol.Pagination;
import dev.delegatemcp.server.protocol.RequestContext;
import dev.delegatemcp.server.security.Scopes;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorCodes;
import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import dev.delegatemcp.wire.mcp.GetPromptResult;
import dev.delegatemcp.wire.mcp.ListPromptsResult;
import dev.delegatemcp.wire.mcp.McpMethods;
import dev.delegatemcp.wire.mcp.Prompt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The prompts feature (MCP 2025-11-25, Server features, Prompts): {@code prompts/list}, paged, shows a caller the
 * prompts its token's scopes allow; {@code prompts/get} renders one. Errors of {@code prompts/get}:
 * <ul>
 * <li>-32602 for an unknown prompt, malformed params, or arguments that do not fit (every problem named, see
 * {@link PromptArguments});</li>
 * <li>HTTP 403 {@code insufficient_scope} for a prompt whose scopes the caller's token lacks;</li>
 * <li>-32603 with the author's sentence when the method throws a {@link ToolCallException} (the prompt could not be
 * made, for a reason the user can act on: the specification gives prompts no error result, and -32603 is its code for
 * a failure while serving a valid request);</li>
 * <li>-32603 with a reference, logged as {@link ServerMessages#PROMPT_FAILED}, when the method throws anything else or
 * returns nothing; neither its message nor a stack trace is sent or logged.</li>
 * </ul>
 * A {@link ConnectionRequiredException} and a {@link RequestCancelledException} pass through to the protocol layer.
 */
@ApplicationScoped
public class PromptsFeature implements McpFeature {

    private static final Logger LOG = Logger.getLogger(PromptsFeature.class.getName());

    private final PromptRegistry registry;
    private final PromptsConfig config;

    @Inject
    public PromptsFeature(PromptRegistry registry, PromptsConfig config) {
        this.registry = registry;
        this.config = config;
    }

    /** For CDI proxies only. */
    protected PromptsFeature() {
        this(null, null);
    }

    @Override
    public Set<String> methods() {
        return Set.of(McpMethods.PROMPTS_LIST, McpMethods.PROMPTS_GET);
    }

    /** {@code prompts: {listChanged: false}}: the prompts are fixed at deployment. */
    /** prompts/list is filtered by the caller's scopes: private (MCP 2026-07-28, Caching, Choosing a Cache Scope). */
    @Override
    public Optional<CacheScope> cacheScope(String method) {
        return McpMethods.PROMPTS_LIST.equals(method) ? Optional.of(CacheScope.PRIVATE) : Optional.empty();
    }

    @Override
    public Optional<Capability> capability() {
        return Optional.of(new Capability("prompts", new PromptsCapability(false)));
    }

    /** The prompts capability's options (MCP 2025-11-25 schema: ServerCapabilities.prompts). */
    public record PromptsCapability(boolean listChanged) {
    }

    @Override
    public Object handle(JsonObject params, RequestContext context) {
        return McpMethods.PROMPTS_LIST.equals(context.method()) ? list(params, context) : get(params, context);
    }

    /** prompts/list: the prompts the caller may get, by name, one page at a time. */
    ListPromptsResult list(JsonObject params, RequestContext context) {
        Pagination.Page<Prompt> page = Pagination.page("prompts",
                registry.visibleTo(context.caller()).stream().map(PromptDefinition::descriptor).toList(),
                params.get("cursor"), config.pageSize());
        return new ListPromptsResult(page.items(), page.nextCursor());
    }

    /** prompts/get. */
    GetPromptResult get(JsonObject params, RequestContext context) {
        JsonValue nameValue = params.get("name");
        if (!(nameValue instanceof JsonString name)) {
            throw JsonRpcException.invalidParams("Invalid params: \"name\" must be the prompt name (a string)");
        }
        JsonValue argumentsValue = params.get("arguments");
        if (argumentsValue != null && argumentsValue != JsonValue.NULL
                && argumentsValue.getValueType() != JsonValue.ValueType.OBJECT) {
            throw JsonRpcException.invalidParams("Invalid params: \"arguments\" must be an object of strings");
        }
        PromptRegistry.RegisteredPrompt prompt = registry.find(name.getString())
                .orElseThrow(() -> JsonRpcException.invalidParams("Unknown prompt: " + name.getString()));
        PromptDefinition definition = prompt.definition();
        Scopes.require(context.caller(), definition.requiredScopes(), "The prompt " + definition.name());
        Object[] values = PromptArguments.bind(definition,
                argumentsValue instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT, context.caller(),
                context.interaction());
        Object returned = AuthorMethodCall.call(() -> prompt.call().call(values),
                what -> failed(definition, what));
        try {
            return PromptResults.of(returned);
        } catch (IllegalStateException e) {
            throw failed(definition, e.getMessage());
        }
    }

    /** -32603 with a reference that is also in the log line, which says what failed (never the exception's message). */
    private static JsonRpcException failed(PromptDefinition definition, String what) {
        String reference = UUID.randomUUID().toString();
        ServerMessages.PROMPT_FAILED.log(LOG, definition.name(), what, reference);
        return new JsonRpcException(JsonRpcErrorCodes.INTERNAL_ERROR, "The prompt " + definition.name()
                + " failed unexpectedly. Try again later; if it keeps failing, give your administrator the reference "
                + reference + ".");
    }
}
