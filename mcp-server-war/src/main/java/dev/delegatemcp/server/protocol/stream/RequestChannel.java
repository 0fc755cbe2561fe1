package dev.delegatemcp.server.protocol.stream;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import dev.delegatemcp.api.interaction.ClientInteractionException;
import dev.delegatemcp.api.interaction.RequestCancelledException;
import dev.delegatemcp.wire.WireJson;
import dev.delegatemcp.wire.jsonrpc.JsonRpcMessage;
import dev.delegatemcp.wire.jsonrpc.JsonRpcNotification;
import dev.delegatemcp.wire.jsonrpc.JsonRpcRequest;
import dev.delegatemcp.wire.mcp.McpMethods;
import jakarta.json.spi.JsonProvider;

/**
 * What one request sends to the client before its response (MCP 2025-11-25, Streamable HTTP: the POST response as an
 * event stream): notifications, and requests whose answers it waits for. The stream is opened by the first message,
 * so a request that sends nothing is answered with plain JSON.
 */
public final class RequestChannel implements ClientQuestions {

    private static final JsonProvider JSON = JsonProvider.provider();

    private final String sessionId;
    private final String owner;
    private final SessionStreams streams;
    private final OutgoingRequests outgoing;
    private final Supplier<StreamConnection> opener;
    private final Duration timeout;
    private final boolean stateless;
    private final Runnable onClientGone;
    private EventStream stream;
    private boolean finished;

    RequestChannel(String sessionId, String owner, SessionStreams streams, OutgoingRequests outgoing,
            Supplier<StreamConnection> opener, Duration timeout) {
        this.sessionId = sessionId;
        this.owner = owner;
        this.streams = streams;
        this.outgoing = outgoing;
        this.opener = opener;
        this.timeout = timeout;
        this.stateless = false;
        this.onClientGone = null;
    }

    private RequestChannel(Supplier<StreamConnection> opener, Runnable onClientGone) {
        this.sessionId = null;
        this.owner = null;
        this.streams = null;
        this.outgoing = null;
        this.opener = opener;
        this.timeout = Duration.ZERO;
        this.stateless = true;
        this.onClientGone = onClientGone;
    }

    /**
     * The channel of a request outside any session (MCP 2026-07-28): its notifications (progress, log messages) go on
     * its own response stream, without event ids (streams are not resumable in that revision); it asks the client
     * nothing (that is a round trip: {@link ClientQuestions}).
     *
     * @param opener turns the response into an event stream; null when the client takes none
     * @param onClientGone runs once when a write finds the client gone: closing the response stream is how a client
     *        of MCP 2026-07-28 cancels (Streamable HTTP, Cancellation)
     */
    public static RequestChannel stateless(Supplier<StreamConnection> opener, Runnable onClientGone) {
        return new RequestChannel(opener, onClientGone);
    }

    /**
     * Sends a notification on the request's stream; nothing happens when the request has no way to have one (no
     * session in 2025-11-25, or a client whose {@code Accept} does not take {@code text/event-stream}: the opener is
     * null then, and the response stays plain JSON).
     */
    public void notify(String method, Object params) {
        EventStream target = stream();
        if (target != null) {
            target.send(WireJson.toJson(JsonRpcNotification.of(method, params)));
        }
    }

    /**
     * Sends a request to the client and waits for its answer, for at most {@code mcp.interaction.timeout}; when none
     * came in time, tells the client with {@code notifications/cancelled} that the server no longer waits (MCP
     * 2025-11-25, Lifecycle, Timeouts).
     *
     * @param what what is asked, for the user's sentence on failure, e.g. "sampling"
     * @return the client's response (with a result or an error)
     * @throws ClientInteractionException when there is no answer in time, or no way to ask
     * @throws RequestCancelledException when the request was cancelled meanwhile
     */
    @Override
    public JsonRpcMessage ask(String method, Object params, RequestCancellation cancellation, String what) {
        cancellation.check();
        if (sessionId == null) {
            throw new ClientInteractionException(ClientInteractionException.Reason.DISCONNECTED,
                    "The server cannot send a " + what + " request to this client: the request has no session.");
        }
        if (opener == null) {
            throw new ClientInteractionException(ClientInteractionException.Reason.NOT_SUPPORTED,
                    "The server cannot send a " + what + " request to this client: it accepts no event stream.");
        }
        EventStream target = stream();
        if (target == null) {
            throw disconnected(what);
        }
        OutgoingRequests.Waiting waiting;
        try {
            waiting = outgoing.expect(sessionId, owner);
        } catch (OutgoingRequests.SessionGoneException e) {
            throw disconnected(what);
        } catch (OutgoingRequests.TooManyWaitingException e) {
            throw new ClientInteractionException(ClientInteractionException.Reason.REFUSED,
                    "Too many questions to the client are open in this session; answer them, then try again.");
        }
        cancellation.track(waiting.answer());
        try {
            if (!target.send(WireJson.toJson(JsonRpcRequest.of(waiting.id(), method, params)))) {
                throw disconnected(what);
            }
            return waiting.answer().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Lifecycle, Timeouts: the sender SHOULD issue a cancellation notification and stop waiting.
            withdraw(target, waiting, "timeout");
            throw new ClientInteractionException(ClientInteractionException.Reason.TIMED_OUT,
                    "The client did not answer the " + what + " request within " + describe(timeout)
                            + "; try again.");
        } catch (CancellationException e) {
            throw withdrawn(target, waiting);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CancellationException) {
                throw withdrawn(target, waiting);
            }
            throw disconnected(what);
        } catch (InterruptedException e) {
            if (cancellation.isCancelled()) {
                throw withdrawn(target, waiting);
            }
            Thread.currentThread().interrupt();
            throw disconnected(what);
        } finally {
            outgoing.forget(waiting);
            cancellation.untrack(waiting.answer());
        }
    }

    /**
     * Closes the request's HTTP connection, opening its stream first if needed, while the request goes on; the client
     * reconnects with {@code Last-Event-ID} and gets the rest there. Does nothing for a request without a session.
     */
    public void releaseConnection() {
        if (stateless) {
            return; // MCP 2026-07-28 streams cannot be resumed: the connection is the only way the result arrives
        }
        EventStream target = stream();
        if (target != null) {
            target.closeConnection();
        }
    }

    /** The stream, when a message opened it; null while the response can still be plain JSON. */
    public synchronized EventStream openedStream() {
        return stream != null && stream.opened() ? stream : null;
    }

    /**
     * The request is done (its response is about to be written): from now on nothing opens its stream, so that work
     * the method left running cannot turn a response that was already answered with plain JSON into an event stream,
     * nor write to an HTTP response that belongs to the request no longer; its messages go nowhere (MCP 2025-11-25,
     * Progress: notifications stop after completion). A stream that opened stays, to carry the result.
     */
    synchronized void finish() {
        finished = true;
        if (stream != null) {
            stream.endUnopened();
        }
    }

    private synchronized EventStream stream() {
        if (stream == null && !finished && opener != null) {
            if (stateless) {
                stream = EventStream.unnumbered(opener, onClientGone);
            } else if (sessionId != null) {
                stream = streams.requestStream(sessionId, owner, opener);
            }
        }
        return stream;
    }

    /** A duration for a sentence, in the largest whole unit: "5 minutes", "30 seconds", "1500 milliseconds". */
    static String describe(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 60_000 == 0) {
            return plural(millis / 60_000, "minute");
        }
        if (millis % 1000 == 0) {
            return plural(millis / 1000, "second");
        }
        return plural(millis, "millisecond");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }

    /** Tells the client its question is withdrawn (MCP 2025-11-25, Cancellation), so it can stop asking the user. */
    private static void withdraw(EventStream target, OutgoingRequests.Waiting waiting, String reason) {
        target.send(WireJson.toJson(JsonRpcNotification.of(McpMethods.CANCELLED,
                JSON.createObjectBuilder().add("requestId", waiting.id()).add("reason", reason).build())));
    }

    /** The request this question belongs to was cancelled: the question is withdrawn too. */
    private static RequestCancelledException withdrawn(EventStream target, OutgoingRequests.Waiting waiting) {
        withdraw(target, waiting, "the request it belongs to was cancelled");
        return new RequestCancelledException();
    }

    private static ClientInteractionException disconnected(String what) {
        return new ClientInteractionException(ClientInteractionException.Reason.DISCONNECTED,
                "The " + what + " request could not reach the client: its session or stream ended.");
    }
}
