package dev.delegatemcp.server.feature.tool;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.server.BeanMethodCall;
import dev.delegatemcp.server.protocol.RequestContext;
import dev.delegatemcp.server.security.Scopes;
import dev.delegatemcp.wire.WireJson;
import dev.delegatemcp.wire.mcp.CallToolResult;
import dev.delegatemcp.wire.mcp.Tool;
import dev.delegatemcp.wire.mcp.ToolAnnotations;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/**
 * This server's own {@code @Tool} methods as a {@link ToolProvider}: listed to callers whose token carries every
 * scope they require (by name); a call checks the scopes (403 {@code insufficient_scope} otherwise), binds and
 * validates the arguments (an {@code isError} result listing the problems), invokes the method on its CDI bean (so
 * {@code @Downstream} runs) and maps what it returned.
 */
@ApplicationScoped
public class LocalToolProvider implements ToolProvider {

    @Inject
    ToolRegistry registry;

    @Inject
    ToolInvoker invoker;

    private final ArgumentBinder binder = new ArgumentBinder(WireJson.jsonb());
    private final ToolResultMapper results = new ToolResultMapper(WireJson.jsonb());

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public List<Tool> visibleTools(RequestContext context) {
        return registry.visibleTo(context.caller()).stream().map(ToolDefinition::descriptor).toList();
    }

    /** One callable per tool, made once: tools/call finds it without allocating. */
    private Map<String, Optional<CallableTool>> callables;

    @PostConstruct
    void init() {
        callables = registry.all().stream().collect(Collectors.toUnmodifiableMap(tool -> tool.definition().name(),
                tool -> Optional.of(new LocalTool(tool))));
    }

    @Override
    public Optional<CallableTool> find(String name, RequestContext context) {
        return callables.getOrDefault(name, Optional.empty());
    }

    /** A tool declaring {@code readOnlyHint} or {@code idempotentHint} true; hints may be null (none declared). */
    static boolean repeatable(ToolAnnotations hints) {
        return hints != null
                && (Boolean.TRUE.equals(hints.readOnlyHint()) || Boolean.TRUE.equals(hints.idempotentHint()));
    }

    private final class LocalTool implements CallableTool {

        private final ToolExtension.DiscoveredTool tool;
        private final BeanMethodCall method;

        LocalTool(ToolExtension.DiscoveredTool tool) {
            this.tool = tool;
            this.method = invoker.callOf(tool);
        }

        @Override
        public String name() {
            return tool.definition().name();
        }

        @Override
        public ParameterHeaders parameterHeaders() {
            return tool.definition().parameterHeaders();
        }

        @Override
        public boolean repeatable() {
            return LocalToolProvider.repeatable(tool.definition().descriptor().annotations());
        }

        @Override
        public CallToolResult call(JsonObject arguments, RequestContext context) throws Throwable {
            ToolDefinition definition = tool.definition();
            McpCaller caller = context.caller();
            Scopes.require(caller, definition.requiredScopes(), "The tool " + definition.name());
            Object[] values;
            try {
                values = binder.bind(definition, arguments, caller, context.interaction());
            } catch (InvalidArgumentsException e) {
                return CallToolResult.error(e.getMessage());
            }
            return results.success(definition, method.call(values));
        }
    }
}
