package dev.delegatemcp.server.protocol.stream;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import dev.delegatemcp.wire.mcp.McpMeta;
import dev.delegatemcp.wire.mcp.McpMethods;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The open {@code subscriptions/listen} streams (MCP 2026-07-28, Basic, Patterns, Subscriptions): each starts with
 * {@code notifications/subscriptions/acknowledged} naming the notifications it will carry, then carries those and no
 * other, every one tagged with {@code _meta["io.modelcontextprotocol/subscriptionId"]} (the listen request's id).
 * This server honours {@code resourcesListChanged} and {@code resourceSubscriptions}; its tools and prompts do not
 * change while it runs, so {@code toolsListChanged} and {@code promptsListChanged} are left out of the
 * acknowledgment, and a stream that would carry nothing ends gracefully right after it. At most {@code mcp.listen.max} streams are open on the server (each holds a thread). A stream ends
 * when its client leaves (noticed at the next keep-alive at the latest), when its subject opens more than
 * {@code mcp.listen.max-per-subject}, or when the application stops: those two end it
 * gracefully, with a result for the listen request (Graceful Closure). A stream is tied to its connection: nothing of
 * it is kept once it ends, and a client that reconnects listens anew.
 */
@ApplicationScoped
public class ListenStreams {

    /** What a stream carries: resource list changes, and updates of these resource URIs. */
    public record Filter(boolean resourcesListChanged, Set<String> resources) {

        /** Whether the stream would carry nothing at all (e.g. only tools or prompts list changes were asked for). */
        boolean isEmpty() {
            return !resourcesListChanged && resources.isEmpty();
        }

        /** The {@code notifications} object of the acknowledgment. */
        JsonObject acknowledged() {
            JsonObjectBuilder notifications = Json.createObjectBuilder();
            if (resourcesListChanged) {
                notifications.add("resourcesListChanged", true);
            }
            if (!resources.isEmpty()) {
                JsonArrayBuilder uris = Json.createArrayBuilder();
                resources.forEach(uris::add);
                notifications.add("resourceSubscriptions", uris);
            }
            return notifications.build();
        }
    }

    /** One open stream. */
    public final class Listener {
        private final JsonValue subscriptionId;
        private final String owner;
        private final Filter filter;
        private final EventStream stream;
        private final CountDownLatch ended = new CountDownLatch(1);

        private Listener(JsonValue subscriptionId, String owner, Filter filter, EventStream stream) {
            this.subscriptionId = subscriptionId;
            this.owner = owner;
            this.filter = filter;
            this.stream = stream;
        }

        /**
         * Holds the calling thread (the listen request's) until the stream ends, writing a keep-alive comment every
         * {@code mcp.listen.keep-alive}; a keep-alive that does not reach the client ends the stream.
         */
        public void await() throws InterruptedException {
            long keepAliveMillis = config.keepAlive().toMillis();
            while (!ended.await(keepAliveMillis, TimeUnit.MILLISECONDS)) {
                if (!stream.keepAlive()) {
                    close(this, false);
                    return;
                }
            }
        }

        private void send(String method, JsonObjectBuilder params) {
            params.add("_meta", Json.createObjectBuilder().add(McpMeta.SUBSCRIPTION_ID, subscriptionId));
            if (!stream.send(Json.createObjectBuilder().add("jsonrpc", "2.0").add("method", method)
                    .add("params", params).build().toString()) || !stream.connected()) {
                close(this, false);
            }
        }
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    @Inject
    ListenConfig config;

    @Inject
    FollowableResources followable;

    /** For CDI. */
    public ListenStreams() {
    }

    public ListenStreams(ListenConfig config, FollowableResources followable) {
        this.config = config;
        this.followable = followable;
    }

    /**
     * The filter of a listen request's {@code params.notifications}, as far as this server honours it for this caller:
     * {@code resourceSubscriptions} keeps only the resources the caller may read (the acknowledgment names what is
     * honoured; the others are left out, as for any notification type the server does not support).
     *
     * @throws JsonRpcException as {@link #filter(JsonObject)}
     */
    public Filter filter(JsonObject params, dev.delegatemcp.api.McpCaller caller) {
        JsonValue value = params.get("notifications");
        if (value == null || value == JsonValue.NULL) {
            return new Filter(false, Set.of());
        }
        if (!(value instanceof JsonObject notifications)) {
            throw JsonRpcException.invalidParams("Invalid params: \"notifications\" must be an object");
        }
        for (String flag : List.of("toolsListChanged", "promptsListChanged", "resourcesListChanged")) {
            JsonValue given = notifications.get(flag);
            if (given != null && given != JsonValue.NULL && given != JsonValue.TRUE && given != JsonValue.FALSE) {
                throw JsonRpcException.invalidParams("Invalid params: notifications." + flag + " must be a boolean");
            }
        }
        Set<String> uris = new LinkedHashSet<>();
        JsonValue subscriptions = notifications.get("resourceSubscriptions");
        if (subscriptions != null && subscriptions != JsonValue.NULL) {
            if (!(subscriptions instanceof jakarta.json.JsonArray array)) {
                throw JsonRpcException.invalidParams(
                        "Invalid params: notifications.resourceSubscriptions must be an array of URIs");
            }
            if (array.size() > config.maxResources()) {
                throw JsonRpcException.invalidParams("Invalid params: a listen stream may ask updates of at most "
                        + config.maxResources() + " resources");
            }
            for (JsonValue uri : array) {
                if (!(uri instanceof JsonString text) || !absoluteUri(text.getString())) {
                    throw JsonRpcException.invalidParams(
                            "Invalid params: notifications.resourceSubscriptions must be an array of URIs");
                }
                if (followable.mayFollow(caller, text.getString())) {
                    uris.add(text.getString());
                }
            }
        }
        return new Filter(notifications.get("resourcesListChanged") == JsonValue.TRUE, Set.copyOf(uris));
    }

    /**
     * Like {@link #open}, unless the server holds {@code mcp.listen.max} streams already (of other subjects: a subject
     * at its own limit makes room by ending its oldest): then nothing is opened.
     *
     * @param opener makes the connection (turns the HTTP response into an event stream), only when a stream opens
     * @return the stream; empty when the server is full
     */
    public Optional<Listener> tryOpen(JsonValue subscriptionId, String owner, Filter filter,
            Supplier<StreamConnection> opener) {
        List<Listener> mine = new ArrayList<>();
        Listener listener;
        synchronized (this) {
            listeners.stream().filter(other -> other.owner.equals(owner)).forEach(mine::add);
            if (listeners.size() >= config.max() && mine.size() < config.maxPerSubject()) {
                return Optional.empty();
            }
            listener = new Listener(subscriptionId, owner, filter, EventStream.openUnnumbered(opener.get()));
            listeners.add(listener);
        }
        for (int i = 0; i <= mine.size() - config.maxPerSubject(); i++) {
            close(mine.get(i), true);
        }
        listener.send(McpMethods.SUBSCRIPTIONS_ACKNOWLEDGED,
                Json.createObjectBuilder().add("notifications", filter.acknowledged()));
        if (filter.isEmpty()) {
            close(listener, true); // nothing would ever come: end it gracefully now rather than hold a thread
        }
        return Optional.of(listener);
    }

    /** {@code notifications/resources/list_changed} to every stream that asked for it. */
    public void resourcesListChanged() {
        for (Listener listener : listeners) {
            if (listener.filter.resourcesListChanged()) {
                listener.send(McpMethods.RESOURCES_LIST_CHANGED, Json.createObjectBuilder());
            }
        }
    }

    /** {@code notifications/resources/updated} to every stream that asked for exactly this URI. */
    public void resourceUpdated(String uri) {
        for (Listener listener : listeners) {
            if (listener.filter.resources().contains(uri)) {
                listener.send(McpMethods.RESOURCES_UPDATED, Json.createObjectBuilder().add("uri", uri));
            }
        }
    }

    private static boolean absoluteUri(String text) {
        try {
            return new java.net.URI(text).isAbsolute();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** How many streams are open (for tests and metrics). */
    public int openStreams() {
        return listeners.size();
    }

    /** Ends a stream whose request is done, without a response (idempotent). */
    public void end(Listener listener) {
        close(listener, false);
    }

    /** The application stops: every stream ends gracefully. */
    @PreDestroy
    void stop() {
        listeners.forEach(listener -> close(listener, true));
    }

    /**
     * Ends a stream; a graceful end first answers the listen request ({@code resultType: "complete"}, tagged with its
     * subscription id), so that the client knows it may listen again (Graceful Closure).
     */
    void close(Listener listener, boolean graceful) {
        if (!listeners.remove(listener)) {
            return;
        }
        if (graceful) {
            listener.stream.send(Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", listener.subscriptionId)
                    .add("result", Json.createObjectBuilder().add("resultType", "complete").add("_meta",
                            Json.createObjectBuilder().add(McpMeta.SUBSCRIPTION_ID, listener.subscriptionId)))
                    .build().toString());
        }
        listener.stream.end();
        listener.ended.countDown();
    }
}
