package dev.delegatemcp.server.proxy;

import java.util.List;
import java.util.Optional;

import dev.delegatemcp.api.interaction.TraceContext;
import dev.delegatemcp.server.feature.tool.ToolProvider;
import dev.delegatemcp.server.feature.tool.ToolResultMapper;
import dev.delegatemcp.server.protocol.RequestContext;
import dev.delegatemcp.wire.mcp.CallToolResult;
import dev.delegatemcp.wire.mcp.Tool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/**
 * Remote MCP servers' tools re-exported under a prefix ({@link ExportedRemoteTools}) as a {@link ToolProvider} after
 * this server's own tools: a name of ours hides a re-exported tool of the same name.
 */
@ApplicationScoped
public class ExportedToolProvider implements ToolProvider {

    @Inject
    ExportedRemoteTools exported;

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public List<Tool> visibleTools(RequestContext context) {
        return exported.any() ? exported.descriptors(traceOf(context)) : List.of();
    }

    @Override
    public Optional<CallableTool> find(String name, RequestContext context) {
        return exported.find(name).map(tool -> new CallableTool() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public CallToolResult call(JsonObject arguments, RequestContext callContext) {
                return ToolResultMapper.remote(exported.call(tool, arguments, traceOf(callContext)));
            }
        });
    }

    /** The trace context of the request, passed on to the remote server; none without an interaction (tests). */
    static Optional<TraceContext> traceOf(RequestContext context) {
        return context.interaction() == null ? Optional.empty() : context.interaction().traceContext();
    }
}
