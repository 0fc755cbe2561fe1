package dev.delegatemcp.test;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

/**
 * A local security token service: the token endpoint of an OAuth authorization server that does token exchange
 * (RFC 8693) and the client credentials grant (RFC 6749 section 4.4), for the server under test to use as its STS.
 * Point {@code mcp.sts.token-endpoint} at {@link #tokenEndpoint()} and {@code mcp.sts.client-id} /
 * {@code MCP_STS_CLIENT_SECRET} at the client given here.
 *
 * <p>It checks every exchange as a strict STS would: {@code POST}, HTTP Basic client authentication (RFC 6749 section
 * 2.3.1), a form body, {@code grant_type=urn:ietf:params:oauth:grant-type:token-exchange}, {@code subject_token_type}
 * access token, a subject token that the given {@link TestTokenIssuer} signed and that has not expired, and a target:
 * {@code resource} (Descope, RFC 8707) or {@code audience} (Keycloak). By default it grants, for any target, a JWT
 * signed by that issuer's key with {@code aud} = the target, {@code sub} = the subject token's, {@code azp} = this
 * client, the requested {@code scope}, for 300 seconds; a {@link ApiDouble} accepts exactly those. Per target, a test
 * can make it answer a chosen credential ({@link #grant}), a denial ({@link #deny}), an outage ({@link #outage}) or
 * slowly ({@link #delay}). Errors: RFC 6749 section 5.2's {@code invalid_client} (401), {@code invalid_request},
 * {@code invalid_grant} and {@code unsupported_grant_type} (400); then, as Descope answers them, {@code access_denied}
 * with 403 for a denial and {@code temporarily_unavailable} with 503 for an outage; any other with {@link #fail} (e.g.
 * RFC 8693 section 2.2.2's {@code invalid_target}, 400). {@link #acceptTargetsOnlyAs} makes it refuse the target
 * parameter a server should not send.
 *
 * <p>Every request is recorded ({@link #exchanges()}, {@link #serverGrants()}); every credential granted is recorded
 * in {@link TestSecrets}.
 */
public final class StsDouble {

    /** Where it serves its token endpoint (Descope's path). */
    public static final String TOKEN_PATH = "/oauth2/v1/token";
    /** The {@code iss} of the JWTs it grants. */
    public static final String ISSUER = "https://sts.test.local";
    static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

    /**
     * One token-exchange request as received: the verified subject (null when the subject token was not valid), the
     * subject token, the whole form, the status answered, and the W3C trace context headers (null when absent).
     */
    public record Exchange(String subject, String subjectToken, Map<String, List<String>> form, int status,
            String traceparent, String tracestate) {

        /** The first value of a form parameter, or null. */
        public String parameter(String name) {
            List<String> values = form.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** The {@code resource} parameter (RFC 8707), or null. */
        public String resource() {
            return parameter("resource");
        }

        /** The {@code audience} parameter (RFC 8693 section 2.1), or null. */
        public String audience() {
            return parameter("audience");
        }

        /** What was asked for: the {@code resource}, else the {@code audience}. */
        public String target() {
            return resource() != null ? resource() : audience();
        }
    }

    /** One client credentials grant: the opaque token issued, its scopes, its expiry and whether it was revoked. */
    public record ServerGrant(String token, List<String> scopes, long expiresAtMillis, boolean revoked) {

        /** Not revoked and not expired at that time (epoch milliseconds). */
        public boolean liveAt(long nowMillis) {
            return !revoked && nowMillis < expiresAtMillis;
        }
    }

    /** How it answers exchanges for one target. */
    private record Behaviour(int status, String error, Function<Exchange, String> credential, Duration delay) {
    }

    private static final Behaviour DEFAULT = new Behaviour(200, null, null, Duration.ZERO);

    private final TestTokenIssuer signer;
    private final String clientId;
    private final String clientSecret;
    private final URI tokenEndpoint;
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private final List<ServerGrant> serverGrants = new CopyOnWriteArrayList<>();
    private final List<String> clientCredentialsViolations = new CopyOnWriteArrayList<>();
    private final List<String> issued = new CopyOnWriteArrayList<>();
    private volatile String targetParameter;
    private volatile Duration credentialLifetime = Duration.ofSeconds(300);
    private volatile Duration serverTokenLifetime = Duration.ofHours(1);

    private StsDouble(TestHttpServer server, TestTokenIssuer signer, String clientId, String clientSecret) {
        this.signer = Objects.requireNonNull(signer, "signer");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.clientSecret = TestSecrets.record(Objects.requireNonNull(clientSecret, "clientSecret"));
        this.tokenEndpoint = server.uri(TOKEN_PATH);
        server.handle(TOKEN_PATH, this::token);
    }

    /**
     * An STS at {@value #TOKEN_PATH} of that server.
     *
     * @param signer whose tokens it accepts as subject tokens, and whose key signs the JWTs it grants
     * @param clientId the server under test's client id at this STS
     * @param clientSecret its client secret
     */
    public static StsDouble on(TestHttpServer server, TestTokenIssuer signer, String clientId, String clientSecret) {
        return new StsDouble(server, signer, clientId, clientSecret);
    }

    /** The token endpoint's URL, for {@code mcp.sts.token-endpoint}. */
    public URI tokenEndpoint() {
        return tokenEndpoint;
    }

    /** The issuer whose key signs what it grants. */
    public TestTokenIssuer signer() {
        return signer;
    }

    // ------------------------------------------------------------------------------------------ what it answers

    /** Exchanges for this target get this credential (a token or an API key), {@code token_type} N_A. */
    public StsDouble grant(String target, String credential) {
        TestSecrets.record(credential);
        return grant(target, exchange -> credential);
    }

    /** Exchanges for this target get the credential this function makes from the request (per subject, tenant...). */
    public StsDouble grant(String target, Function<Exchange, String> credential) {
        behaviours.put(target, new Behaviour(200, null, Objects.requireNonNull(credential), delayOf(target)));
        return this;
    }

    /** Exchanges for this target are refused by policy: 403 {@code access_denied}. */
    public StsDouble deny(String target) {
        return fail(target, 403, "access_denied");
    }

    /** The STS cannot serve this target: 503 {@code temporarily_unavailable}. */
    public StsDouble outage(String target) {
        return fail(target, 503, "temporarily_unavailable");
    }

    /** Exchanges for this target are answered with that HTTP status and OAuth error code (RFC 6749 section 5.2). */
    public StsDouble fail(String target, int status, String error) {
        behaviours.put(target, new Behaviour(status, Objects.requireNonNull(error), null, delayOf(target)));
        return this;
    }

    /** Exchanges for this target are answered after that long (whatever the answer). */
    public StsDouble delay(String target, Duration delay) {
        Behaviour current = behaviours.getOrDefault(target, DEFAULT);
        behaviours.put(target, new Behaviour(current.status(), current.error(), current.credential(), delay));
        return this;
    }

    /** This target gets the default answer again (a JWT for it, at once). */
    public StsDouble restore(String target) {
        behaviours.remove(target);
        return this;
    }

    /** The lifetime ({@code expires_in}) of the credentials it grants from now on; 300 seconds by default. */
    public StsDouble credentialLifetime(Duration lifetime) {
        this.credentialLifetime = lifetime;
        return this;
    }

    /**
     * Accepts the target only in this parameter, {@code resource} (RFC 8707, as Descope) or {@code audience} (RFC 8693
     * section 2.1, as Keycloak): an exchange naming it the other way is refused with 400 {@code invalid_request}, so a
     * test sees a server that asks the wrong way. Both are accepted by default.
     */
    public StsDouble acceptTargetsOnlyAs(String parameter) {
        if (!"resource".equals(parameter) && !"audience".equals(parameter)) {
            throw new IllegalArgumentException("resource or audience, not " + parameter);
        }
        this.targetParameter = parameter;
        return this;
    }

    private Duration delayOf(String target) {
        return behaviours.getOrDefault(target, DEFAULT).delay();
    }

    // ------------------------------------------------------------------------------------------ what it received

    /** Every token-exchange request, in order. */
    public List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    /** The exchanges asked by that subject for that target (granted or not). */
    public List<Exchange> exchangesFor(String subject, String target) {
        return exchanges.stream().filter(e -> Objects.equals(subject, e.subject()) && target.equals(e.target()))
                .toList();
    }

    /** Every credential it granted (exchanged tokens, chosen credentials, server tokens), in order. */
    public List<String> issuedCredentials() {
        return List.copyOf(issued);
    }

    /** Every client credentials grant, in order. */
    public List<ServerGrant> serverGrants() {
        return List.copyOf(serverGrants);
    }

    /** The grant of that client credentials token, if it issued it. */
    public Optional<ServerGrant> serverGrant(String token) {
        return serverGrants.stream().filter(g -> g.token().equals(token)).findFirst();
    }

    /** Client credentials requests that did not follow RFC 6749 section 4.4 (a correct server makes none). */
    public List<String> clientCredentialsViolations() {
        return List.copyOf(clientCredentialsViolations);
    }

    /** Makes every client credentials token issued so far invalid, as if the STS rotated its keys. */
    public synchronized void revokeServerTokens() {
        for (int i = 0; i < serverGrants.size(); i++) {
            ServerGrant grant = serverGrants.get(i);
            serverGrants.set(i, new ServerGrant(grant.token(), grant.scopes(), grant.expiresAtMillis(), true));
        }
    }

    /** Forgets what it received, and answers every target by default again, named either way. */
    public void reset() {
        exchanges.clear();
        serverGrants.clear();
        clientCredentialsViolations.clear();
        issued.clear();
        behaviours.clear();
        targetParameter = null;
    }

    // ------------------------------------------------------------------------------------------ the endpoint

    private void token(HttpExchange http) throws IOException {
        try (http) {
            String expected = "Basic " + Base64.getEncoder()
                    .encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
            if (!"POST".equals(http.getRequestMethod())) {
                error(http, 405, "invalid_request", "POST expected");
                return;
            }
            if (!expected.equals(http.getRequestHeaders().getFirst("Authorization"))) {
                http.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"sts\"");
                error(http, 401, "invalid_client", "bad client credentials");
                return;
            }
            String contentType = http.getRequestHeaders().getFirst("Content-Type");
            if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")) {
                error(http, 400, "invalid_request", "form body expected");
                return;
            }
            Map<String, List<String>> form =
                    parseForm(new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if ("client_credentials".equals(first(form, "grant_type"))) {
                clientCredentials(http, form);
                return;
            }
            exchange(http, form);
        }
    }

    private void exchange(HttpExchange http, Map<String, List<String>> form) throws IOException {
        String subjectToken = first(form, "subject_token");
        String subject = signer.verify(subjectToken).map(JWTClaimsSet::getSubject).orElse(null);
        String only = targetParameter;
        String target = only != null ? first(form, only)
                : first(form, "resource") != null ? first(form, "resource") : first(form, "audience");
        Behaviour behaviour = target == null ? DEFAULT : behaviours.getOrDefault(target, DEFAULT);
        int status;
        String error;
        if (!TOKEN_EXCHANGE.equals(first(form, "grant_type"))) {
            status = 400;
            error = "unsupported_grant_type";
        } else if (!ACCESS_TOKEN_TYPE.equals(first(form, "subject_token_type")) || target == null) {
            status = 400;
            error = "invalid_request";
        } else if (subject == null) {
            status = 400;
            error = "invalid_grant";
        } else {
            status = behaviour.status();
            error = behaviour.error();
        }
        Exchange exchange = new Exchange(subject, subjectToken, form, status,
                http.getRequestHeaders().getFirst("traceparent"), http.getRequestHeaders().getFirst("tracestate"));
        exchanges.add(exchange);
        pause(behaviour.delay());
        if (status != 200) {
            error(http, status, error, switch (error) {
                case "unsupported_grant_type" -> "token exchange or client credentials only";
                case "invalid_request" -> "not an RFC 8693 token exchange";
                case "invalid_grant" -> "subject token rejected";
                default -> "as the test asked";
            });
        } else if (behaviour.credential() != null) {
            String credential = issue(behaviour.credential().apply(exchange));
            TestHttpServer.sendJson(http, 200, Json.createObjectBuilder().add("access_token", credential)
                    .add("issued_token_type", ACCESS_TOKEN_TYPE).add("token_type", "N_A")
                    .add("expires_in", credentialLifetime.toSeconds()).build().toString());
        } else {
            grantJwt(http, subject, target, first(form, "scope"));
        }
    }

    private void grantJwt(HttpExchange http, String subject, String target, String scope) throws IOException {
        long now = System.currentTimeMillis();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(subject).audience(target)
                .claim("azp", clientId).jwtID(UUID.randomUUID().toString()).issueTime(new Date(now))
                .expirationTime(new Date(now + credentialLifetime.toMillis()));
        if (scope != null) {
            claims.claim("scope", scope);
        }
        JsonObjectBuilder answer = Json.createObjectBuilder().add("access_token", issue(signer.sign(claims.build())))
                .add("issued_token_type", ACCESS_TOKEN_TYPE).add("token_type", "Bearer")
                .add("expires_in", credentialLifetime.toSeconds());
        if (scope != null) {
            answer.add("scope", scope);
        }
        TestHttpServer.sendJson(http, 200, answer.build().toString());
    }

    /** RFC 6749 section 4.4: grant_type and an optional scope, nothing about a user. */
    private void clientCredentials(HttpExchange http, Map<String, List<String>> form) throws IOException {
        for (Map.Entry<String, List<String>> parameter : form.entrySet()) {
            if (!List.of("grant_type", "scope").contains(parameter.getKey()) || parameter.getValue().size() != 1) {
                clientCredentialsViolations.add("unexpected parameter " + parameter.getKey());
                error(http, 400, "invalid_request", "unexpected parameter");
                return;
            }
        }
        String scope = first(form, "scope");
        List<String> scopes = scope == null || scope.isBlank() ? List.of() : List.of(scope.trim().split(" +"));
        String token = issue("srv-" + UUID.randomUUID() + "-" + UUID.randomUUID());
        synchronized (this) {
            serverGrants.add(new ServerGrant(token, scopes,
                    System.currentTimeMillis() + serverTokenLifetime.toMillis(), false));
        }
        TestHttpServer.sendJson(http, 200, Json.createObjectBuilder().add("access_token", token)
                .add("token_type", "Bearer").add("expires_in", serverTokenLifetime.toSeconds())
                .add("scope", String.join(" ", scopes)).build().toString());
    }

    private String issue(String credential) {
        issued.add(TestSecrets.record(credential));
        return credential;
    }

    private static void error(HttpExchange http, int status, String error, String description) throws IOException {
        TestHttpServer.sendJson(http, status, Json.createObjectBuilder().add("error", error)
                .add("error_description", description).build().toString());
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An {@code application/x-www-form-urlencoded} body, parameter by parameter, values in order. */
    static Map<String, List<String>> parseForm(String body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return form;
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
