package dev.delegatemcp.server.remote;

import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

import dev.delegatemcp.wire.jsonrpc.JsonRpcReply;

/**
 * Reads a {@code text/event-stream} answer until the response to one request (MCP 2025-11-25, Transports, Streamable
 * HTTP: the server may send notifications and requests before the response). Each {@code message} event holds one
 * JSON-RPC message; notifications, server requests, responses to other ids and events without data (the priming
 * event) are skipped. Completes, and stops reading, as soon as the response arrives, even when the server keeps the
 * stream open; completes with no reply when the stream ends without it. An event that is not one JSON object, or a
 * line or event over the limit, completes exceptionally ({@link MalformedBodyException},
 * {@link ServerSentEvents.TooLargeException}).
 */
final class EventStreamReplySubscriber implements BodySubscriber<ExchangeBody> {

    static final String EVENT_STREAM = "text/event-stream";

    private final int expectedId;
    private final CompletableFuture<ExchangeBody> body = new CompletableFuture<>();
    private final ServerSentEvents events;
    private Flow.Subscription subscription;
    private JsonRpcReply reply;

    /**
     * @param expectedId the id of the request whose response ends the reading
     * @param maxEventBytes the largest line or event accepted
     */
    EventStreamReplySubscriber(int expectedId, int maxEventBytes) {
        this.expectedId = expectedId;
        this.events = new ServerSentEvents(this::onEvent, maxEventBytes);
    }

    private void onEvent(String type, String data) {
        if (reply != null || !type.equals("message") || data.isBlank()) {
            return; // e.g. the priming event (an id and empty data) a 2025-11-25 server may send first
        }
        JsonRpcReply message = JsonRpcReplies.read(data);
        if (JsonRpcReplies.answers(message, expectedId)) {
            reply = message;
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (body.isDone()) {
            return;
        }
        try {
            for (ByteBuffer item : items) {
                events.feed(item);
                if (reply != null) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            body.completeExceptionally(e);
            subscription.cancel();
            return;
        }
        if (reply != null) {
            body.complete(new ExchangeBody(EVENT_STREAM, null, reply));
            subscription.cancel();
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        body.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        if (body.isDone()) {
            return;
        }
        try {
            events.finish();
        } catch (RuntimeException e) {
            body.completeExceptionally(e);
            return;
        }
        body.complete(new ExchangeBody(EVENT_STREAM, null, reply));
    }

    @Override
    public CompletionStage<ExchangeBody> getBody() {
        return body;
    }
}
