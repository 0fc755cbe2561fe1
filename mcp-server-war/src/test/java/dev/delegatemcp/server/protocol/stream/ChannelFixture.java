package dev.delegatemcp.server.protocol.stream;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** A request's channel in session {@code s1} of {@code alice}, with the client at the other end of its stream. */
final class ChannelFixture {

    static final String SESSION = "s1";
    static final String OWNER = "alice";

    final StreamConfig config;
    final SessionStreams streams;
    final OutgoingRequests outgoing;
    final ClientDouble client;
    final AtomicInteger opened = new AtomicInteger();
    final RequestCancellation cancellation = new RequestCancellation();
    final RequestChannel channel;

    ChannelFixture() {
        this(StreamTesting.config());
    }

    ChannelFixture(Duration timeout) {
        this(StreamTesting.config(4, 16, 100, 32, 100, timeout, 16));
    }

    ChannelFixture(StreamConfig config) {
        this.config = config;
        this.streams = new SessionStreams(config);
        this.outgoing = new OutgoingRequests(config);
        this.client = new ClientDouble(outgoing, SESSION, OWNER);
        this.channel = new RequestChannel(SESSION, OWNER, streams, outgoing, () -> {
            opened.incrementAndGet();
            return client.connection();
        }, config.interactionTimeout());
    }
}
