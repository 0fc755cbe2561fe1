package dev.delegatemcp.server.downstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import dev.delegatemcp.api.Downstream;
import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.ToolCallException;
import dev.delegatemcp.api.interaction.McpRequest;
import dev.delegatemcp.api.interaction.TraceContext;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DownstreamRestClientCallTest {

    /** A REST client interface as a tool author writes it. */
    @Downstream(resource = "calendar")
    interface CalendarApi {
        @GET
        String events();

        @POST
        String add(String event);

        @PUT
        String replace(String event);

        @PATCH
        String patch(String change);

        @GET
        @Downstream(connection = "crm")
        String contacts();

        /** No HTTP method: not known to be idempotent. */
        String helper();
    }

    interface MethodLevel {
        @GET
        @Downstream(resource = "calendar")
        String events();

        @GET
        String health();
    }

    interface Plain {
        @GET
        String events();
    }

    @Downstream(resource = "calendar")
    interface InheritingApi extends Plain {
    }

    @Downstream(resource = "calendar")
    interface AsyncApi {
        @GET
        java.util.concurrent.CompletionStage<String> events();
    }

    @Downstream(resource = "calendar")
    @Downstream(resource = "payroll")
    interface TwoTargets {
        @GET
        String events();
    }

    private static Method method(Class<?> type, String name) {
        return java.util.Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow();
    }

    /**
     * A call of a REST client method: each proceed() runs the filter on a request of its own (as the client does for
     * each request it sends), keeps the headers it set, then answers the next scripted answer (an object to return,
     * or an exception to throw).
     */
    final class Call implements InvocationContext {
        final Method method;
        final Deque<Object> answers = new ArrayDeque<>();
        final List<MultivaluedMap<String, Object>> sent = new ArrayList<>();

        Call(String name, Object... answers) {
            this.method = method(CalendarApi.class, name);
            this.answers.addAll(List.of(answers));
        }

        @Override
        public Object proceed() throws Exception {
            MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
            filter.filter(request(method, headers));
            sent.add(headers);
            Object answer = answers.removeFirst();
            if (answer instanceof Exception e) {
                throw e;
            }
            return answer;
        }

        @Override
        public Object getTarget() {
            return null;
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
            return new Object[0];
        }

        @Override
        public void setParameters(Object[] params) {
        }

        @Override
        public Map<String, Object> getContextData() {
            return new HashMap<>();
        }
    }

    /** A client request with the invoked method and these headers; nothing else is read. */
    static ClientRequestContext request(Method invoked, MultivaluedMap<String, Object> headers) {
        return (ClientRequestContext) Proxy.newProxyInstance(ClientRequestContext.class.getClassLoader(),
                new Class<?>[] {ClientRequestContext.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getProperty" -> DownstreamRestClientFilter.INVOKED_METHOD.equals(args[0]) ? invoked : null;
                    case "getHeaders" -> headers;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private final DownstreamRestClientFilter filter = new DownstreamRestClientFilter(CalendarApi.class);
    private final DownstreamRestClientCall call = new DownstreamRestClientCall();
    private final AtomicInteger obtained = new AtomicInteger();
    private final AtomicInteger refreshed = new AtomicInteger();
    private final AtomicInteger invalidated = new AtomicInteger();
    private boolean inRequest = true;
    private Optional<TraceContext> trace = Optional.empty();

    private DownstreamCredential credential(String target, String secret) {
        return new DownstreamCredential(target, secret, DownstreamCredential.Type.BEARER, null, null, Set.of(), () -> {
            refreshed.incrementAndGet();
            return credential(target, "fresh-" + refreshed.get());
        }, invalidated::incrementAndGet);
    }

    @BeforeEach
    void setUp() {
        call.request = (McpRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {McpRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "caller" -> {
                        if (!inRequest) {
                            throw new IllegalStateException("no MCP request is being served on this thread");
                        }
                        yield null;
                    }
                    case "traceContext" -> trace;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @AfterEach
    void nothingLeftOnTheThread() {
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        assertThrows(IllegalStateException.class,
                () -> filter.filter(request(method(CalendarApi.class, "events"), headers)));
    }

    private Object proceed(Call invocation, boolean idempotent) throws Exception {
        return call.proceed(invocation, "calendar", idempotent, () -> {
            obtained.incrementAndGet();
            return credential("calendar", "cached");
        });
    }

    private static WebApplicationException status(int status) {
        return new WebApplicationException(Response.status(status).build());
    }

    @Test
    void eachRequestCarriesTheCredentialObtainedForTheCall() throws Exception {
        Call invocation = new Call("events", "the events");
        assertEquals("the events", proceed(invocation, true));
        assertEquals(1, obtained.get());
        assertEquals(List.of("Bearer cached"), invocation.sent.get(0).get("Authorization"));
    }

    @Test
    void a401ThrownByTheClientRenewsOnceAndRepeatsTheIdempotentRequestOnce() throws Exception {
        Call invocation = new Call("events", status(401), "the events");
        assertEquals("the events", proceed(invocation, true));
        assertEquals(1, refreshed.get());
        assertEquals(List.of("Bearer cached"), invocation.sent.get(0).get("Authorization"));
        assertEquals(List.of("Bearer fresh-1"), invocation.sent.get(1).get("Authorization"));
    }

    @Test
    void a401ReturnedAsAResponseIsTreatedTheSame() throws Exception {
        Response unauthorized = Response.status(401).build();
        Response ok = Response.ok().build();
        Call invocation = new Call("events", unauthorized, ok);
        assertSame(ok, proceed(invocation, true));
        assertEquals(1, refreshed.get());
    }

    @Test
    void aSecond401EndsTheCallWithTheUsersSentenceAfterOneRepeat() {
        Call invocation = new Call("events", status(401), status(401), "never asked");
        ToolCallException e = assertThrows(ToolCallException.class, () -> proceed(invocation, true));
        assertEquals(DownstreamFailureMessages.rejectedAfterRenewal("calendar"), e.getMessage());
        assertEquals(2, invocation.sent.size());
        assertEquals(1, refreshed.get());
    }

    @Test
    void a401ToANonIdempotentRequestIsNotRepeatedNothingIsRenewedAndTheCredentialIsDropped() {
        Call invocation = new Call("add", status(401), "never asked");
        ToolCallException e = assertThrows(ToolCallException.class, () -> proceed(invocation, false));
        assertEquals(DownstreamFailureMessages.rejectedNotRepeated("calendar"), e.getMessage());
        assertEquals(1, invocation.sent.size());
        assertEquals(0, refreshed.get());
        assertEquals(1, invalidated.get());
    }

    @Test
    void otherAnswersAndFailuresReachTheToolUnchanged() {
        WebApplicationException unavailable = status(503);
        assertSame(unavailable, assertThrows(WebApplicationException.class,
                () -> proceed(new Call("events", unavailable), true)));
        ProcessingException unreachable = new ProcessingException("connection refused");
        assertSame(unreachable, assertThrows(ProcessingException.class,
                () -> proceed(new Call("events", unreachable), true)));
        assertEquals(0, refreshed.get());
    }

    @Test
    void outsideAnMcpRequestNothingIsObtainedOrSent() {
        inRequest = false;
        Call invocation = new Call("events", "never asked");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> proceed(invocation, true));
        assertTrue(e.getMessage().startsWith("CalendarApi.events needs the MCP caller's delegated credential for"
                + " 'calendar', and no MCP request is being served on this thread"), e.getMessage());
        assertEquals(0, obtained.get());
        assertTrue(invocation.sent.isEmpty());
    }

    @Test
    void theRequestsTraceContextGoesAlongUnlessTheRequestHasOne() throws Exception {
        trace = TraceContext.of("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", null);
        Call invocation = new Call("events", "the events");
        proceed(invocation, true);
        assertEquals(List.of("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"),
                invocation.sent.get(0).get("traceparent"));

        DownstreamRestClientFilter.Outgoing previous = DownstreamRestClientFilter.use(
                new DownstreamRestClientFilter.Outgoing(credential("calendar", "s"), trace.get()));
        try {
            MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
            headers.putSingle("traceparent", "00-11111111111111111111111111111111-2222222222222222-01");
            filter.filter(request(method(CalendarApi.class, "events"), headers));
            assertEquals(List.of("00-11111111111111111111111111111111-2222222222222222-01"),
                    headers.get("traceparent"), "Liberty's own instrumentation set it");
        } finally {
            DownstreamRestClientFilter.restore(previous);
        }
    }

    @Test
    void theFilterPutsAnApiKeyInItsHeaderAndRemovesAnyAuthorizationSetBefore() {
        DownstreamCredential key = new DownstreamCredential("crm", "the-key", DownstreamCredential.Type.API_KEY,
                "X-API-Key", null, Set.of(), () -> null);
        DownstreamRestClientFilter.Outgoing previous =
                DownstreamRestClientFilter.use(new DownstreamRestClientFilter.Outgoing(key, null));
        try {
            MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
            headers.putSingle("X-API-Key", "set by the author");
            headers.putSingle("Authorization", "Bearer propagated-from-somewhere");
            filter.filter(request(method(CalendarApi.class, "contacts"), headers));
            assertEquals(List.of("the-key"), headers.get("X-API-Key"));
            assertFalse(headers.containsKey("Authorization"), "no other credential goes along");
        } finally {
            DownstreamRestClientFilter.restore(previous);
        }
    }

    @Test
    void theFilterRefusesACredentialObtainedForAnotherTarget() {
        DownstreamRestClientFilter.Outgoing previous = DownstreamRestClientFilter.use(
                new DownstreamRestClientFilter.Outgoing(credential("calendar", "for the calendar"), null));
        try {
            MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> filter.filter(request(method(CalendarApi.class, "contacts"), headers)));
            assertTrue(e.getMessage().startsWith("CalendarApi.contacts was not sent: it needs the MCP caller's"
                    + " delegated credential for 'crm'"), e.getMessage());
            assertTrue(headers.isEmpty());
        } finally {
            DownstreamRestClientFilter.restore(previous);
        }
    }

    @Test
    void aMethodWithoutATargetOnAnInterfaceWhoseOtherMethodsHaveOneIsSentAsItIs() throws Exception {
        DownstreamRestClientFilter methodLevel = new DownstreamRestClientFilter(MethodLevel.class);
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        methodLevel.filter(request(method(MethodLevel.class, "health"), headers));
        assertTrue(headers.isEmpty());
        assertThrows(IllegalStateException.class,
                () -> methodLevel.filter(request(method(MethodLevel.class, "events"), new MultivaluedHashMap<>())));
    }

    // --- what DownstreamDeclarations reads from REST client interfaces --------------------------------------------

    @Test
    void aMethodsTargetIsItsOwnElseItsInterfaces() {
        assertEquals("calendar",
                DownstreamDeclarations.restClientTargetName(CalendarApi.class, method(CalendarApi.class, "events")));
        assertEquals("crm",
                DownstreamDeclarations.restClientTargetName(CalendarApi.class, method(CalendarApi.class, "contacts")));
        assertNull(DownstreamDeclarations.restClientTargetName(Plain.class, method(Plain.class, "events")));
        assertEquals("calendar", DownstreamDeclarations.restClientTargetName(InheritingApi.class,
                method(InheritingApi.class, "events")), "an inherited method takes the client's target");
        assertTrue(DownstreamDeclarations.declaresTargets(CalendarApi.class));
        assertFalse(DownstreamDeclarations.declaresTargets(Plain.class));
    }

    @Test
    void aRequestCarriesOneCredentialSoTwoTargetsAreAProblem() {
        Method events = method(TwoTargets.class, "events");
        assertEquals(Optional.of("a REST client request carries one credential, but it declares 2 @Downstream"
                + " targets; declare one, on the interface or on the method"),
                DownstreamDeclarations.restClientProblem(events, DownstreamDeclarations.restClientTargets(events)));
        Method fine = method(CalendarApi.class, "events");
        assertEquals(Optional.empty(),
                DownstreamDeclarations.restClientProblem(fine, DownstreamDeclarations.restClientTargets(fine)));
    }

    @Test
    void anAsynchronousMethodIsAProblemForItsCredentialWouldBeSentOnAnotherThread() {
        Method events = method(AsyncApi.class, "events");
        assertEquals(Optional.of("a @Downstream REST client sends the caller's credential on the calling thread, so"
                + " it cannot be asynchronous; return the answer itself, not a CompletionStage"),
                DownstreamDeclarations.restClientProblem(events, DownstreamDeclarations.restClientTargets(events)));
    }

    @Test
    void idempotentMethodsAreThoseOfRfc9110() {
        assertTrue(DownstreamDeclarations.isIdempotent(method(CalendarApi.class, "events")));
        assertTrue(DownstreamDeclarations.isIdempotent(method(CalendarApi.class, "replace")));
        assertFalse(DownstreamDeclarations.isIdempotent(method(CalendarApi.class, "add")));
        assertFalse(DownstreamDeclarations.isIdempotent(method(CalendarApi.class, "patch")));
        assertFalse(DownstreamDeclarations.isIdempotent(method(CalendarApi.class, "helper")));
    }

    @Test
    void onlyInterfaceMethodsOnAProxyAreRestClientCalls() {
        Object proxy = Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {CalendarApi.class},
                (p, m, a) -> null);
        assertTrue(DownstreamDeclarations.isRestClientCall(proxy.getClass(), method(CalendarApi.class, "events")));
        assertFalse(DownstreamDeclarations.isRestClientCall(String.class, method(CalendarApi.class, "events")));
    }
}
