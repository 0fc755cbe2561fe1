package dev.delegatemcp.server.feature.tool;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

import dev.delegatemcp.api.ToolCallException;
import dev.delegatemcp.api.interaction.ClientInteractionException;
import dev.delegatemcp.api.interaction.ConnectionRequiredException;
import dev.delegatemcp.api.interaction.RequestCancelledException;
import dev.delegatemcp.server.ServerMessages;
import dev.delegatemcp.server.protocol.CacheScope;
import dev.delegatemcp.server.protocol.McpFeature;
import dev.delegatemcp.server.protocol.Pagination;
import dev.delegatemcp.server.protocol.RequestContext;
import dev.delegatemcp.server.protocol.roundtrip.RoundTripSignal;
import dev.delegatemcp.server.security.InsufficientScopeException;
import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import dev.delegatemcp.wire.mcp.CallToolResult;
import dev.delegatemcp.wire.mcp.ListToolsResult;
import dev.delegatemcp.wire.mcp.McpMethods;
import dev.delegatemcp.wire.mcp.ProtocolVersion;
import dev.delegatemcp.wire.mcp.Tool;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.ResponseProcessingException;

/**
 * The tools feature (MCP 2025-11-25, Server features, Tools): {@code tools/list}, paged, from every
 * {@link ToolProvider} in priority order, and {@code tools/call}. A failure inside a tool is a result with
 * {@code isError: true} and a sentence the user can act on, never a protocol error and never a stack trace; an unknown
 * tool or malformed params are -32602. Over MCP 2026-07-28's Streamable HTTP, a call whose {@code Mcp-Param-*}
 * headers do not fit its arguments is HeaderMismatch -32020 ({@link ParameterHeaders}), checked before the tool runs.
 */
@ApplicationScoped
public class ToolsFeature implements McpFeature {

    private static final Logger LOG = Logger.getLogger(ToolsFeature.class.getName());

    @Inject
    @Any
    Instance<ToolProvider> providerBeans;

    @Inject
    ToolsConfig config;

    private List<ToolProvider> providers;

    /** For CDI. */
    public ToolsFeature() {
    }

    /** Serving these providers, in priority order (tests). */
    ToolsFeature(List<ToolProvider> providers, ToolsConfig config) {
        this.providers = providers.stream().sorted(Comparator.comparingInt(ToolProvider::priority)).toList();
        this.config = config;
    }

    @PostConstruct
    void init() {
        providers = providerBeans.stream().sorted(Comparator.comparingInt(ToolProvider::priority)).toList();
    }

    @Override
    public Set<String> methods() {
        return Set.of(McpMethods.TOOLS_LIST, McpMethods.TOOLS_CALL);
    }

    /** tools/list is filtered by the caller's scopes: private (MCP 2026-07-28, Caching, Choosing a Cache Scope). */
    @Override
    public Optional<CacheScope> cacheScope(String method) {
        return McpMethods.TOOLS_LIST.equals(method) ? Optional.of(CacheScope.PRIVATE) : Optional.empty();
    }

    @Override
    public Optional<Capability> capability() {
        return Optional.of(new Capability("tools", new ToolsCapability(false)));
    }

    /** The tools capability's options (MCP 2025-11-25 schema: ServerCapabilities.tools). */
    public record ToolsCapability(boolean listChanged) {
    }

    @Override
    public Object handle(JsonObject params, RequestContext context) {
        return McpMethods.TOOLS_LIST.equals(context.method()) ? list(params, context) : call(params, context);
    }

    /** tools/list: the tools the caller may call, one page at a time, each name once (the first provider's). */
    ListToolsResult list(JsonObject params, RequestContext context) {
        List<Tool> visible = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ToolProvider provider : providers) {
            provider.visibleTools(context).stream().filter(tool -> names.add(tool.name())).forEach(visible::add);
        }
        Pagination.Page<Tool> page = Pagination.page("tools", visible, params.get("cursor"), config.pageSize());
        return new ListToolsResult(page.items(), page.nextCursor());
    }

    /**
     * The first provider's tool of that name (a loop, no stream: this runs for every tools/call).
     *
     * @throws JsonRpcException -32602 when no provider has it
     */
    private ToolProvider.CallableTool find(String name, RequestContext context) {
        for (ToolProvider provider : providers) {
            Optional<ToolProvider.CallableTool> tool = provider.find(name, context);
            if (tool.isPresent()) {
                return tool.get();
            }
        }
        throw JsonRpcException.invalidParams("Unknown tool: " + name);
    }

    /**
     * tools/call.
     *
     * @throws JsonRpcException -32602 for malformed params or an unknown tool; -32020 when the request carries
     *         {@code Mcp-Param-*} headers ({@link RequestContext#paramHeaders()}) that do not fit the arguments
     */
    CallToolResult call(JsonObject params, RequestContext context) {
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
        ToolProvider.CallableTool tool = find(name.getString(), context);
        if (context.paramHeaders() != null) {
            tool.parameterHeaders().check(arguments, context.paramHeaders());
        }
        try {
            return tool.call(arguments, context);
        } catch (ConnectionRequiredException | InsufficientScopeException | RequestCancelledException
                | RoundTripSignal e) {
            throw e; // rendered by the protocol layer, a 403 by the transport, no response at all, a round trip
        } catch (ToolCallException e) {
            if (e instanceof ClientInteractionException missing
                    && missing.reason() == ClientInteractionException.Reason.NOT_SUPPORTED
                    && context.protocolVersion().era() == ProtocolVersion.Era.STATELESS) {
                throw missing; // MissingRequiredClientCapability, rendered by the protocol layer
            }
            return CallToolResult.error(e.getMessage());
        } catch (Throwable e) {
            if (e instanceof Error error && !(e instanceof StackOverflowError)) {
                throw error;
            }
            String reference = UUID.randomUUID().toString();
            ServerMessages.TOOL_FAILED.log(LOG, tool.name(), failureForTheLog(e), reference);
            return CallToolResult.error("The tool " + tool.name() + whatFailed(e, reference, tool.repeatable()));
        }
    }

    /**
     * What went wrong, as far as the user may know, and what to do, for a failure of a call the tool made through a
     * Jakarta REST or MicroProfile Rest client: the service answered with an error status (4xx: it refused the request,
     * 5xx: it failed), gave an answer that could not be read, or could not be reached or did not answer (an
     * {@link IOException} underneath); else only that it failed. Except for a refusal, what the tool asked may have
     * been done before the failure (a service that fails after acting, an answer lost on the way back): the user is
     * told to try again later only when the tool is {@linkplain ToolProvider.CallableTool#repeatable repeatable},
     * and otherwise to check whether it was done first (a payment must not be made twice); after a time-out, always to
     * check first.
     */
    private static String whatFailed(Throwable e, String reference, boolean repeatable) {
        String tellAdministrator = "; if it keeps failing, give your administrator the reference " + reference + ".";
        String checkFirst = ", so the tool may or may not have done what was asked. Check whether it was done before"
                + " trying again" + tellAdministrator;
        String again = repeatable ? ". Try again later" + tellAdministrator : checkFirst;
        if (e instanceof WebApplicationException answered && answered.getResponse() != null) {
            int status = answered.getResponse().getStatus();
            return status < 500
                    ? " could not finish: a service it calls refused the request (status " + status + "). Give your"
                            + " administrator the reference " + reference + "."
                    : " could not finish: a service it calls failed (status " + status + ")" + again;
        }
        if (e instanceof ResponseProcessingException) {
            return " could not finish: a service it calls gave an answer it could not read" + again;
        }
        if (e instanceof ProcessingException && rootCause(e) instanceof IOException) {
            return " could not finish: a service it calls could not be reached or did not answer in time"
                    + checkFirst;
        }
        return " failed unexpectedly" + again;
    }

    /**
     * The failure for the operator's log line: its class, the status a service answered, and the class of its root
     * cause (a timeout, a refused connection, an unknown host). Never a message, which may hold request data.
     */
    private static String failureForTheLog(Throwable e) {
        StringBuilder text = new StringBuilder(e.getClass().getName());
        if (e instanceof WebApplicationException answered && answered.getResponse() != null) {
            text.append(" (status ").append(answered.getResponse().getStatus()).append(')');
        }
        Throwable root = rootCause(e);
        if (root != e) {
            text.append(" caused by ").append(root.getClass().getName());
        }
        return text.toString();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 20; depth++) {
            root = root.getCause();
        }
        return root;
    }
}
