package dev.delegatemcp.server.feature.tool;

import java.util.List;
import java.util.Optional;

import dev.delegatemcp.server.protocol.RequestContext;
import dev.delegatemcp.wire.mcp.Tool;

/**
 * The extension point of the tool feature: a source of tools, a CDI bean found at start-up. This server's own
 * {@code @Tool} methods are one provider ({@link LocalToolProvider}); remote tools re-exported under a prefix are
 * another (in the proxy package). Providers are asked in {@link #priority()} order; a name an earlier provider
 * serves hides the same name in later ones, in {@code tools/list} and in {@code tools/call}.
 */
public interface ToolProvider {

    /** Lower first. This server's own tools are 0. */
    int priority();

    /** The tools this caller may see now, in a stable order. */
    List<Tool> visibleTools(RequestContext context);

    /**
     * The tool of that name, when this provider serves it (even to a caller without its scopes: the call then says
     * so with a 403, not "unknown tool").
     */
    Optional<CallableTool> find(String name, RequestContext context);

    /** A tool ready to call. */
    interface CallableTool {

        /** The tool's name, for messages. */
        String name();

        /**
         * The arguments clients mirror into {@code Mcp-Param-*} headers, which {@code tools/call} checks before
         * calling (MCP 2026-07-28, Streamable HTTP, Custom Headers from Tool Parameters); none by default.
         */
        default ParameterHeaders parameterHeaders() {
            return ParameterHeaders.NONE;
        }

        /**
         * Whether calling it again with the same arguments can do no harm: it declares {@code readOnlyHint} or
         * {@code idempotentHint} (MCP 2025-11-25, schema: ToolAnnotations). It decides what a user is told after a
         * failure that may have come after the tool acted: to try again, or to check first. False by default, and
         * for a remote server's tools, whose annotations are untrusted hints (MCP 2025-11-25, Tools, Tool
         * Annotations).
         */
        default boolean repeatable() {
            return false;
        }

        /**
         * Calls it.
         *
         * @param arguments the tools/call {@code arguments} (an empty object when absent)
         * @return its result; a failure the user can act on is a result with {@code isError: true}
         * @throws Throwable whatever the tool threw: the tool feature turns it into a result, except a
         *         {@link dev.delegatemcp.api.interaction.ConnectionRequiredException}, which the protocol layer
         *         renders, and a {@code security} exception (403)
         */
        dev.delegatemcp.wire.mcp.CallToolResult call(jakarta.json.JsonObject arguments, RequestContext context)
                throws Throwable;
    }
}
