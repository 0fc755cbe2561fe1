package dev.delegatemcp.server.protocol.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import dev.delegatemcp.api.interaction.ClientInteractionException;
import dev.delegatemcp.api.interaction.ElicitationSchema;
import dev.delegatemcp.api.interaction.McpLog;
import dev.delegatemcp.api.interaction.RequestCancelledException;
import dev.delegatemcp.api.interaction.SamplingRequest;
import dev.delegatemcp.server.protocol.ClientCapabilities;
import jakarta.json.Json;

import org.junit.jupiter.api.Test;

class RequestInteractionTest {

    private final ChannelFixture fixture = new ChannelFixture();

    private RequestInteraction interaction(ClientCapabilities capabilities) {
        return new RequestInteraction(TestCaller.of("alice"), Json.createValue("p"), capabilities, fixture.channel,
                () -> Optional.of(McpLog.Level.DEBUG), "tool");
    }

    @Test
    void progressAndLogAreMadeOnceAndKept() {
        RequestInteraction interaction = interaction(ClientCapabilities.NONE);
        assertSame(interaction.progress(), interaction.progress());
        assertSame(interaction.log(), interaction.log());
        assertSame(interaction.cancellation(), interaction.cancellationState());
        assertEquals("alice", interaction.caller().subject());
    }

    @Test
    void aClientThatDeclaredNothingIsAskedNothingAndEachCallSaysWhy() {
        RequestInteraction interaction = interaction(ClientCapabilities.NONE);
        assertEquals(ClientInteractionException.Reason.NOT_SUPPORTED, assertThrows(ClientInteractionException.class,
                () -> interaction.sampling().createMessage(SamplingRequest.of("x", 1))).reason());
        assertEquals(ClientInteractionException.Reason.NOT_SUPPORTED, assertThrows(ClientInteractionException.class,
                () -> interaction.elicitation().form("x", ElicitationSchema.of())).reason());
        assertEquals(ClientInteractionException.Reason.NOT_SUPPORTED, assertThrows(ClientInteractionException.class,
                () -> interaction.elicitation().url("x", "https://example.com")).reason());
        assertEquals(ClientInteractionException.Reason.NOT_SUPPORTED,
                assertThrows(ClientInteractionException.class, () -> interaction.roots().list()).reason());
        assertNull(interaction.openedStream());
    }

    @Test
    void theClientsQuestionsUseTheRequestsCancellation() {
        RequestInteraction interaction = interaction(new ClientCapabilities(true, true, true, true));
        interaction.cancellationState().cancel();
        assertThrows(RequestCancelledException.class, () -> interaction.roots().list());
        assertThrows(RequestCancelledException.class,
                () -> interaction.sampling().createMessage(SamplingRequest.of("x", 1)));
        assertThrows(RequestCancelledException.class,
                () -> interaction.elicitation().url("x", "https://example.com"));
        assertEquals(0, fixture.opened.get(), "a cancelled request asks nothing");
    }

    @Test
    void releasingTheConnectionOpensTheStreamAndClosesItsConnection() {
        RequestInteraction interaction = interaction(ClientCapabilities.NONE);
        interaction.releaseConnection();
        assertNotNull(interaction.openedStream());
        assertTrue(fixture.client.connection().closed());
        assertFalse(interaction.openedStream().ended());
    }
}
