package dev.delegatemcp.server.remote;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a body as UTF-8 text, up to a limit in bytes. A longer body completes exceptionally with
 * {@link MalformedBodyException} and the rest is not read.
 */
final class CappedTextSubscriber implements BodySubscriber<ExchangeBody> {

    private final String mediaType;
    private final int maxBytes;
    private final CompletableFuture<ExchangeBody> body = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    /**
     * @param mediaType the body's media type, passed on in the {@link ExchangeBody}
     * @param maxBytes the largest body accepted, in bytes
     */
    CappedTextSubscriber(String mediaType, int maxBytes) {
        this.mediaType = mediaType;
        this.maxBytes = maxBytes;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            if (bytes.size() + item.remaining() > maxBytes) {
                body.completeExceptionally(new MalformedBodyException());
                subscription.cancel();
                return;
            }
            byte[] chunk = new byte[item.remaining()];
            item.get(chunk);
            bytes.writeBytes(chunk);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        body.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        body.complete(new ExchangeBody(mediaType, bytes.toString(StandardCharsets.UTF_8), null));
    }

    @Override
    public CompletionStage<ExchangeBody> getBody() {
        return body;
    }
}
