package dev.delegatemcp.server.downstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.ToolCallException;
import dev.delegatemcp.api.interaction.Cancellation;
import dev.delegatemcp.api.interaction.ClientInteractionException;
import dev.delegatemcp.api.interaction.ConnectionRequiredException;
import dev.delegatemcp.api.interaction.Elicitation;
import dev.delegatemcp.api.interaction.ElicitationResult;
import dev.delegatemcp.api.interaction.ElicitationSchema;
import dev.delegatemcp.api.interaction.McpLog;
import dev.delegatemcp.api.interaction.McpRequest;
import dev.delegatemcp.api.interaction.Progress;
import dev.delegatemcp.api.interaction.RequestCancelledException;
import dev.delegatemcp.api.interaction.Roots;
import dev.delegatemcp.api.interaction.Sampling;
import dev.delegatemcp.api.interaction.TraceContext;

import org.junit.jupiter.api.Test;

class InCallConnectTest {

    private static final ConnectionRequiredException REQUIRED = new ConnectionRequiredException("crm",
            "http://localhost:9080/connect?app=crm", "Connect your crm account: open http://localhost:9080/connect",
            "Connect your crm account to let this tool use it.");

    private static final DownstreamCredential CREDENTIAL = new DownstreamCredential("crm", "secret",
            DownstreamCredential.Type.BEARER, "Authorization", Instant.now().plusSeconds(60), Set.of(), () -> {
                throw new UnsupportedOperationException();
            });

    /** A client that answers URL elicitations with the given action and records what the server sent. */
    private static final class FakeClient implements McpRequest, Elicitation, Cancellation {
        final boolean urlSupported;
        final ElicitationResult.Action action;
        final List<String> sent = new ArrayList<>();
        boolean cancelled;
        boolean refuse;
        /** The id URL elicitations get: null as in MCP 2026-07-28, where the answer comes with the client's retry. */
        String elicitationId = "e-1";

        FakeClient(boolean urlSupported, ElicitationResult.Action action) {
            this.urlSupported = urlSupported;
            this.action = action;
        }

        @Override
        public McpCaller caller() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<TraceContext> traceContext() {
            return Optional.empty();
        }

        @Override
        public Progress progress() {
            throw new UnsupportedOperationException();
        }

        @Override
        public McpLog log() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Cancellation cancellation() {
            return this;
        }

        @Override
        public Sampling sampling() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Elicitation elicitation() {
            return this;
        }

        @Override
        public Roots roots() {
            throw new UnsupportedOperationException();
        }

        @Override
        public dev.delegatemcp.api.interaction.ClientInputs inputs() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void releaseConnection() {
        }

        @Override
        public boolean formSupported() {
            return false;
        }

        @Override
        public boolean urlSupported() {
            return urlSupported;
        }

        @Override
        public ElicitationResult form(String message, ElicitationSchema schema) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ElicitationResult url(String message, String url) {
            if (refuse) {
                throw new ClientInteractionException(ClientInteractionException.Reason.REFUSED, "no");
            }
            sent.add("url " + url + " | " + message);
            return new ElicitationResult(action, Map.of(), elicitationId);
        }

        @Override
        public void complete(String elicitationId) {
            sent.add("complete " + elicitationId);
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }

    private static InCallConnect connect(Duration wait, List<Duration> slept) {
        return new InCallConnect(new ConnectConfig(true, wait, Duration.ofSeconds(2)), slept::add);
    }

    /** Not connected for the first {@code misses} attempts, connected after. */
    private static Supplier<DownstreamCredential> connectedAfter(int misses, AtomicInteger attempts) {
        return () -> {
            if (attempts.incrementAndGet() <= misses) {
                throw REQUIRED;
            }
            return CREDENTIAL;
        };
    }

    @Test
    void aClientThatOpensTheUrlGetsTheCallFinishedOnceTheVaultHasTheConnectionAndIsToldItIsComplete() {
        FakeClient client = new FakeClient(true, ElicitationResult.Action.ACCEPT);
        List<Duration> slept = new ArrayList<>();
        AtomicInteger attempts = new AtomicInteger();

        assertSame(CREDENTIAL, connect(Duration.ofMinutes(5), slept).connect(client, REQUIRED,
                connectedAfter(2, attempts)));
        assertEquals(List.of("url http://localhost:9080/connect?app=crm | Connect your crm account to let this tool"
                + " use it.", "complete e-1"), client.sent);
        assertEquals(3, attempts.get(), "asked until connected");
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(2)), slept, "polled at the interval");
    }

    @Test
    void aRetryOf20260728AfterTheUserAcceptedAsksTheVaultOnceWithoutWaitingOrCompleting() {
        FakeClient client = new FakeClient(true, ElicitationResult.Action.ACCEPT);
        client.elicitationId = null;
        List<Duration> slept = new ArrayList<>();
        AtomicInteger attempts = new AtomicInteger();
        assertSame(REQUIRED, assertThrows(ConnectionRequiredException.class, () -> connect(Duration.ofMinutes(5),
                slept).connect(client, REQUIRED, connectedAfter(1, attempts))),
                "still not connected: the not-connected answer at once, for the protocol layer to render");
        assertEquals(1, attempts.get(), "one look at the vault");
        assertEquals(List.of(), slept, "no wait holds the thread");

        AtomicInteger second = new AtomicInteger();
        assertSame(CREDENTIAL, connect(Duration.ofMinutes(5), slept).connect(client, REQUIRED,
                connectedAfter(0, second)));
        assertEquals(1, second.get());
        assertFalse(client.sent.stream().anyMatch(line -> line.startsWith("complete")),
                "nothing to complete in 2026-07-28: " + client.sent);
    }

    @Test
    void aClientWithoutUrlElicitationGetsTheConnectAnswerAtOnce() {
        FakeClient client = new FakeClient(false, ElicitationResult.Action.ACCEPT);
        assertSame(REQUIRED, assertThrows(ConnectionRequiredException.class,
                () -> connect(Duration.ofMinutes(5), new ArrayList<>()).connect(client, REQUIRED, () -> CREDENTIAL)));
        assertTrue(client.sent.isEmpty());
    }

    @Test
    void aClientThatRefusesTheElicitationRequestGetsTheConnectAnswer() {
        FakeClient client = new FakeClient(true, ElicitationResult.Action.ACCEPT);
        client.refuse = true;
        assertSame(REQUIRED, assertThrows(ConnectionRequiredException.class,
                () -> connect(Duration.ofMinutes(5), new ArrayList<>()).connect(client, REQUIRED, () -> CREDENTIAL)));
    }

    @Test
    void noRequestBeingServedOrSwitchedOffMeansTheConnectAnswer() {
        assertSame(REQUIRED, assertThrows(ConnectionRequiredException.class,
                () -> connect(Duration.ofMinutes(5), new ArrayList<>()).connect(null, REQUIRED, () -> CREDENTIAL)));
        FakeClient client = new FakeClient(true, ElicitationResult.Action.ACCEPT);
        InCallConnect off = new InCallConnect(new ConnectConfig(false, Duration.ofMinutes(5), Duration.ofSeconds(2)),
                d -> {
                });
        assertSame(REQUIRED, assertThrows(ConnectionRequiredException.class,
                () -> off.connect(client, REQUIRED, () -> CREDENTIAL)));
        assertTrue(client.sent.isEmpty());
    }

    @Test
    void aUserWhoDeclinesGetsASentenceAndTheVaultIsNotAskedAgain() {
        FakeClient client = new FakeClient(true, ElicitationResult.Action.DECLINE);
        AtomicInteger attempts = new AtomicInteger();
        ToolCallException declined = assertThrows(ToolCallException.class, () -> connect(Duration.ofMinutes(5),
                new ArrayList<>()).connect(client, REQUIRED, connectedAfter(0, attempts)));
        assertTrue(declined.getMessage().contains("chose not to connect crm"), declined.getMessage());
        assertEquals(0, attempts.get());
    }

    @Test
    void aConnectionThatNeverComesEndsTheCallAfterTheWaitWithTheConnectSentence() {
        FakeClient client = new FakeClient(true, ElicitationResult.Action.ACCEPT);
        ToolCallException late = assertThrows(ToolCallException.class, () -> connect(Duration.ofNanos(1),
                new ArrayList<>()).connect(client, REQUIRED, connectedAfter(Integer.MAX_VALUE, new AtomicInteger())));
        assertTrue(late.getMessage().contains("did not finish") && late.getMessage().contains(REQUIRED.getMessage()),
                late.getMessage());
    }

    @Test
    void aCancelledCallStopsWaiting() {
        FakeClient client = new FakeClient(true, ElicitationResult.Action.ACCEPT);
        AtomicInteger attempts = new AtomicInteger();
        InCallConnect connect = new InCallConnect(new ConnectConfig(true, Duration.ofMinutes(5), Duration.ofSeconds(2)),
                d -> client.cancelled = true);
        assertThrows(RequestCancelledException.class,
                () -> connect.connect(client, REQUIRED, connectedAfter(Integer.MAX_VALUE, attempts)));
        assertEquals(1, attempts.get());
    }
}
