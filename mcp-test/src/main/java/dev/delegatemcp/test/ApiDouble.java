package dev.delegatemcp.test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

/**
 * A downstream API a tool calls with its delegated credential: a protected resource that accepts only what the server
 * under test should send. In bearer mode ({@link #bearer}) that is a JWT signed by the given issuer's key (the
 * {@link StsDouble}'s grants), not expired, whose {@code aud} is exactly this API's audience: the MCP client's own
 * token (audience: the MCP server) is refused with 401, as RFC 8707 and MCP's "no token passthrough" require. In API-key
 * mode ({@link #apiKey}) it is a header with a key the test knows the owner of.
 *
 * <p>Accepted requests get {@link #answer}'s reply; by default a GET gets 200 and any other method 201, with
 * {@code {"subject", "audience", "azp", "method", "path", "tokenDigest"}} (the credential's owner and the SHA-256 hex
 * of what it received, never the credential). {@link #rejectNext} makes it answer 401 to a subject's next requests
 * however good their credential, as a downstream that revoked a token does. Every request is recorded
 * ({@link #requests()}), refused ones too.
 */
public final class ApiDouble {

    /**
     * One request as received: method, path (with its query), the credential's subject ({@code sub}; for an API key,
     * its owner; null when refused for a missing or invalid credential), the SHA-256 hex digest of the
     * credential (null when none), the body, and the status answered.
     */
    public record ApiRequest(String method, String path, String subject, String credentialDigest, String body,
            int status) {
    }

    /** A reply: status and JSON body. */
    public record Reply(int status, String json) {
    }

    private final URI uri;
    private final String audience;
    private final TestTokenIssuer signer;
    private final String apiKeyHeader;
    private final Function<String, String> ownerOfKey;
    private final List<ApiRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> rejections = new ConcurrentHashMap<>();
    /** The test's answer for accepted requests; null: the default one. */
    private volatile Function<ApiRequest, Reply> answer;

    private ApiDouble(TestHttpServer server, String pathPrefix, TestTokenIssuer signer, String audience,
            String apiKeyHeader, Function<String, String> ownerOfKey) {
        this.uri = server.uri(pathPrefix);
        this.signer = signer;
        this.audience = audience;
        this.apiKeyHeader = apiKeyHeader;
        this.ownerOfKey = ownerOfKey;
        server.handle(pathPrefix, this::handle);
    }

    /**
     * An API under {@code pathPrefix} of that server that accepts bearer JWTs signed by {@code signer} for exactly
     * {@code audience} (the downstream target's {@code resource} or {@code audience} setting).
     */
    public static ApiDouble bearer(TestHttpServer server, String pathPrefix, TestTokenIssuer signer, String audience) {
        return new ApiDouble(server, pathPrefix, Objects.requireNonNull(signer), Objects.requireNonNull(audience),
                null, null);
    }

    /**
     * An API under {@code pathPrefix} that takes an API key in that header. {@code ownerOfKey} says whose a key is
     * (the request's subject) or returns null for a key it refuses.
     */
    public static ApiDouble apiKey(TestHttpServer server, String pathPrefix, String header,
            Function<String, String> ownerOfKey) {
        return new ApiDouble(server, pathPrefix, null, null, Objects.requireNonNull(header),
                Objects.requireNonNull(ownerOfKey));
    }

    /** Its base URL (the server's URL plus the path prefix), for the tool's Rest Client URL setting. */
    public URI uri() {
        return uri;
    }

    /**
     * Accepted requests get what this function replies (it sees the request with status 0: not answered yet); refused
     * ones still get 401.
     */
    public ApiDouble answer(Function<ApiRequest, Reply> reply) {
        this.answer = Objects.requireNonNull(reply);
        return this;
    }

    /** Every accepted request gets this status and JSON body. */
    public ApiDouble answer(int status, String json) {
        return answer(request -> new Reply(status, json));
    }

    /** The subject's next {@code times} requests are answered 401, however good their credential. */
    public ApiDouble rejectNext(String subject, int times) {
        rejections.computeIfAbsent(subject, s -> new AtomicInteger()).set(times);
        return this;
    }

    /** Every request received, in order. */
    public List<ApiRequest> requests() {
        return List.copyOf(requests);
    }

    /**
     * The accepted requests (and those refused by {@link #rejectNext}) whose credential belonged to that subject, in
     * order. A request refused for a missing or invalid credential has no subject: to check that nothing reached the
     * API, compare {@link #requests()} before and after.
     */
    public List<ApiRequest> requestsOf(String subject) {
        return requests.stream().filter(r -> subject.equals(r.subject())).toList();
    }

    /** Forgets the requests, pending rejections and the custom answer. */
    public void reset() {
        requests.clear();
        rejections.clear();
        answer = null;
    }

    /** The SHA-256 hex digest of a credential, as {@link ApiRequest#credentialDigest()} holds it. */
    public static String digest(String credential) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(credential.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange http) throws IOException {
        try (http) {
            String method = http.getRequestMethod();
            URI requested = http.getRequestURI();
            String path = requested.getRawQuery() == null ? requested.getRawPath()
                    : requested.getRawPath() + "?" + requested.getRawQuery();
            String body = new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String credential = credential(http);
            if (credential == null) {
                refuse(http, new ApiRequest(method, path, null, null, body, 401), "no credential");
                return;
            }
            Optional<JWTClaimsSet> claims = signer == null ? Optional.empty() : signer.verify(credential);
            String subject = signer == null ? ownerOfKey.apply(credential)
                    : claims.filter(c -> List.of(audience).equals(c.getAudience())).map(JWTClaimsSet::getSubject)
                            .orElse(null);
            if (subject == null) {
                refuse(http, new ApiRequest(method, path, null, digest(credential), body, 401), "invalid_token");
                return;
            }
            AtomicInteger pending = rejections.get(subject);
            if (pending != null && pending.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                refuse(http, new ApiRequest(method, path, subject, digest(credential), body, 401), "invalid_token");
                return;
            }
            ApiRequest accepted = new ApiRequest(method, path, subject, digest(credential), body, 0);
            Function<ApiRequest, Reply> custom = answer;
            Reply reply = custom != null ? custom.apply(accepted) : defaultReply(accepted, claims.orElse(null));
            requests.add(new ApiRequest(method, path, subject, accepted.credentialDigest(), body, reply.status()));
            TestHttpServer.sendJson(http, reply.status(), reply.json());
        }
    }

    private String credential(HttpExchange http) {
        if (apiKeyHeader != null) {
            return http.getRequestHeaders().getFirst(apiKeyHeader);
        }
        String authorization = http.getRequestHeaders().getFirst("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
    }

    private void refuse(HttpExchange http, ApiRequest request, String error) throws IOException {
        requests.add(request);
        http.getResponseHeaders().set("WWW-Authenticate",
                apiKeyHeader != null ? "ApiKey" : "Bearer error=\"" + error + "\"");
        TestHttpServer.sendJson(http, 401, "{\"error\":\"" + error + "\"}");
    }

    /** Who called and how; {@code claims} is null for an API key. */
    private Reply defaultReply(ApiRequest request, JWTClaimsSet claims) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("subject", request.subject());
        if (claims != null) {
            Object azp = claims.getClaim("azp");
            body.add("audience", audience).add("azp", azp == null ? "" : azp.toString());
        }
        body.add("method", request.method()).add("path", request.path())
                .add("tokenDigest", request.credentialDigest());
        return new Reply("GET".equals(request.method()) ? 200 : 201, body.build().toString());
    }
}
