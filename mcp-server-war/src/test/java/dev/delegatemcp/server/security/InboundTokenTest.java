package dev.delegatemcp.server.security;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import dev.delegatemcp.api.McpCaller;
import jakarta.servlet.http.HttpServletRequest;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class InboundTokenTest {

    private static JsonWebToken token(String subject) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return subject;
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of("sub");
            }

            @SuppressWarnings("unchecked")
            @Override
            public <T> T getClaim(String claimName) {
                return "sub".equals(claimName) ? (T) subject : null;
            }
        };
    }

    /** A servlet request whose principal is {@code principal}, usable on the thread that made it only. */
    private static HttpServletRequest requestOnThisThread(JsonWebToken principal) {
        Thread owner = Thread.currentThread();
        return (HttpServletRequest) Proxy.newProxyInstance(InboundTokenTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    if (Thread.currentThread() != owner) {
                        throw new IllegalStateException("the servlet request used from another thread");
                    }
                    if (method.getName().equals("getUserPrincipal")) {
                        return principal;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void onTheRequestsThreadTheTokenIsTheServletRequestsPrincipal() {
        InboundToken inbound = new InboundToken();
        JsonWebToken alice = token("alice");
        inbound.request = requestOnThisThread(alice);
        assertSame(alice, inbound.current());
    }

    @Test
    void onAnotherThreadTheTokenHandedOverIsAnsweredWithoutTheServletRequest() throws Exception {
        InboundToken inbound = new InboundToken();
        JsonWebToken alice = token("alice");
        inbound.request = requestOnThisThread(alice);
        JsonWebToken read = inbound.current();
        JsonWebToken onWorker = CompletableFuture.supplyAsync(() -> inbound.actingFor(read, inbound::current)).get();
        assertSame(alice, onWorker);
    }

    @Test
    void theHandedOverTokenDoesNotOutliveTheWork() throws Exception {
        InboundToken inbound = new InboundToken();
        inbound.request = requestOnThisThread(null);
        inbound.actingFor(token("alice"), inbound::current);
        assertThrows(IllegalStateException.class, inbound::current, "no principal: no caller");
    }

    @Test
    void theCallerHandedOverWithTheTokenIsAnsweredWhileTheWorkRunsOnly() {
        InboundToken inbound = new InboundToken();
        McpCaller alice = new CallerProducerTest().aliceFrom(token("alice"));
        assertNull(inbound.handedOverCaller());
        assertSame(alice, inbound.actingFor(token("alice"), alice, inbound::handedOverCaller));
        assertNull(inbound.actingFor(token("alice"), inbound::handedOverCaller), "a token handed over alone");
        assertNull(inbound.handedOverCaller());
    }
}
