package dev.delegatemcp.server.protocol.roundtrip;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.delegatemcp.server.ServerMessages;
import dev.delegatemcp.server.protocol.roundtrip.RequestStateRejectedException.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

/**
 * Seals the {@code requestState} of an {@code InputRequiredResult} and opens it on the retry (MCP 2026-07-28, Multi
 * Round-Trip Requests, Server Requirements: the state is attacker-controlled input, so it is integrity-protected, bound
 * to the authenticated principal, to a short expiry and to the originating request, and rejected otherwise). It may
 * hold the user's answers, so nothing of it is readable by the client either: it is encrypted, not only signed.
 *
 * <p>A token is URL-safe base64 (no padding) of {@code format (1 byte, 1) | key id (4 bytes) | nonce (12 bytes) |
 * AES-256-GCM ciphertext with its 128-bit tag}; the first 5 bytes are the GCM additional authenticated data, the nonce
 * is random per seal. The plaintext is a JSON object {@code {"version":1,"subject":…,"request":…,"issuedAt":…,
 * "expiresAt":…,"payload":{…}}}, times in epoch seconds. Tokens are at most {@value #MAX_TOKEN_CHARS} characters.
 *
 * <p>No state is kept in the server: any instance configured with the same {@code mcp.request-state.secret} opens
 * what another sealed, and one configured with it as {@code mcp.request-state.previous-secret} still opens what was
 * sealed before a rotation (the key id picks the key, without trying each). Without a secret, a random key made at
 * start-up is used and {@link ServerMessages#REQUEST_STATE_KEY_GENERATED} is logged once. Thread-safe.
 */
@ApplicationScoped
public class RequestStateSeal {

    /** The longest token opened, and sealed, in characters (64 KiB). */
    public static final int MAX_TOKEN_CHARS = 64 * 1024;

    private static final Logger LOG = Logger.getLogger(RequestStateSeal.class.getName());
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private static final byte FORMAT = 1;
    private static final int KEY_ID_BYTES = 4;
    private static final int HEADER_BYTES = 1 + KEY_ID_BYTES;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int MIN_TOKEN_BYTES = HEADER_BYTES + NONCE_BYTES + TAG_BITS / 8;
    private static final int STATE_VERSION = 1;
    private static final String KEY_PURPOSE = "delegate-mcp/request-state/v1";

    /** An AES key and its id, the first {@value #KEY_ID_BYTES} bytes of the key's SHA-256. */
    private record SealKey(byte[] id, SecretKeySpec key) {

        static SealKey of(byte[] aesKey) {
            return new SealKey(Arrays.copyOf(sha256(aesKey), KEY_ID_BYTES), new SecretKeySpec(aesKey, "AES"));
        }

        boolean identifiedIn(byte[] token) {
            return Arrays.equals(token, 1, HEADER_BYTES, id, 0, KEY_ID_BYTES);
        }
    }

    private SealKey current;
    /** The current key first, then the previous one if any. */
    private List<SealKey> opening;
    private long ttlSeconds;
    private Clock clock;

    /** For CDI's client proxy only. */
    protected RequestStateSeal() {
    }

    /** Keys and time to live from the configuration; a random key when no secret is set (and a warning). */
    @Inject
    public RequestStateSeal(RequestStateConfig config) {
        this(config.secret().map(RequestStateSeal::derive).orElseGet(RequestStateSeal::keyOfThisStart),
                config.previousSecret().map(RequestStateSeal::derive).orElse(null), config.ttl(), Clock.systemUTC());
    }

    /**
     * @param secret the secret sealing and opening state, at least {@value RequestStateConfig#MIN_SECRET_LENGTH}
     *        characters
     * @param previousSecret a secret that only opens state, or {@code null}
     * @param ttl how long sealed state is accepted, positive (rounded up to whole seconds)
     * @param clock the time of sealing and opening
     * @throws IllegalArgumentException when a secret is too short (the value is not shown) or the ttl not positive
     */
    public RequestStateSeal(String secret, String previousSecret, Duration ttl, Clock clock) {
        this(derive(checked("mcp.request-state.secret", "MCP_REQUEST_STATE_SECRET", secret)),
                previousSecret == null ? null
                        : derive(checked("mcp.request-state.previous-secret", "MCP_REQUEST_STATE_PREVIOUS_SECRET",
                                previousSecret)),
                ttl, clock);
    }

    private RequestStateSeal(byte[] currentKey, byte[] previousKey, Duration ttl, Clock clock) {
        if (ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException(
                    "mcp.request-state.ttl must be a positive ISO-8601 duration, not " + ttl);
        }
        this.current = SealKey.of(currentKey);
        List<SealKey> keys = new ArrayList<>(List.of(current));
        if (previousKey != null && !Arrays.equals(previousKey, currentKey)) {
            keys.add(SealKey.of(previousKey));
        }
        this.opening = List.copyOf(keys);
        this.ttlSeconds = Math.max(1, ttl.toSeconds() + (ttl.toNanosPart() > 0 ? 1 : 0));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Made when the application starts rather than at the first retry, so that the key of this start (when no secret
     * is set) and its warning come at start-up.
     */
    void startUp(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Observing is enough: CDI creates the bean to deliver the event.
    }

    /**
     * Seals {@code payload} for {@code subject}'s request {@code requestBinding}, valid for the configured time to live.
     *
     * @param payload what the server needs on the retry (the user's answers included): kept encrypted
     * @param subject the authenticated principal (the token's subject)
     * @param requestBinding the originating request, see {@link #requestBinding(String, String, JsonValue)}
     * @return an opaque URL-safe base64 string, at most {@value #MAX_TOKEN_CHARS} characters, different at each call
     * @throws IllegalArgumentException when the sealed state would be longer than {@value #MAX_TOKEN_CHARS} characters
     */
    public String seal(JsonObject payload, String subject, String requestBinding) {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(requestBinding, "requestBinding");
        long issuedAt = clock.instant().getEpochSecond();
        byte[] plaintext = JSON.createObjectBuilder().add("version", STATE_VERSION).add("subject", subject)
                .add("request", requestBinding).add("issuedAt", issuedAt).add("expiresAt", issuedAt + ttlSeconds)
                .add("payload", payload).build().toString().getBytes(UTF_8);
        byte[] token = new byte[HEADER_BYTES + NONCE_BYTES + plaintext.length + TAG_BITS / 8];
        token[0] = FORMAT;
        System.arraycopy(current.id(), 0, token, 1, KEY_ID_BYTES);
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        System.arraycopy(nonce, 0, token, HEADER_BYTES, NONCE_BYTES);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, current.key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(token, 0, HEADER_BYTES);
            cipher.doFinal(plaintext, 0, plaintext.length, token, HEADER_BYTES + NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
        String text = BASE64URL.encodeToString(token);
        if (text.length() > MAX_TOKEN_CHARS) {
            throw new IllegalArgumentException("The sealed requestState would be " + text.length()
                    + " characters, more than the " + MAX_TOKEN_CHARS + " accepted back: keep less in it");
        }
        return text;
    }

    /**
     * Opens a state sealed by {@link #seal} (here or on another instance with the same secret, or with the previous
     * one), for the same subject and request, before it expires.
     *
     * @param token the {@code requestState} the client sent
     * @param subject the authenticated principal of this request
     * @param requestBinding this request, see {@link #requestBinding(String, String, JsonValue)}
     * @return the payload given to {@link #seal}
     * @throws RequestStateRejectedException {@link Reason#MALFORMED} (empty, over {@value #MAX_TOKEN_CHARS}
     *         characters, not base64url, too short), {@link Reason#UNVERIFIABLE} (unknown format or key, altered),
     *         {@link Reason#OTHER_SUBJECT}, {@link Reason#OTHER_REQUEST}, {@link Reason#EXPIRED}, checked in this order
     */
    public JsonObject open(String token, String subject, String requestBinding) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(requestBinding, "requestBinding");
        JsonObject state = verified(decoded(token));
        if (!subject.equals(state.getString("subject", null))) {
            throw new RequestStateRejectedException(Reason.OTHER_SUBJECT);
        }
        if (!requestBinding.equals(state.getString("request", null))) {
            throw new RequestStateRejectedException(Reason.OTHER_REQUEST);
        }
        if (clock.instant().getEpochSecond() >= state.getJsonNumber("expiresAt").longValueExact()) {
            throw new RequestStateRejectedException(Reason.EXPIRED);
        }
        return state.getJsonObject("payload");
    }

    /**
     * The originating request a state is bound to: {@code method + "\n" + name + "\n" + digest}, the digest the
     * URL-safe base64 (no padding) of the SHA-256 of the arguments' canonical JSON ({@link CanonicalJson}: members
     * sorted, numbers by value), so that the same arguments written otherwise bind the same.
     *
     * @param method the MCP method, e.g. {@code tools/call}
     * @param name the tool or prompt name, or the resource URI; {@code null} is empty
     * @param arguments the request's arguments; {@code null} and JSON {@code null} are the empty object
     */
    public static String requestBinding(String method, String name, JsonValue arguments) {
        JsonValue value = arguments == null || arguments.getValueType() == JsonValue.ValueType.NULL
                ? JsonValue.EMPTY_JSON_OBJECT : arguments;
        return method + "\n" + (name == null ? "" : name) + "\n"
                + BASE64URL.encodeToString(sha256(CanonicalJson.write(value).getBytes(UTF_8)));
    }

    private static byte[] decoded(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
            throw new RequestStateRejectedException(Reason.MALFORMED);
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException notBase64Url) {
            throw new RequestStateRejectedException(Reason.MALFORMED);
        }
        if (bytes.length < MIN_TOKEN_BYTES) {
            throw new RequestStateRejectedException(Reason.MALFORMED);
        }
        // Base64 leaves bits unused in the last character; the decoder ignores them, so several texts decode to the
        // same bytes. Only the text this server wrote is its state: any other spelling is an altered one.
        if (!BASE64URL.encodeToString(bytes).equals(token)) {
            throw new RequestStateRejectedException(Reason.UNVERIFIABLE);
        }
        return bytes;
    }

    private JsonObject verified(byte[] token) {
        if (token[0] == FORMAT) {
            for (SealKey key : opening) {
                if (key.identifiedIn(token)) {
                    Optional<JsonObject> state = decrypted(key, token);
                    if (state.isPresent()) {
                        return state.get();
                    }
                }
            }
        }
        throw new RequestStateRejectedException(Reason.UNVERIFIABLE);
    }

    /** The state, when the tag verifies and the plaintext is a state of this version; empty otherwise. */
    private static Optional<JsonObject> decrypted(SealKey key, byte[] token) {
        byte[] plaintext;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, token, HEADER_BYTES,
                    NONCE_BYTES));
            cipher.updateAAD(token, 0, HEADER_BYTES);
            plaintext = cipher.doFinal(token, HEADER_BYTES + NONCE_BYTES, token.length - HEADER_BYTES - NONCE_BYTES);
        } catch (AEADBadTagException altered) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
        try (var reader = JSON.createReader(new StringReader(new String(plaintext, UTF_8)))) {
            JsonObject state = reader.readObject();
            // Authenticated, so written by this code: another shape is another version's state, not an attack.
            if (state.getInt("version", 0) != STATE_VERSION || !(state.get("expiresAt") instanceof JsonNumber)
                    || !(state.get("payload") instanceof JsonObject)) {
                return Optional.empty();
            }
            return Optional.of(state);
        } catch (JsonException | ClassCastException | ArithmeticException notAState) {
            return Optional.empty();
        }
    }

    /**
     * The AES-256 key of a configured secret: HMAC-SHA256 keyed with the secret's UTF-8 bytes over a fixed purpose
     * label. The secret from the environment is never used raw as a key, so the same value set elsewhere (e.g. for
     * another purpose) would never be the same key, and any length of secret gives exactly 256 bits.
     */
    private static byte[] derive(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA256"));
            return mac.doFinal(KEY_PURPOSE.getBytes(UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** A random 256-bit key for this start only, with the operator's warning. */
    private static byte[] keyOfThisStart() {
        ServerMessages.REQUEST_STATE_KEY_GENERATED.log(LOG);
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    private static String checked(String key, String variable, String secret) {
        Objects.requireNonNull(secret, key);
        RequestStateConfig.tooShort(key, variable, Optional.of(secret)).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        return secret;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
