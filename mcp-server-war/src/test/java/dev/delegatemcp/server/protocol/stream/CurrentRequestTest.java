package dev.delegatemcp.server.protocol.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import dev.delegatemcp.api.interaction.McpLog;
import dev.delegatemcp.api.interaction.McpRequest;
import dev.delegatemcp.api.interaction.TraceContext;
import dev.delegatemcp.server.protocol.ClientCapabilities;
import jakarta.json.Json;

import org.junit.jupiter.api.Test;

class CurrentRequestTest {

    private static final List<Consumer<McpRequest>> EVERY_CALL = List.of(McpRequest::caller, McpRequest::progress,
            McpRequest::log, McpRequest::cancellation, McpRequest::sampling, McpRequest::elicitation,
            McpRequest::roots, McpRequest::releaseConnection);

    @Test
    void outsideARequestEveryCallFailsWithASentence() {
        CurrentRequest current = new CurrentRequest();
        for (Consumer<McpRequest> call : EVERY_CALL) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> call.accept(current));
            assertEquals("no MCP request is being served on this thread", e.getMessage());
        }
    }

    @Test
    void outsideARequestThereIsNoTraceContextRatherThanAFailure() {
        assertEquals(Optional.empty(), new CurrentRequest().traceContext());
    }

    @Test
    void duringARequestTheTraceContextIsTheInteractions() {
        TraceContext trace = new TraceContext("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "a=1");
        RequestInteraction interaction = new RequestInteraction(TestCaller.of("alice"), null,
                new ClientCapabilities(false, false, false, false), new ChannelFixture().channel, null,
                Optional::empty, "tool", Optional.of(trace));
        CurrentRequest.set(interaction);
        try {
            assertEquals(Optional.of(trace), new CurrentRequest().traceContext());
        } finally {
            CurrentRequest.clear();
        }
    }

    @Test
    void duringARequestEveryCallReachesItsInteraction() {
        ChannelFixture fixture = new ChannelFixture();
        RequestInteraction interaction = new RequestInteraction(TestCaller.of("alice"), Json.createValue(1),
                new ClientCapabilities(true, false, true, false), fixture.channel,
                () -> Optional.of(McpLog.Level.INFO), "tool");
        CurrentRequest current = new CurrentRequest();
        CurrentRequest.set(interaction);
        try {
            assertSame(interaction.caller(), current.caller());
            assertSame(interaction.progress(), current.progress());
            assertSame(interaction.log(), current.log());
            assertSame(interaction.cancellation(), current.cancellation());
            assertTrue(current.sampling().supported());
            assertTrue(current.elicitation().urlSupported());
            assertEquals(false, current.roots().supported());
            current.releaseConnection();
            assertTrue(fixture.client.connection().closed());
        } finally {
            CurrentRequest.clear();
        }
        assertThrows(IllegalStateException.class, current::caller, "cleared");
    }
}
