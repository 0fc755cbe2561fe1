package dev.delegatemcp.server.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.interaction.TraceContext;
import dev.delegatemcp.server.remote.FakeMcpServer.Received;

import org.junit.jupiter.api.Test;

/** The W3C trace context of the MCP request being served goes on every HTTP request to the remote server. */
class RemoteTraceContextTest {

    private static final DownstreamCredential CREDENTIAL = new DownstreamCredential("crm", "tok-1",
            DownstreamCredential.Type.BEARER, null, null, Set.of(), () -> null);
    private static final TraceContext TRACE = new TraceContext(
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7");

    private static RemoteMcpServers servers() {
        return new RemoteMcpServers(Duration.ofSeconds(5), Duration.ofSeconds(15), "delegate-mcp-test", "1");
    }

    @Test
    void everyPostForATracedRequestCarriesItsTraceparentAndTracestate() throws Exception {
        try (FakeMcpServer server = new FakeMcpServer()) {
            servers().open("crm", server.url(), CREDENTIAL, Optional.of(TRACE)).listTools();
            List<Received> received = server.received();
            assertEquals(4, received.size(),
                    "server/discover (the era probe), initialize, notifications/initialized, tools/list");
            for (Received request : received) {
                assertEquals(TRACE.traceparent(), request.header("traceparent"), request.rpcMethod());
                assertEquals(TRACE.tracestate(), request.header("tracestate"), request.rpcMethod());
            }
        }
    }

    @Test
    void aTraceContextWithoutTracestateSendsOnlyTraceparent() throws Exception {
        try (FakeMcpServer server = new FakeMcpServer()) {
            TraceContext trace = new TraceContext(TRACE.traceparent(), null);
            servers().open("crm", server.url(), CREDENTIAL, Optional.of(trace)).listTools();
            Received list = server.received("tools/list").get(0);
            assertEquals(TRACE.traceparent(), list.header("traceparent"));
            assertFalse(list.headers().containsKey("tracestate"));
        }
    }

    @Test
    void aRequestWithoutTraceContextSendsNoTraceHeaders() throws Exception {
        try (FakeMcpServer server = new FakeMcpServer()) {
            servers().open("crm", server.url(), CREDENTIAL).listTools();
            for (Received request : server.received()) {
                assertFalse(request.headers().containsKey("traceparent"), request.rpcMethod());
                assertFalse(request.headers().containsKey("tracestate"), request.rpcMethod());
            }
        }
    }
}
