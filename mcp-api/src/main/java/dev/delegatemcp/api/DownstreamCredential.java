package dev.delegatemcp.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * A credential for one downstream target, obtained for the current caller. Apply it to the outgoing request with
 * {@link #applyTo(BiConsumer)}; if the downstream answers 401, call {@link #refresh()} once for a fresh one.
 * {@link #toString()} never shows the secret.
 */
public final class DownstreamCredential {

    /** What kind of secret it is, which decides how it is sent. */
    public enum Type {
        /** An OAuth access token, sent as {@code Authorization: Bearer <token>}. */
        BEARER,
        /** An API key, sent in the header configured for the target. */
        API_KEY
    }

    private final String target;
    private final String secret;
    private final Type type;
    private final String headerName;
    private final Instant expiresAt;
    private final Set<String> scopes;
    private final Supplier<DownstreamCredential> refresher;
    private final Runnable invalidator;

    /**
     * Made by the server; tool code receives it. {@link #invalidate()} does nothing on a credential made this way.
     *
     * @param headerName the header an API key goes in (ignored for bearer tokens)
     * @param expiresAt when it expires, or null when unknown
     * @param refresher obtains a fresh credential for the same target, bypassing the cache
     */
    public DownstreamCredential(String target, String secret, Type type, String headerName, Instant expiresAt,
            Set<String> scopes, Supplier<DownstreamCredential> refresher) {
        this(target, secret, type, headerName, expiresAt, scopes, refresher, () -> {
        });
    }

    /**
     * Made by the server; tool code receives it.
     *
     * @param headerName the header an API key goes in (ignored for bearer tokens)
     * @param expiresAt when it expires, or null when unknown
     * @param refresher obtains a fresh credential for the same target, bypassing the cache
     * @param invalidator drops this credential from the server's cache, without obtaining another
     */
    public DownstreamCredential(String target, String secret, Type type, String headerName, Instant expiresAt,
            Set<String> scopes, Supplier<DownstreamCredential> refresher, Runnable invalidator) {
        this.target = Objects.requireNonNull(target, "target");
        this.secret = Objects.requireNonNull(secret, "secret");
        this.type = Objects.requireNonNull(type, "type");
        this.headerName = type == Type.BEARER ? "Authorization" : Objects.requireNonNull(headerName, "headerName");
        this.expiresAt = expiresAt;
        this.scopes = Set.copyOf(scopes);
        this.refresher = Objects.requireNonNull(refresher, "refresher");
        this.invalidator = Objects.requireNonNull(invalidator, "invalidator");
    }

    /** The logical target name, e.g. "calendar". */
    public String target() {
        return target;
    }

    /** The secret itself: an access token or API key. Do not log it. */
    public String secret() {
        return secret;
    }

    public Type type() {
        return type;
    }

    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    /** The scopes the STS granted, when it said. */
    public Set<String> scopes() {
        return scopes;
    }

    /** The header that carries it: {@code Authorization} for bearer tokens, the configured header for API keys. */
    public String headerName() {
        return headerName;
    }

    /** The header value: {@code Bearer <token>}, or the API key. */
    public String headerValue() {
        return type == Type.BEARER ? "Bearer " + secret : secret;
    }

    /** Sets the credential's header on an outgoing request, e.g. {@code credential.applyTo(builder::header)}. */
    public void applyTo(BiConsumer<String, String> setHeader) {
        setHeader.accept(headerName(), headerValue());
    }

    /**
     * A fresh credential for the same target and caller, obtained from the STS now (the cached one is dropped). Use
     * it once when the downstream service rejected this one.
     */
    public DownstreamCredential refresh() {
        return refresher.get();
    }

    /**
     * Drops this credential from the server's cache without asking for another (unless a newer one replaced it
     * meanwhile): the next request for this target and caller obtains a fresh one, and a token vault is then asked to
     * refresh the token it stores. For a downstream that rejected it (401) when the request must not be sent again at
     * once, e.g. a POST, which a retry could apply twice.
     */
    public void invalidate() {
        invalidator.run();
    }

    @Override
    public String toString() {
        return "DownstreamCredential[target=" + target + ", type=" + type + ", expiresAt=" + expiresAt + ", scopes="
                + scopes + ", secret=***]";
    }
}
