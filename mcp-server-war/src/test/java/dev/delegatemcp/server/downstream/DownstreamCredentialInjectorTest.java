package dev.delegatemcp.server.downstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import dev.delegatemcp.api.Downstream;
import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.DownstreamCredentials;
import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.RemoteMcpServer;
import dev.delegatemcp.api.RemoteTool;
import dev.delegatemcp.api.RemoteToolResult;
import dev.delegatemcp.api.ToolCallException;
import dev.delegatemcp.api.interaction.ConnectionRequiredException;
import dev.delegatemcp.api.interaction.McpRequest;
import dev.delegatemcp.api.interaction.TraceContext;
import dev.delegatemcp.credentials.CredentialException;
import dev.delegatemcp.credentials.CredentialKey;
import dev.delegatemcp.credentials.CredentialRequest;
import dev.delegatemcp.credentials.CredentialService;
import dev.delegatemcp.credentials.DownstreamTarget;
import dev.delegatemcp.server.protocol.stream.CurrentRequest;
import dev.delegatemcp.server.remote.RemoteMcpServers;
import dev.delegatemcp.server.security.CallerProducer;
import dev.delegatemcp.server.security.InboundToken;
import jakarta.interceptor.InvocationContext;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DownstreamCredentialInjectorTest {

    /** Tool methods as a tool author writes them. */
    public static class Tools {
        @Downstream(resource = "calendar", scopes = "calendar.read")
        public String one(String text, DownstreamCredential calendar) {
            return text;
        }

        @Downstream(resource = "calendar")
        @Downstream(connection = "crm")
        public String two(DownstreamCredential calendar, DownstreamCredential crm) {
            return "";
        }

        @Downstream(resource = "calendar")
        @Downstream(connection = "crm")
        public String all(DownstreamCredentials credentials) {
            return "";
        }

        @Downstream(connection = "crm", level = Downstream.Level.TENANT)
        public String tenant(DownstreamCredential crm) {
            return "";
        }

        @Downstream(resource = "calendar")
        @Downstream(connection = "crm")
        public String remote(DownstreamCredential calendar, RemoteMcpServer crm) {
            return "";
        }
    }

    /** A method inherited by beans whose classes declare different targets. */
    public static class Inherited {
        public String call(DownstreamCredential credential) {
            return "";
        }
    }

    @Downstream(resource = "calendar")
    public static class CalendarBean extends Inherited {
    }

    @Downstream(connection = "crm")
    public static class CrmBean extends Inherited {
    }

    /** The targets as configured: crm is a remote MCP server with a connect URL. */
    static DownstreamTarget configured(String name) {
        return new DownstreamTarget(name, DownstreamTarget.Source.OUTBOUND_APP, null, List.of(), name + "-app",
                List.of(name + ".read"), DownstreamCredential.Type.BEARER, "X-API-Key", "tenantId", Map.of(),
                Optional.of("https://connect.example/{app}?scopes={scopes}&level={level}&tenant={tenant}"),
                Optional.of(URI.create("https://" + name + ".example/mcp")));
    }

    /** Opens nothing: remembers what it was asked to open. */
    static final class FakeRemoteServers extends RemoteMcpServers {
        final List<String> opened = new ArrayList<>();
        final List<Optional<TraceContext>> traces = new ArrayList<>();

        @Override
        public RemoteMcpServer open(String targetName, URI url, DownstreamCredential credential,
                Optional<TraceContext> trace) {
            opened.add(targetName + " " + url + " " + credential.secret());
            traces.add(trace);
            return new RemoteMcpServer() {
                @Override
                public String name() {
                    return targetName;
                }

                @Override
                public List<RemoteTool> listTools() {
                    return List.of();
                }

                @Override
                public RemoteToolResult callTool(String tool, jakarta.json.JsonObject arguments) {
                    return null;
                }

                @Override
                public RemoteToolResult callTool(String tool, Map<String, ?> arguments) {
                    return null;
                }
            };
        }
    }

    /** Hands out credentials and remembers the requests; refresh() fails with {@link #refreshFailure} if set. */
    static final class FakeCredentials extends CredentialService {
        final List<CredentialRequest> requests = new ArrayList<>();
        CredentialException failure;
        CredentialException refreshFailure;

        @Override
        public DownstreamCredential credentialFor(CredentialRequest request) {
            requests.add(request);
            if (failure != null) {
                throw failure;
            }
            return new DownstreamCredential(request.target(), "secret-for-" + request.target(),
                    DownstreamCredential.Type.BEARER, null, Instant.now().plusSeconds(60), Set.of(), () -> {
                        if (refreshFailure != null) {
                            throw refreshFailure;
                        }
                        return new DownstreamCredential(request.target(), "fresh-for-" + request.target(),
                                DownstreamCredential.Type.BEARER, null, null, Set.of(), () -> null);
                    });
        }

        @Override
        public DownstreamTarget target(String name) {
            return configured(name);
        }
    }

    /** The minimum of an InvocationContext: method, parameters, context data, proceed. */
    static final class Invocation implements InvocationContext {
        final Object target;
        final Method method;
        Object[] parameters;
        final Map<String, Object> data = new HashMap<>();
        int proceeded;

        Invocation(String name, Object... parameters) {
            this(methodNamed(Tools.class, name), new Tools(), parameters);
        }

        /** An invocation of the method of that name on {@code target}. */
        static Invocation on(Object target, String name, Object... parameters) {
            return new Invocation(methodNamed(target.getClass(), name), target, parameters);
        }

        private Invocation(Method method, Object target, Object[] parameters) {
            this.target = target;
            this.method = method;
            this.parameters = parameters;
        }

        private static Method methodNamed(Class<?> type, String name) {
            return java.util.Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(name)).findFirst()
                    .orElseThrow();
        }

        @Override
        public Object getTarget() {
            return target;
        }

        @Override
        public Object getTimer() {
            return null;
        }

        @Override
        public Method getMethod() {
            return method;
        }

        @Override
        public Constructor<?> getConstructor() {
            return null;
        }

        @Override
        public Object[] getParameters() {
            return parameters.clone();
        }

        @Override
        public void setParameters(Object[] params) {
            this.parameters = params;
        }

        @Override
        public Map<String, Object> getContextData() {
            return data;
        }

        @Override
        public Object proceed() {
            proceeded++;
            return "done";
        }
    }

    private final FakeCredentials credentials = new FakeCredentials();
    private final FakeRemoteServers remoteServers = new FakeRemoteServers();
    private DownstreamCredentialInjector injector;
    private final AtomicLong nanos = new AtomicLong();
    private String tenant = "acme";
    /** The digest the caller keeps for its token, or null. */
    private String callersTokenDigest;
    private Optional<TraceContext> trace = Optional.empty();
    /** The request being served: only its trace context is read here. */
    private final McpRequest request = (McpRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {McpRequest.class}, (proxy, method, args) -> {
                if (method.getName().equals("traceContext")) {
                    return trace;
                }
                throw new UnsupportedOperationException(method.getName());
            });
    private final CallerCredentials callerCredentials = new CallerCredentials();

    @BeforeEach
    void setUp() {
        injector = new DownstreamCredentialInjector();
        injector.credentials = callerCredentials;
        injector.request = request;
        callerCredentials.request = request;
        injector.remoteServers = remoteServers;
        // A request without a client able to connect inside the call (InCallConnectTest covers the other case).
        injector.connectConfig = new ConnectConfig(false, java.time.Duration.ofMinutes(5),
                java.time.Duration.ofSeconds(2));
        callerCredentials.credentials = credentials;
        callerCredentials.notConnected = new NotConnectedCallers(Duration.ofSeconds(30), 100, nanos::get);
        JsonWebToken inbound = new JsonWebToken() {
            @Override
            public String getName() {
                return "alice";
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of("raw_token");
            }

            @SuppressWarnings("unchecked")
            @Override
            public <T> T getClaim(String claimName) {
                return "raw_token".equals(claimName) ? (T) "the-inbound-token" : null;
            }
        };
        callerCredentials.inboundToken = new InboundToken() {
            @Override
            public JsonWebToken current() {
                return inbound;
            }
        };
        McpCaller alice = new McpCaller() {
            @Override
            public String subject() {
                return "alice";
            }

            @Override
            public Optional<String> clientId() {
                return Optional.of("claude");
            }

            @Override
            public Optional<String> tenant() {
                return Optional.ofNullable(tenant);
            }

            @Override
            public Set<String> scopes() {
                return Set.of();
            }
        };
        callerCredentials.callers = new CallerProducer() {
            @Override
            public McpCaller callerOf(JsonWebToken jwt) {
                return jwt == inbound ? alice : null;
            }

            @Override
            public String subjectTokenDigest(McpCaller caller) {
                return caller == alice ? callersTokenDigest : null;
            }
        };
    }

    private static final TraceContext TRACE = new TraceContext(
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "congo=t61rcWkgMzE");

    @Test
    void theCredentialRequestCarriesTheTraceContextOfTheRequestBeingServed() throws Exception {
        trace = Optional.of(TRACE);
        injector.intercept(new Invocation("one", "hello", null));
        assertEquals(TRACE, credentials.requests.get(0).trace());
    }

    @Test
    void theCredentialRequestCarriesTheDigestTheCallerKeepsForItsToken() throws Exception {
        callersTokenDigest = CredentialKey.digestOf("the-inbound-token");
        injector.intercept(new Invocation("one", "hello", null));
        assertEquals(callersTokenDigest, credentials.requests.get(0).subjectTokenDigest());
        assertEquals("the-inbound-token", credentials.requests.get(0).subjectToken());
    }

    @Test
    void withoutADigestKeptByTheCallerTheCredentialRequestHasNone() throws Exception {
        injector.intercept(new Invocation("one", "hello", null));
        assertNull(credentials.requests.get(0).subjectTokenDigest());
    }

    @Test
    void withoutACurrentRequestTheCredentialRequestHasNoTraceContext() throws Exception {
        callerCredentials.request = new CurrentRequest();
        injector.intercept(new Invocation("one", "hello", null));
        assertNull(credentials.requests.get(0).trace());
    }

    @Test
    void aRemoteMcpServerParameterIsOpenedWithTheTraceContextOfTheRequestBeingServed() throws Exception {
        trace = Optional.of(TRACE);
        injector.intercept(new Invocation("remote", null, null));
        assertEquals(List.of(Optional.of(TRACE)), remoteServers.traces);
    }

    @Test
    void credentialIsObtainedWithTheInboundTokenAndPutIntoTheParameter() throws Exception {
        Invocation invocation = new Invocation("one", "hello", null);
        assertEquals("done", injector.intercept(invocation));
        assertEquals("hello", invocation.parameters[0]);
        assertEquals("secret-for-calendar", ((DownstreamCredential) invocation.parameters[1]).secret());
        CredentialRequest request = credentials.requests.get(0);
        assertEquals("the-inbound-token", request.subjectToken());
        assertEquals(List.of("calendar.read"), request.scopes());
        assertEquals("claude", request.mcpClient());
        assertEquals(Downstream.Level.USER, request.level());
    }

    @Test
    void severalTargetsFillTheCredentialParametersInDeclarationOrder() throws Exception {
        Invocation invocation = new Invocation("two", null, null);
        injector.intercept(invocation);
        assertEquals("calendar", ((DownstreamCredential) invocation.parameters[0]).target());
        assertEquals("crm", ((DownstreamCredential) invocation.parameters[1]).target());
    }

    @Test
    void aCredentialsParameterGetsAllByName() throws Exception {
        Invocation invocation = new Invocation("all", (Object) null);
        injector.intercept(invocation);
        DownstreamCredentials all = (DownstreamCredentials) invocation.parameters[0];
        assertEquals(Set.of("calendar", "crm"), all.asMap().keySet());
    }

    @Test
    void anInheritedMethodGetsTheTargetOfTheBeanClassItIsCalledOn() throws Exception {
        Invocation onCalendar = Invocation.on(new CalendarBean(), "call", (Object) null);
        Invocation onCrm = Invocation.on(new CrmBean(), "call", (Object) null);
        assertEquals(onCalendar.method, onCrm.method, "one method, declared once");
        for (int i = 0; i < 2; i++) { // the second time from what the injector remembered
            injector.intercept(Invocation.on(new CalendarBean(), "call", (Object) null));
            injector.intercept(Invocation.on(new CrmBean(), "call", (Object) null));
        }
        injector.intercept(onCalendar);
        injector.intercept(onCrm);
        assertEquals("secret-for-calendar", ((DownstreamCredential) onCalendar.parameters[0]).secret());
        assertEquals("secret-for-crm", ((DownstreamCredential) onCrm.parameters[0]).secret());
        assertEquals(List.of("calendar", "crm", "calendar", "crm", "calendar", "crm"),
                credentials.requests.stream().map(CredentialRequest::target).toList());
    }

    @Test
    void secondInterceptorOnTheSameInvocationDoesNotObtainAgain() throws Exception {
        Invocation invocation = new Invocation("one", "x", null);
        injector.intercept(invocation);
        injector.intercept(invocation);
        assertEquals(1, credentials.requests.size());
        assertEquals(2, invocation.proceeded);
    }

    @Test
    void tenantTargetWithoutTenantStopsTheCallWithASentence() {
        tenant = null;
        Invocation invocation = new Invocation("tenant", (Object) null);
        ToolCallException e = assertThrows(ToolCallException.class, () -> injector.intercept(invocation));
        assertEquals(DownstreamFailureMessages.noTenant("crm"), e.getMessage());
        assertEquals(0, credentials.requests.size());
        assertEquals(0, invocation.proceeded, "the tool did not run");
    }

    @Test
    void refusedExchangeStopsTheCallWithTheUsersSentence() {
        credentials.failure = CredentialException.of(CredentialException.Reason.DENIED, "access_denied", "no");
        Invocation invocation = new Invocation("one", "x", null);
        ToolCallException e = assertThrows(ToolCallException.class, () -> injector.intercept(invocation));
        assertEquals("Access to calendar was denied by your organisation's policy.", e.getMessage());
        assertEquals(0, invocation.proceeded);
        assertNull(invocation.parameters[1]);
    }

    @Test
    void tenantTargetSendsTheCallersTenant() throws Exception {
        injector.intercept(new Invocation("tenant", (Object) null));
        assertSame(Downstream.Level.TENANT, credentials.requests.get(0).level());
        assertEquals("acme", credentials.requests.get(0).tenant());
    }

    @Test
    void aRemoteMcpServerParameterIsOpenedAtTheTargetsUrlWithItsCredentialInDeclarationOrder() throws Exception {
        Invocation invocation = new Invocation("remote", null, null);
        injector.intercept(invocation);
        assertEquals("calendar", ((DownstreamCredential) invocation.parameters[0]).target());
        assertEquals("crm", ((RemoteMcpServer) invocation.parameters[1]).name());
        assertEquals(List.of("crm https://crm.example/mcp secret-for-crm"), remoteServers.opened);
    }

    @Test
    void notConnectedStopsTheCallWithTheConnectUrlForTheUser() {
        credentials.failure = CredentialException.of(CredentialException.Reason.NOT_CONNECTED, "E061104", "no token");
        Invocation invocation = new Invocation("one", "x", null);
        ConnectionRequiredException e = assertThrows(ConnectionRequiredException.class,
                () -> injector.intercept(invocation));
        assertEquals("calendar", e.target());
        // the tool's own scopes, the user level, and the tenant: each URL-encoded
        assertEquals("https://connect.example/calendar-app?scopes=calendar.read&level=user&tenant=acme",
                e.connectUrl().orElseThrow());
        assertTrue(e.getMessage().contains(e.connectUrl().orElseThrow()), e.getMessage());
        assertTrue(e.getMessage().startsWith("Connect your calendar account"), e.getMessage());
        assertEquals(0, invocation.proceeded);
    }

    @Test
    void notConnectedAtTenantLevelAsksForTheTenantsAdministrator() {
        credentials.failure = CredentialException.of(CredentialException.Reason.NOT_CONNECTED, null, "no token");
        ConnectionRequiredException e = assertThrows(ConnectionRequiredException.class,
                () -> injector.intercept(new Invocation("tenant", (Object) null)));
        assertEquals("https://connect.example/crm-app?scopes=crm.read&level=tenant&tenant=acme",
                e.connectUrl().orElseThrow());
        assertTrue(e.getMessage().contains("an administrator of acme"), e.getMessage());
    }

    @Test
    void aRefreshAfterTheConnectionWasRemovedGivesTheConnectAnswerNotAnUnexpectedFailure() throws Exception {
        Invocation invocation = new Invocation("one", "x", null);
        injector.intercept(invocation);
        DownstreamCredential credential = (DownstreamCredential) invocation.parameters[1];
        credentials.refreshFailure =
                CredentialException.of(CredentialException.Reason.NOT_CONNECTED, "E061104", "gone");
        ConnectionRequiredException e = assertThrows(ConnectionRequiredException.class, credential::refresh);
        assertEquals("https://connect.example/calendar-app?scopes=calendar.read&level=user&tenant=acme",
                e.connectUrl().orElseThrow());
    }

    @Test
    void aRefreshThatTheStsRefusesGivesTheUsersSentence() throws Exception {
        Invocation invocation = new Invocation("one", "x", null);
        injector.intercept(invocation);
        credentials.refreshFailure = CredentialException.of(CredentialException.Reason.UNAVAILABLE, null, "down");
        ToolCallException e = assertThrows(ToolCallException.class,
                ((DownstreamCredential) invocation.parameters[1])::refresh);
        assertEquals(
                "Access to the calendar service could not be obtained just now, as the service that grants it did not answer; try again in a moment.",
                e.getMessage());
    }

    @Test
    void aRefreshedCredentialIsTheFreshOne() throws Exception {
        Invocation invocation = new Invocation("one", "x", null);
        injector.intercept(invocation);
        assertEquals("fresh-for-calendar", ((DownstreamCredential) invocation.parameters[1]).refresh().secret());
    }

    // --- listing: callers known not to have connected --------------------------------------------------------------

    @Test
    void listingAsksTheVaultOnceWhileTheCallerIsKnownNotToHaveConnected() {
        credentials.failure = CredentialException.of(CredentialException.Reason.NOT_CONNECTED, null, "no token");
        for (int i = 0; i < 50; i++) {
            assertTrue(injector.credentials.obtainIfConnected("crm", Downstream.Level.USER, List.of()).isEmpty());
        }
        assertEquals(1, credentials.requests.size());
    }

    @Test
    void aCallAlwaysAsksTheVaultAndOnceConnectedTheListingSeesItAtOnce() {
        credentials.failure = CredentialException.of(CredentialException.Reason.NOT_CONNECTED, null, "no token");
        assertTrue(injector.credentials.obtainIfConnected("crm", Downstream.Level.USER, List.of()).isEmpty());
        assertThrows(ConnectionRequiredException.class,
                () -> injector.credentials.obtain("crm", Downstream.Level.USER, List.of()));
        assertEquals(2, credentials.requests.size(), "a call is not answered from what listing remembered");
        credentials.failure = null; // the user connects
        assertEquals("secret-for-crm", injector.credentials.obtain("crm", Downstream.Level.USER, List.of()).secret());
        assertTrue(injector.credentials.obtainIfConnected("crm", Downstream.Level.USER, List.of()).isPresent());
        assertEquals(4, credentials.requests.size());
    }

    @Test
    void whatListingRememberedIsForgottenAfterItsTimeToLive() {
        credentials.failure = CredentialException.of(CredentialException.Reason.NOT_CONNECTED, null, "no token");
        injector.credentials.obtainIfConnected("crm", Downstream.Level.USER, List.of());
        nanos.addAndGet(Duration.ofSeconds(29).toNanos());
        injector.credentials.obtainIfConnected("crm", Downstream.Level.USER, List.of());
        assertEquals(1, credentials.requests.size());
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        credentials.failure = null;
        assertTrue(injector.credentials.obtainIfConnected("crm", Downstream.Level.USER, List.of()).isPresent());
        assertEquals(2, credentials.requests.size());
    }

    @Test
    void listingRemembersNothingButNotConnected() {
        credentials.failure = CredentialException.of(CredentialException.Reason.DENIED, "access_denied", "no");
        assertThrows(ToolCallException.class,
                () -> injector.credentials.obtainIfConnected("crm", Downstream.Level.USER, List.of()));
        assertThrows(ToolCallException.class,
                () -> injector.credentials.obtainIfConnected("crm", Downstream.Level.USER, List.of()));
        assertEquals(2, credentials.requests.size());
    }
}
