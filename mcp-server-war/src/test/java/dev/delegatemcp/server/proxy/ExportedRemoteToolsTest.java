package dev.delegatemcp.server.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.delegatemcp.api.Content;
import dev.delegatemcp.api.Downstream;
import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.RemoteMcpServer;
import dev.delegatemcp.api.RemoteTool;
import dev.delegatemcp.api.RemoteToolResult;
import dev.delegatemcp.api.ToolCallException;
import dev.delegatemcp.api.interaction.TraceContext;
import dev.delegatemcp.credentials.DownstreamTarget;
import dev.delegatemcp.server.downstream.CallerCredentials;
import dev.delegatemcp.server.remote.RemoteConfig;
import dev.delegatemcp.server.remote.RemoteMcpServers;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExportedRemoteToolsTest {

    private final Map<String, String> settings = new HashMap<>();
    private final Config config = (Config) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Config.class}, (proxy, method, args) -> {
                if (method.getName().equals("getOptionalValue") && args[1] == String.class) {
                    return Optional.ofNullable(settings.get((String) args[0]));
                }
                throw new UnsupportedOperationException(method.getName());
            });

    /** alice has connected crm (secret crm-alice); docs is not connected. */
    final class FakeCredentials extends CallerCredentials {
        final List<String> asked = new ArrayList<>();
        String crmSecret = "crm-alice";
        RuntimeException docsFailure;

        @Override
        public Optional<DownstreamCredential> obtainIfConnected(String target, Downstream.Level level,
                List<String> scopes) {
            try {
                return Optional.of(obtain(target, level, scopes));
            } catch (ToolCallException e) {
                return Optional.empty();
            }
        }

        @Override
        public DownstreamCredential obtain(String target, Downstream.Level level, List<String> scopes) {
            asked.add(target + "/" + level);
            if (docsFailure != null && target.equals("docs")) {
                throw docsFailure;
            }
            if (!target.equals("crm")) {
                throw new ToolCallException("Connect your " + target + " account.");
            }
            return new DownstreamCredential(target, crmSecret, DownstreamCredential.Type.BEARER, null,
                    Instant.now().plusSeconds(600), Set.of(), () -> null);
        }

        @Override
        public DownstreamTarget target(String name) {
            return DownstreamTarget.fromConfig(config, name);
        }
    }

    /** A remote server per target; remembers which credential each call used. */
    final class FakeRemotes extends RemoteMcpServers {
        final List<String> listed = new ArrayList<>();
        final List<String> called = new ArrayList<>();
        final List<Optional<TraceContext>> traces = new ArrayList<>();

        @Override
        public RemoteMcpServer open(String targetName, URI url, DownstreamCredential credential,
                Optional<TraceContext> trace) {
            traces.add(trace);
            return new RemoteMcpServer() {
                @Override
                public String name() {
                    return targetName;
                }

                @Override
                public List<RemoteTool> listTools() {
                    listed.add(targetName + " " + credential.secret());
                    return List.of(new RemoteTool("lookup_customer", "Look up", "Finds a customer",
                            Json.createObjectBuilder().add("type", "object").build(), null),
                            new RemoteTool("bad name!", null, null, null, null));
                }

                @Override
                public RemoteToolResult callTool(String tool, JsonObject arguments) {
                    called.add(url + " " + tool + " " + arguments + " " + credential.secret());
                    return new RemoteToolResult(List.of(Content.text("ok")), null, false);
                }

                @Override
                public RemoteToolResult callTool(String tool, Map<String, ?> arguments) {
                    throw new UnsupportedOperationException();
                }
            };
        }
    }

    private final FakeCredentials credentials = new FakeCredentials();
    private final FakeRemotes remotes = new FakeRemotes();
    private ExportedRemoteTools exported;

    @BeforeEach
    void setUp() {
        settings.put("mcp.downstream.crm.source", "outbound-app");
        settings.put("mcp.downstream.crm.mcp-url", "https://crm.example/mcp");
        settings.put("mcp.downstream.docs.source", "outbound-app");
        settings.put("mcp.downstream.docs.mcp-url", "https://docs.example/mcp");
        settings.put("mcp.downstream.docs.export-prefix", "docs.");
        settings.put("mcp.downstream.docs.export-level", "tenant");
        settings.put("mcp.remote.export", "crm, docs");
        exported = new ExportedRemoteTools();
        exported.config = config;
        exported.credentials = credentials;
        exported.remoteServers = remotes;
        String export = config.getOptionalValue(RemoteConfig.EXPORT, String.class).orElse("");
        exported.remote = new RemoteConfig() {
            @Override
            public String export() {
                return export;
            }

            @Override
            public java.time.Duration toolsCacheTtl() {
                return java.time.Duration.ofSeconds(60);
            }

            @Override
            public long toolsCacheMaxEntries() {
                return 100;
            }
        };
        exported.init();
    }

    @Test
    void onlyTheToolsOfConnectedServersAreListedUnderTheirPrefixWithValidNames() {
        List<JsonObject> tools =
                exported.descriptors(Optional.empty()).stream().map(ExportedRemoteToolsTest::written).toList();
        assertEquals(1, tools.size(), tools.toString());
        JsonObject tool = tools.get(0);
        assertEquals("crm_lookup_customer", tool.getString("name"));
        assertEquals("Look up", tool.getString("title"));
        assertTrue(tool.getString("description").startsWith("Finds a customer"));
        assertEquals("object", tool.getJsonObject("inputSchema").getString("type"));
        assertEquals(List.of("crm/USER", "docs/TENANT"), credentials.asked);
    }

    @Test
    void theRemoteListIsReadOncePerCredentialWhileFresh() {
        exported.descriptors(Optional.empty());
        exported.descriptors(Optional.empty());
        assertEquals(List.of("crm crm-alice"), remotes.listed);
        credentials.crmSecret = "crm-bob";
        exported.descriptors(Optional.empty());
        assertEquals(List.of("crm crm-alice", "crm crm-bob"), remotes.listed);
    }

    @Test
    void aPrefixedNameIsProxiedToTheRemoteToolWithTheCallersOwnCredential() {
        ExportedRemoteTools.ExportedTool tool = exported.find("crm_lookup_customer").orElseThrow();
        JsonObject arguments = Json.createObjectBuilder().add("name", "Acme").build();
        assertEquals("ok", exported.call(tool, arguments, Optional.empty()).text());
        assertEquals(List.of("https://crm.example/mcp lookup_customer {\"name\":\"Acme\"} crm-alice"), remotes.called);
    }

    @Test
    void theToolListAndAProxiedCallOpenTheRemoteServerWithTheRequestsTraceContext() {
        Optional<TraceContext> trace = TraceContext.of("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                null);
        exported.descriptors(trace);
        exported.call(exported.find("crm_lookup_customer").orElseThrow(), JsonObject.EMPTY_JSON_OBJECT, trace);
        assertEquals(List.of(trace, trace), remotes.traces);
    }

    @Test
    void callingAToolOfAServerNotConnectedGivesTheUsersSentence() {
        ExportedRemoteTools.ExportedTool tool = exported.find("docs.generate").orElseThrow();
        assertEquals("generate", tool.remoteName());
        ToolCallException e = assertThrows(ToolCallException.class,
                () -> exported.call(tool, JsonObject.EMPTY_JSON_OBJECT, Optional.empty()));
        assertEquals("Connect your docs account.", e.getMessage());
        assertTrue(remotes.called.isEmpty());
    }

    @Test
    void namesWithoutAnExportedPrefixOrWithOnlyThePrefixAreNotRemote() {
        assertTrue(exported.find("whoami").isEmpty());
        assertTrue(exported.find("crm_").isEmpty());
    }

    @Test
    void theLongestMatchingPrefixWins() {
        settings.put("mcp.downstream.crm.export-prefix", "c");
        settings.put("mcp.downstream.docs.export-prefix", "crm_");
        exported.init();
        assertEquals("docs", exported.find("crm_x").orElseThrow().export().target());
    }

    @Test
    void anExportedTargetWithoutMcpUrlIsRefusedNamingTheKey() {
        settings.remove("mcp.downstream.docs.mcp-url");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExportedRemoteTools.exports(config, "crm,docs"));
        assertTrue(e.getMessage().contains("mcp.downstream.docs.mcp-url"), e.getMessage());
    }

    @Test
    void aBadPrefixOrLevelIsRefusedNamingTheKey() {
        settings.put("mcp.downstream.crm.export-prefix", "crm/");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ExportedRemoteTools.exports(config, "crm"))
                .getMessage().contains("mcp.downstream.crm.export-prefix"));
        settings.remove("mcp.downstream.crm.export-prefix");
        settings.put("mcp.downstream.crm.export-level", "org");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ExportedRemoteTools.exports(config, "crm"))
                .getMessage().contains("mcp.downstream.crm.export-level"));
    }

    @Test
    void nothingIsExportedByDefault() {
        assertTrue(ExportedRemoteTools.exports(config, " ").isEmpty());
    }

    @Test
    void anExportThatFailsUnexpectedlyLeavesTheOtherToolsListed() {
        credentials.docsFailure = new IllegalStateException("the vault client broke");
        assertEquals(List.of("crm_lookup_customer"),
                exported.descriptors(Optional.empty()).stream().map(tool -> tool.name()).toList());
    }

    /** A tools/list entry as the client reads it. */
    private static JsonObject written(dev.delegatemcp.wire.mcp.Tool tool) {
        return dev.delegatemcp.wire.WireJson.jsonb().fromJson(dev.delegatemcp.wire.WireJson.toJson(tool),
                JsonObject.class);
    }
}
