package dev.delegatemcp.server.tools;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.ToolCallException;
import dev.delegatemcp.server.jsonrpc.JsonRpcException;
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

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * tools/list and tools/call: finds the tool, checks the caller's scopes, binds and validates the arguments, invokes
 * it and maps the result. A failure inside a tool is a result with {@code isError: true}, never a protocol error.
 */
@ApplicationScoped
public class ToolsHandler {

    private static final Logger LOG = Logger.getLogger(ToolsHandler.class.getName());

    @Inject
    ToolRegistry registry;

    @Inject
    ToolInvoker invoker;

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

    /** tools/list: the tools the caller may call, one page at a time. */
    public JsonObject list(JsonObject params, McpCaller caller) {
        List<ToolDefinition> visible = registry.visibleTo(caller);
        int offset = decodeCursor(params.get("cursor"), visible.size());
        int end = Math.min(visible.size(), offset + Math.max(1, pageSize));
        JsonArrayBuilder tools = Json.createArrayBuilder();
        visible.subList(offset, end).forEach(tool -> tools.add(tool.descriptor()));
        JsonObjectBuilder result = Json.createObjectBuilder().add("tools", tools);
        if (end < visible.size()) {
            result.add("nextCursor", encodeCursor(end));
        }
        return result.build();
    }

    /** tools/call. */
    public JsonObject call(JsonObject params, McpCaller caller) {
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
        ToolExtension.DiscoveredTool tool = registry.find(name.getString())
                .orElseThrow(() -> JsonRpcException.invalidParams("Unknown tool: " + name.getString()));
        ToolDefinition definition = tool.definition();
        if (!caller.scopes().containsAll(definition.requiredScopes())) {
            Set<String> needed = new LinkedHashSet<>(caller.scopes());
            needed.addAll(definition.requiredScopes());
            throw new InsufficientScopeException(needed,
                    "The tool " + definition.name() + " needs the scopes " + String.join(" ", definition.requiredScopes()));
        }
        Object[] values = binder.bind(definition, arguments, caller);
        try {
            return results.success(definition, invoker.invoke(tool, values));
        } catch (ToolCallException e) {
            return results.error(e.getMessage());
        } catch (Throwable e) {
            if (e instanceof Error error && !(e instanceof StackOverflowError)) {
                throw error;
            }
            String reference = UUID.randomUUID().toString();
            LOG.log(Level.WARNING, "Tool {0} failed with {1} (reference {2})",
                    new Object[] {definition.name(), e.getClass().getName(), reference});
            return results.error("The tool " + definition.name()
                    + " failed unexpectedly. Try again later; if it keeps failing, give your administrator the reference "
                    + reference + ".");
        }
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
