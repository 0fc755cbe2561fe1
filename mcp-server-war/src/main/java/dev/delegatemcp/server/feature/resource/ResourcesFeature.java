package dev.delegatemcp.server.feature.resource;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.ToolCallException;
import dev.delegatemcp.api.interaction.ClientInteractionException;
import dev.delegatemcp.api.interaction.ConnectionRequiredException;
import dev.delegatemcp.api.interaction.RequestCancelledException;
import dev.delegatemcp.api.resource.ResourceNotFoundException;
import dev.delegatemcp.server.ServerMessages;
import dev.delegatemcp.server.protocol.CacheScope;
import dev.delegatemcp.server.protocol.McpFeature;
import dev.delegatemcp.server.protocol.Pagination;
import dev.delegatemcp.server.protocol.RequestContext;
import dev.delegatemcp.server.protocol.roundtrip.RoundTripSignal;
import dev.delegatemcp.server.security.InsufficientScopeException;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorCodes;
import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import dev.delegatemcp.wire.mcp.ListResourceTemplatesResult;
import dev.delegatemcp.wire.mcp.ListResourcesResult;
import dev.delegatemcp.wire.mcp.McpMethods;
import dev.delegatemcp.wire.mcp.ProtocolVersion;
import dev.delegatemcp.wire.mcp.ReadResourceResult;
import dev.delegatemcp.wire.mcp.Resource;
import dev.delegatemcp.wire.mcp.ResourceTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

/**
 * The resources feature (MCP 2025-11-25, Server features, Resources): {@code resources/list} and
 * {@code resources/templates/list}, paged ({@code mcp.resources.page-size}) and showing a caller only what its token's
 * scopes allow; {@code resources/read}; {@code resources/subscribe} and {@code resources/unsubscribe}, per session.
 * Announces {@code resources: {subscribe: true, listChanged: true}}.
 * <p>
 * Errors (JSON-RPC):
 * <ul>
 * <li>-32002 "Resource not found" with {@code data: {"uri": ...}} when no resource has the URI and no template matches
 * it (read and subscribe), or when the method throws {@link ResourceNotFoundException};</li>
 * <li>HTTP 403 {@code insufficient_scope} ({@link InsufficientScopeException}) when reading or subscribing without the
 * resource's scopes;</li>
 * <li>-32603 with the method's sentence when it throws a {@link ToolCallException} (a failure the user can act on,
 * e.g. from {@code @Downstream}: the spec names -32603 for errors inside the server, and the sentence says what to
 * do), except {@link ConnectionRequiredException}, which goes to the protocol layer as it is;</li>
 * <li>-32603 with only a reference when it throws anything else (the class and reference logged as
 * {@code DMCPS0005W}, no message or stack trace anywhere);</li>
 * <li>-32602 for params without a string {@code uri}, an unknown cursor, or a session at its subscription limit;
 * -32600 for a subscription outside a session.</li>
 * </ul>
 */
@ApplicationScoped
public class ResourcesFeature implements McpFeature {

    private static final Logger LOG = Logger.getLogger(ResourcesFeature.class.getName());
    /** Looked up once: {@code Json.createXxx} looks the provider up again on every call (a class-loader lock). */
    private static final JsonProvider JSON = JsonProvider.provider();

    private final ResourceCatalog catalog;
    private final ResourceSubscriptions subscriptions;
    private final ResourcesConfig config;

    /** For CDI proxies only. */
    protected ResourcesFeature() {
        this(null, null, null);
    }

    @Inject
    public ResourcesFeature(ResourceCatalog catalog, ResourceSubscriptions subscriptions, ResourcesConfig config) {
        this.catalog = catalog;
        this.subscriptions = subscriptions;
        this.config = config;
    }

    /** The resources capability's options (MCP 2025-11-25 schema: ServerCapabilities.resources). */
    public record ResourcesCapability(boolean subscribe, boolean listChanged) {
    }

    @Override
    public Set<String> methods() {
        return Set.of(McpMethods.RESOURCES_LIST, McpMethods.RESOURCES_TEMPLATES_LIST, McpMethods.RESOURCES_READ,
                McpMethods.RESOURCES_SUBSCRIBE, McpMethods.RESOURCES_UNSUBSCRIBE);
    }

    /**
     * The lists are filtered by the caller's scopes and a read's contents are the caller's: all private (MCP
     * 2026-07-28, Caching, Choosing a Cache Scope).
     */
    @Override
    public Optional<CacheScope> cacheScope(String method) {
        return McpMethods.RESOURCES_LIST.equals(method) || McpMethods.RESOURCES_TEMPLATES_LIST.equals(method)
                || McpMethods.RESOURCES_READ.equals(method) ? Optional.of(CacheScope.PRIVATE) : Optional.empty();
    }

    @Override
    public Optional<Capability> capability() {
        return Optional.of(new Capability("resources", new ResourcesCapability(true, true)));
    }

    @Override
    public Object handle(JsonObject params, RequestContext context) {
        return switch (context.method()) {
            case McpMethods.RESOURCES_LIST -> list(params, context);
            case McpMethods.RESOURCES_TEMPLATES_LIST -> listTemplates(params, context);
            case McpMethods.RESOURCES_READ -> read(params, context);
            case McpMethods.RESOURCES_SUBSCRIBE -> subscribe(params, context);
            case McpMethods.RESOURCES_UNSUBSCRIBE -> unsubscribe(params, context);
            default -> throw JsonRpcException.methodNotFound(context.method());
        };
    }

    /** resources/list: the resources the caller may read, by URI, one page at a time. */
    ListResourcesResult list(JsonObject params, RequestContext context) {
        Pagination.Page<Resource> page = Pagination.page("resources", catalog.visibleResources(context.caller()),
                params.get("cursor"), config.pageSize());
        return new ListResourcesResult(page.items(), page.nextCursor());
    }

    /** resources/templates/list: the templates the caller may use, in matching order, one page at a time. */
    ListResourceTemplatesResult listTemplates(JsonObject params, RequestContext context) {
        Pagination.Page<ResourceTemplate> page = Pagination.page("templates",
                catalog.visibleTemplates(context.caller()), params.get("cursor"), config.pageSize());
        return new ListResourceTemplatesResult(page.items(), page.nextCursor());
    }

    /** resources/read. */
    ReadResourceResult read(JsonObject params, RequestContext context) {
        String uri = uri(params);
        ResourceCatalog.Resolved resource = catalog.resolve(uri).orElseThrow(() -> notFound(uri, context));
        checkScopes(resource, context.caller(), uri);
        try {
            Object value = resource.source()
                    .produce(ResourceArguments.bind(resource.parameters(), resource.variables(), context));
            return new ReadResourceResult(
                    ResourceContentsMapper.map(value, resource.shape(), uri, resource.mimeType()));
        } catch (ConnectionRequiredException | InsufficientScopeException | RequestCancelledException
                | RoundTripSignal e) {
            throw e; // rendered by the protocol layer, and a 403 by the transport
        } catch (ResourceNotFoundException e) {
            throw notFound(uri, context);
        } catch (ToolCallException e) {
            if (e instanceof ClientInteractionException missing
                    && missing.reason() == ClientInteractionException.Reason.NOT_SUPPORTED) {
                throw missing; // rendered by the protocol layer (per revision)
            }
            throw new JsonRpcException(JsonRpcErrorCodes.INTERNAL_ERROR,
                    e.getMessage() != null ? e.getMessage() : "The resource could not be read.");
        } catch (Throwable e) {
            if (e instanceof Error error && !(e instanceof StackOverflowError)) {
                throw error;
            }
            String reference = UUID.randomUUID().toString();
            ServerMessages.RESOURCE_FAILED.log(LOG, resource.label(), e.getClass().getName(), reference);
            throw new JsonRpcException(JsonRpcErrorCodes.INTERNAL_ERROR,
                    "Internal error: the resource could not be read. Try again later; if it keeps failing, give"
                            + " your administrator the reference " + reference + ".");
        }
    }

    /** resources/subscribe: the session hears of changes to this URI until it unsubscribes or ends. */
    JsonObject subscribe(JsonObject params, RequestContext context) {
        String uri = uri(params);
        String session = session(context);
        ResourceCatalog.Resolved resource = catalog.resolve(uri).orElseThrow(() -> notFound(uri));
        checkScopes(resource, context.caller(), uri);
        if (!subscriptions.subscribe(session, uri)) {
            throw JsonRpcException.invalidParams("Invalid params: this session is subscribed to "
                    + subscriptions.maxPerSession()
                    + " resources, the most it may be; unsubscribe from one before subscribing to another");
        }
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    /** resources/unsubscribe: idempotent, also for a URI the session is not subscribed to. */
    JsonObject unsubscribe(JsonObject params, RequestContext context) {
        String uri = uri(params);
        subscriptions.unsubscribe(session(context), uri);
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    /** The -32002 error of MCP 2025-11-25 (Resources, Error Handling), with the URI as data. */
    static JsonRpcException notFound(String uri) {
        return new JsonRpcException(JsonRpcErrorCodes.RESOURCE_NOT_FOUND, "Resource not found",
                JSON.createObjectBuilder().add("uri", uri).build());
    }

    /**
     * Resource not found in the request's revision: -32002 in a session, -32602 without one (MCP 2026-07-28, Key
     * Changes: "Change resource not found error code from -32002 to -32602"), with the URI as data either way.
     */
    static JsonRpcException notFound(String uri, RequestContext context) {
        if (context.protocolVersion().era() == ProtocolVersion.Era.STATELESS) {
            return new JsonRpcException(JsonRpcErrorCodes.INVALID_PARAMS, "Resource not found: " + uri,
                    JSON.createObjectBuilder().add("uri", uri).build());
        }
        return notFound(uri);
    }

    private static void checkScopes(ResourceCatalog.Resolved resource, McpCaller caller, String uri) {
        if (!caller.scopes().containsAll(resource.scopes())) {
            Set<String> needed = new LinkedHashSet<>(caller.scopes());
            needed.addAll(resource.scopes());
            throw new InsufficientScopeException(needed,
                    "The resource " + uri + " needs the scopes " + String.join(" ", resource.scopes()));
        }
    }

    private static String uri(JsonObject params) {
        if (!(params.get("uri") instanceof JsonString uri)) {
            throw JsonRpcException.invalidParams("Invalid params: \"uri\" must be the resource URI (a string)");
        }
        return uri.getString();
    }

    private static String session(RequestContext context) {
        if (context.sessionId() == null) {
            throw new JsonRpcException(JsonRpcErrorCodes.INVALID_REQUEST,
                    "Invalid Request: resource subscriptions belong to a session; send Mcp-Session-Id");
        }
        return context.sessionId();
    }
}
