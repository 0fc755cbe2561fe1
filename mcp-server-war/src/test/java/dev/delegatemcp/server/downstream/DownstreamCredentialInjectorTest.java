package dev.delegatemcp.server.downstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.delegatemcp.api.Downstream;
import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.DownstreamCredentials;
import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.ToolCallException;
import dev.delegatemcp.sts.CredentialRequest;
import dev.delegatemcp.sts.CredentialService;
import dev.delegatemcp.sts.StsException;
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
    }

    /** Hands out credentials and remembers the requests. */
    static final class FakeCredentials extends CredentialService {
        final List<CredentialRequest> requests = new ArrayList<>();
        StsException failure;

        @Override
        public DownstreamCredential credentialFor(CredentialRequest request) {
            requests.add(request);
            if (failure != null) {
                throw failure;
            }
            return new DownstreamCredential(request.target(), "secret-for-" + request.target(),
                    DownstreamCredential.Type.BEARER, null, Instant.now().plusSeconds(60), Set.of(), () -> null);
        }
    }

    /** The minimum of an InvocationContext: method, parameters, context data, proceed. */
    static final class Invocation implements InvocationContext {
        final Method method;
        Object[] parameters;
        final Map<String, Object> data = new HashMap<>();
        int proceeded;

        Invocation(String name, Object... parameters) {
            this.method = java.util.Arrays.stream(Tools.class.getMethods()).filter(m -> m.getName().equals(name))
                    .findFirst().orElseThrow();
            this.parameters = parameters;
        }

        @Override
        public Object getTarget() {
            return new Tools();
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
    private DownstreamCredentialInjector injector;
    private String tenant = "acme";

    @BeforeEach
    void setUp() {
        injector = new DownstreamCredentialInjector();
        injector.credentials = credentials;
        injector.inboundToken = new JsonWebToken() {
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
        injector.caller = new McpCaller() {
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
        credentials.failure = StsException.of(StsException.Reason.DENIED, "access_denied", "no");
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
}
