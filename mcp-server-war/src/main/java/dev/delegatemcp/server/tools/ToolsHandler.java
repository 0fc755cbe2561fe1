package dev.delegatemcp.server.tools;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.ToolCallException;
import dev.delegatemcp.server.downstream.ConnectionRequiredException;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorCodes;
import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import dev.delegatemcp.server.protocol.ClientCapabilities;
import dev.delegatemcp.server.proxy.ExportedRemoteTools;
import dev.delegatemcp.server.security.InsufficientScopeException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * tools/list and tools/call: finds the tool, checks the caller's scopes, binds and validates the arguments, invokes
 * it and maps the result. A failure inside a tool is a result with {@code isError: true}, never a protocol error.
 */
@ApplicationScoped
public class ToolsHandler {

    /** Looked up once: {@code Json.createXxx} looks the provider up again on every call (a class-loader lock). */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final Logger LOG = Logger.getLogger(ToolsHandler.class.getName());

    @Inject
    ToolRegistry registry;

    @Inject
    ToolInvoker invoker;

    @Inject
    ExportedRemoteTools exported;

    @Inject
    @ConfigProperty(name = "mcp.tools.page-size", defaultValue = "50")
    int pageSize;

    private Jsonb jsonb;
    private ArgumentBinder binder;
    private ToolResultMapper results;

    @PostConstruct
    void init() {
        jsonb = JsonbBuilder.create();
        binder = new ArgumentBinder(jsonb);
        results = new ToolResultMapper(jsonb);
    }

    @PreDestroy
    void close() {
        try {
            jsonb.close();
        } catch (Exception e) {
            LOG.fine("Closing JSON-B failed: " + e.getClass().getName());
        }
    }

    /**
     * tools/list: the tools the caller may call, one page at a time: this server's own, then the remote tools it
     * re-exports from servers the caller has connected.
     */
    public JsonObject list(JsonObject params, McpCaller caller) {
        List<JsonObject> visible = new ArrayList<>();
        registry.visibleTo(caller).forEach(tool -> visible.add(tool.descriptor()));
        if (exported.any()) {
            exported.descriptors().stream().filter(tool -> registry.find(tool.getString("name")).isEmpty())
                    .forEach(visible::add);
        }
        int offset = decodeCursor(params.get("cursor"), visible.size());
        int end = Math.min(visible.size(), offset + Math.max(1, pageSize));
        JsonArrayBuilder tools = JSON.createArrayBuilder();
        visible.subList(offset, end).forEach(tools::add);
        JsonObjectBuilder result = JSON.createObjectBuilder().add("tools", tools);
        if (end < visible.size()) {
            result.add("nextCursor", encodeCursor(end));
        }
        return result.build();
    }

    /** tools/call, from a client with those capabilities. */
    public JsonObject call(JsonObject params, McpCaller caller, ClientCapabilities client) {
        JsonValue nameValue = params.get("name");
        if (!(nameValue instanceof JsonString name)) {
            throw JsonRpcException.invalidParams("Invalid params: \"name\" must be the tool name (a string)");
        }
        JsonValue argumentsValue = params.get("arguments");
        if (argumentsValue != null && argumentsValue != JsonValue.NULL
                && argumentsValue.getValueType() != JsonValue.ValueType.OBJECT) {
            throw JsonRpcException.invalidParams("Invalid params: \"arguments\" must be an object");
        }
        JsonObject arguments = argumentsValue instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        Optional<ToolExtension.DiscoveredTool> local = registry.find(name.getString());
        if (local.isEmpty()) {
            ExportedRemoteTools.ExportedTool remote = exported.find(name.getString())
                    .orElseThrow(() -> JsonRpcException.invalidParams("Unknown tool: " + name.getString()));
            return answer(client, () -> results.remote(exported.call(remote, arguments)), name.getString());
        }
        ToolExtension.DiscoveredTool tool = local.get();
        ToolDefinition definition = tool.definition();
        if (!caller.scopes().containsAll(definition.requiredScopes())) {
            Set<String> needed = new LinkedHashSet<>(caller.scopes());
            needed.addAll(definition.requiredScopes());
            throw new InsufficientScopeException(needed,
                    "The tool " + definition.name() + " needs the scopes " + String.join(" ", definition.requiredScopes()));
        }
        Object[] values;
        try {
            values = binder.bind(definition, arguments, caller);
        } catch (InvalidArgumentsException e) {
            return results.error(e.getMessage());
        }
        return answer(client, () -> results.success(definition, invoker.invoke(tool, values)), definition.name());
    }

    /** What a tool's work is for the client: its result, or the failure the user reads (never a stack trace). */
    private JsonObject answer(ClientCapabilities client, ToolWork work, String toolName) {
        try {
            return work.run();
        } catch (ConnectionRequiredException e) {
            if (client.urlElicitation() && e.connectUrl().isPresent()) {
                throw urlElicitationRequired(e);
            }
            return results.error(e.getMessage());
        } catch (ToolCallException e) {
            return results.error(e.getMessage());
        } catch (Throwable e) {
            if (e instanceof Error error && !(e instanceof StackOverflowError)) {
                throw error;
            }
            String reference = UUID.randomUUID().toString();
            LOG.log(Level.WARNING, "Tool {0} failed with {1} (reference {2})",
                    new Object[] {toolName, e.getClass().getName(), reference});
            return results.error("The tool " + toolName
                    + " failed unexpectedly. Try again later; if it keeps failing, give your administrator the reference "
                    + reference + ".");
        }
    }

    /** A tool call's work, which may throw anything. */
    @FunctionalInterface
    private interface ToolWork {
        JsonObject run() throws Throwable;
    }

    /** MCP 2025-11-25 URLElicitationRequiredError: the client shows the URL; the user connects, then retries. */
    private static JsonRpcException urlElicitationRequired(ConnectionRequiredException e) {
        JsonObject elicitation = JSON.createObjectBuilder()
                .add("mode", "url")
                .add("elicitationId", UUID.randomUUID().toString())
                .add("url", e.connectUrl().orElseThrow())
                .add("message", e.elicitationMessage())
                .build();
        return new JsonRpcException(JsonRpcErrorCodes.URL_ELICITATION_REQUIRED,
                "This request requires connecting " + e.target() + " first.",
                JSON.createObjectBuilder().add("elicitations", JSON.createArrayBuilder().add(elicitation)).build());
    }

    private static String encodeCursor(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("tools:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int decodeCursor(JsonValue cursor, int size) {
        if (cursor == null || cursor == JsonValue.NULL) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(((JsonString) cursor).getString()),
                    StandardCharsets.UTF_8);
            if (text.startsWith("tools:")) {
                int offset = Integer.parseInt(text.substring("tools:".length()));
                if (offset >= 0 && offset <= size) {
                    return offset;
                }
            }
        } catch (ClassCastException | IllegalArgumentException e) {
            // falls through to the error below
        }
        throw JsonRpcException.invalidParams("Invalid params: unknown or expired cursor");
    }
}
