package dev.delegatemcp.server.proxy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.delegatemcp.api.Downstream;
import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.RemoteTool;
import dev.delegatemcp.api.RemoteToolResult;
import dev.delegatemcp.api.ToolCallException;
import dev.delegatemcp.api.interaction.TraceContext;
import dev.delegatemcp.credentials.DownstreamTarget;
import dev.delegatemcp.server.ServerMessages;
import dev.delegatemcp.server.downstream.CallerCredentials;
import dev.delegatemcp.server.remote.RemoteConfig;
import dev.delegatemcp.server.remote.RemoteMcpServers;
import dev.delegatemcp.wire.mcp.Tool;
import dev.delegatemcp.wire.mcp.ToolAnnotations;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;

import org.eclipse.microprofile.config.Config;

/**
 * Remote MCP servers' tools re-exported as this server's own, under a prefix, each call proxied with the caller's own
 * credential for that server (never the caller's token). Which targets: {@code mcp.remote.export} (target names,
 * comma separated; each needs {@code mcp.downstream.<name>.mcp-url}); per target {@code .export-prefix} (default
 * {@code <name>_}) and {@code .export-level} ({@code user} or {@code tenant}).
 * <p>
 * tools/list shows a remote server's tools only to callers who have connected it (the list is read with their
 * credential, and kept {@code mcp.remote.tools-cache-ttl}, default {@code PT60S}, per credential, at most
 * {@code mcp.remote.tools-cache-max-entries} lists). A caller the vault said has not connected is not asked about
 * again for {@code mcp.remote.not-connected-ttl} ({@link dev.delegatemcp.server.downstream.NotConnectedCallers}).
 * A call to a prefixed name from a caller who has not connected gets the same connect answer as a {@code @Downstream}
 * tool.
 */
@ApplicationScoped
public class ExportedRemoteTools {

    private static final Logger LOG = Logger.getLogger(ExportedRemoteTools.class.getName());
    private static final JsonObject OBJECT_SCHEMA = JsonProvider.provider().createObjectBuilder().add("type", "object")
            .build();
    private static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    /** A tool name of ours that stands for a remote tool. */
    public record ExportedTool(Export export, String remoteName) {
    }

    /** One exported target. */
    public record Export(String target, String prefix, Downstream.Level level) {
    }

    @Inject
    Config config;

    @Inject
    CallerCredentials credentials;

    @Inject
    RemoteMcpServers remoteServers;

    @Inject
    RemoteConfig remote;

    /** The time source of the tool lists' expiry; a test sets another before {@link #init()}. */
    Ticker ticker = Ticker.systemTicker();

    private final List<Export> exports = new ArrayList<>();
    /** Remote tool lists by target and credential digest: bounded and expiring, whatever the number of callers. */
    private Cache<String, List<RemoteTool>> lists;

    @PostConstruct
    void init() {
        lists = Caffeine.newBuilder().expireAfterWrite(remote.toolsCacheTtl())
                .maximumSize(remote.toolsCacheMaxEntries()).ticker(ticker).executor(Runnable::run).build();
        exports.clear();
        exports.addAll(exports(config, remote.export()));
    }

    /**
     * The exports configured, checked.
     *
     * @throws IllegalArgumentException naming the key when a target is not configured, has no mcp-url, or has a bad
     *         prefix or level
     */
    public static List<Export> exports(Config config, String targets) {
        List<Export> exports = new ArrayList<>();
        for (String name : targets.split(",")) {
            String target = name.trim();
            if (target.isEmpty()) {
                continue;
            }
            String prefix = DownstreamTarget.PREFIX + target + ".";
            if (DownstreamTarget.fromConfig(config, target).mcpUrl().isEmpty()) {
                throw new IllegalArgumentException("mcp.remote.export names '" + target + "', so set " + prefix
                        + "mcp-url");
            }
            String exportPrefix = config.getOptionalValue(prefix + "export-prefix", String.class).map(String::trim)
                    .orElse(target + "_");
            if (!exportPrefix.isEmpty() && !TOOL_NAME.matcher(exportPrefix).matches()) {
                throw new IllegalArgumentException(prefix + "export-prefix may use only A-Z a-z 0-9 _ . - , not "
                        + exportPrefix);
            }
            String level = config.getOptionalValue(prefix + "export-level", String.class).map(String::trim)
                    .orElse("user");
            exports.add(new Export(target, exportPrefix, switch (level.toLowerCase()) {
                case "user" -> Downstream.Level.USER;
                case "tenant" -> Downstream.Level.TENANT;
                default -> throw new IllegalArgumentException(prefix + "export-level must be user or tenant, not "
                        + level);
            }));
        }
        return exports;
    }

    /** Whether any target is exported. */
    public boolean any() {
        return !exports.isEmpty();
    }

    /**
     * The tools/list entries of the remote tools the caller can use now: those of the servers the caller has
     * connected, renamed with their prefix. A server the caller has not connected, or that fails, adds nothing.
     *
     * @param trace the trace context of the MCP request being served, sent on to the remote servers asked
     */
    public List<Tool> descriptors(Optional<TraceContext> trace) {
        List<Tool> descriptors = new ArrayList<>();
        for (Export export : exports) {
            try {
                Optional<DownstreamCredential> credential = credentials.obtainIfConnected(export.target(),
                        export.level(), List.of());
                if (credential.isEmpty()) {
                    continue;
                }
                for (RemoteTool tool : toolsOf(export, credential.get(), trace)) {
                    String name = export.prefix() + tool.name();
                    if (TOOL_NAME.matcher(name).matches()) {
                        descriptors.add(descriptor(name, export, tool));
                    }
                }
            } catch (ToolCallException e) {
                // Not connected, refused or unreachable: its tools are not listed; calling one says why.
                LOG.log(Level.FINE, "Tools of {0} not listed: {1}", new Object[] {export.target(),
                    e.getClass().getSimpleName()});
            } catch (RuntimeException e) {
                // Whatever else failed, the caller still gets this server's own tools: one export failing must
                // not fail tools/list. Said once per list at WARNING, with the class only (a message may hold data).
                ServerMessages.EXPORTED_TOOLS_NOT_LISTED.log(LOG, export.target(), e.getClass().getName());
            }
        }
        return descriptors;
    }

    /** The remote tool a name of ours stands for, if it has an exported prefix. */
    public Optional<ExportedTool> find(String toolName) {
        Export best = null;
        for (Export export : exports) {
            if (toolName.startsWith(export.prefix()) && toolName.length() > export.prefix().length()
                    && (best == null || export.prefix().length() > best.prefix().length())) {
                best = export;
            }
        }
        return best == null ? Optional.empty()
                : Optional.of(new ExportedTool(best, toolName.substring(best.prefix().length())));
    }

    /**
     * Calls the remote tool with the caller's credential for its server.
     *
     * @param trace the trace context of the MCP request being served, sent on to the remote server
     * @throws ToolCallException (a ConnectionRequiredException when not connected) with the user's sentence
     */
    public RemoteToolResult call(ExportedTool tool, JsonObject arguments, Optional<TraceContext> trace) {
        Export export = tool.export();
        DownstreamCredential credential = credentials.obtain(export.target(), export.level(), List.of());
        return remoteServers.open(export.target(), mcpUrl(export), credential, trace).callTool(tool.remoteName(),
                arguments);
    }

    private List<RemoteTool> toolsOf(Export export, DownstreamCredential credential, Optional<TraceContext> trace) {
        String key = export.target() + "\n" + sha256(credential.secret());
        List<RemoteTool> cached = lists.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        List<RemoteTool> tools = List.copyOf(remoteServers.open(export.target(), mcpUrl(export), credential, trace)
                .listTools());
        lists.put(key, tools);
        return tools;
    }

    private java.net.URI mcpUrl(Export export) {
        return credentials.target(export.target()).mcpUrl().orElseThrow();
    }

    private static Tool descriptor(String name, Export export, RemoteTool tool) {
        return new Tool(name, tool.title(), (tool.description() == null ? tool.name() : tool.description())
                + " (from the remote " + export.target() + " MCP server, with your own connection to it)",
                tool.inputSchema() == null ? OBJECT_SCHEMA : withoutParameterHeaders(tool.inputSchema()),
                tool.outputSchema(), new ToolAnnotations(null, null, null, null, true));
    }

    /**
     * The schema without {@code x-mcp-header} annotations (MCP 2026-07-28, Custom Headers from Tool Parameters): this
     * server neither checks such headers for a re-exported tool nor sends them on to the remote, so it does not ask
     * clients, or the intermediaries that would route on them, to rely on them.
     */
    static JsonObject withoutParameterHeaders(JsonObject schema) {
        jakarta.json.JsonObjectBuilder copy = jakarta.json.Json.createObjectBuilder();
        schema.forEach((key, value) -> {
            if (!"x-mcp-header".equals(key)) {
                copy.add(key, withoutParameterHeaders(value));
            }
        });
        return copy.build();
    }

    private static jakarta.json.JsonValue withoutParameterHeaders(jakarta.json.JsonValue value) {
        if (value instanceof JsonObject object) {
            return withoutParameterHeaders(object);
        }
        if (value instanceof jakarta.json.JsonArray array) {
            jakarta.json.JsonArrayBuilder copy = jakarta.json.Json.createArrayBuilder();
            array.forEach(item -> copy.add(withoutParameterHeaders(item)));
            return copy.build();
        }
        return value;
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
