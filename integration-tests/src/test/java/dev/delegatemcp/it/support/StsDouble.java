package dev.delegatemcp.it.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A local STS that speaks the Descope token-exchange wire format and checks every request exactly as documented
 * (Basic client authentication, form body, grant and token types, a subject token it can verify, {@code resource}),
 * plus the two downstream services the fixture tools call: a calendar API that accepts only tokens whose audience is
 * the calendar resource, and a CRM that takes an API key.
 *
 * <p>Resources: {@value #CALENDAR} (JWT for that audience), {@value #CRM} (an API key per user, or per tenant with
 * {@code tenantId}), {@value #SLOW} (answers after 300 ms), {@code payroll} (access_denied), {@code broken} (503).
 *
 * <p>It also grants this server its own access token ({@code grant_type=client_credentials}, same Basic client
 * authentication): an opaque token with the requested scopes, which the Outbound Apps double accepts while it is live.
 * Other doubles of the test JVM serve on the same port ({@link #serve}).
 */
public final class StsDouble {

    public static final String CLIENT_ID = "mcp-server";
    public static final String CLIENT_SECRET = "test-sts-secret";
    public static final String CALENDAR = "https://calendar.test/api";
    public static final String CRM = "crm-connection";
    public static final String SLOW = "https://slow.test/api";

    /**
     * One token-exchange request as the double received it, with its W3C trace context headers (null when absent).
     */
    public record Exchange(String subject, String subjectToken, Map<String, List<String>> form, int status,
            String traceparent, String tracestate) {
        public String resource() {
            return form.getOrDefault("resource", List.of()).stream().findFirst().orElse(null);
        }
    }

    /** One client_credentials grant: the token issued, its scopes, until when it is valid, and whether revoked. */
    public record ServerGrant(String token, List<String> scopes, long expiresAtMillis, boolean revoked) {
        public boolean liveAt(long nowMillis) {
            return !revoked && nowMillis < expiresAtMillis;
        }
    }

    /** Lifetime of this server's own tokens. */
    public static final int SERVER_TOKEN_SECONDS = 3600;

    private static final StsDouble INSTANCE = new StsDouble();

    static {
        SecretsLedger.record(CLIENT_SECRET);
    }

    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> calendarCallsBySubject = new ConcurrentHashMap<>();
    private final List<CalendarRequest> calendarRequests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> calendarRejections = new ConcurrentHashMap<>();
    private final List<String> downstreamTokenDigests = new CopyOnWriteArrayList<>();
    private final List<String> issuedSecrets = new CopyOnWriteArrayList<>();
    private final List<ServerGrant> serverGrants = new CopyOnWriteArrayList<>();
    private final List<String> clientCredentialsViolations = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    public static StsDouble get() {
        return INSTANCE;
    }

    public static int port() {
        return Integer.getInteger("it.sts.port", 19098);
    }

    private StsDouble() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port()), 100);
            server.createContext("/oauth2/v1/token", this::token);
            server.createContext("/calendar/events", this::calendar);
            server.createContext("/crm/contacts", this::crm);
            server.setExecutor(Executors.newFixedThreadPool(16));
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the STS double on port " + port(), e);
        }
    }

    /** Serves another double of the test JVM on this port, under a path prefix. */
    synchronized void serve(String pathPrefix, HttpHandler handler) {
        server.createContext(pathPrefix, handler);
    }

    /** Every client_credentials grant, in order. */
    public List<ServerGrant> serverGrants() {
        return List.copyOf(serverGrants);
    }

    /** Client_credentials requests that did not follow RFC 6749 section 4.4 (expected: none). */
    public List<String> clientCredentialsViolations() {
        return List.copyOf(clientCredentialsViolations);
    }

    /** The grant of that token, if the double issued it. */
    public Optional<ServerGrant> serverGrant(String token) {
        return serverGrants.stream().filter(g -> g.token().equals(token)).findFirst();
    }

    /** Makes every server token issued so far invalid (as if the STS rotated its keys). */
    public synchronized void revokeServerTokens() {
        for (int i = 0; i < serverGrants.size(); i++) {
            ServerGrant grant = serverGrants.get(i);
            serverGrants.set(i, new ServerGrant(grant.token(), grant.scopes(), grant.expiresAtMillis(), true));
        }
    }

    public List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    /** Exchanges the double granted or refused for a subject and resource. */
    public long exchangesFor(String subject, String resource) {
        return exchanges.stream().filter(e -> subject.equals(e.subject()) && resource.equals(e.resource())).count();
    }

    /** Every token and API key the double issued. */
    public List<String> issuedSecrets() {
        return List.copyOf(issuedSecrets);
    }

    /**
     * A request the calendar API received with a valid token: its HTTP method, the token's subject and SHA-256
     * digest, and the status the calendar answered.
     */
    public record CalendarRequest(String method, String subject, String tokenDigest, int status) {
    }

    /** The calendar API answers the subject's next {@code times} requests with 401, however good their token. */
    public void rejectCalendarRequests(String subject, int times) {
        calendarRejections.computeIfAbsent(subject, s -> new AtomicInteger()).set(times);
    }

    /** The requests the calendar API received with a valid token of the subject, in order. */
    public List<CalendarRequest> calendarRequests(String subject) {
        return calendarRequests.stream().filter(request -> request.subject().equals(subject)).toList();
    }

    /** SHA-256 digests of every token the downstream services received. */
    public List<String> downstreamTokenDigests() {
        return List.copyOf(downstreamTokenDigests);
    }

    private void token(HttpExchange http) throws IOException {
        try (http) {
            String expected = "Basic " + Base64.getEncoder().encodeToString(
                    (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
            if (!"POST".equals(http.getRequestMethod())) {
                send(http, 405, "{\"error\":\"invalid_request\"}");
                return;
            }
            if (!expected.equals(http.getRequestHeaders().getFirst("Authorization"))) {
                send(http, 401, "{\"error\":\"invalid_client\",\"error_description\":\"bad client credentials\"}");
                return;
            }
            String contentType = http.getRequestHeaders().getFirst("Content-Type");
            if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")) {
                send(http, 400, "{\"error\":\"invalid_request\",\"error_description\":\"form body expected\"}");
                return;
            }
            Map<String, List<String>> form = parseForm(new String(http.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            if ("client_credentials".equals(first(form, "grant_type"))) {
                clientCredentials(http, form);
                return;
            }
            String subjectToken = first(form, "subject_token");
            String subject = verifiedSubject(subjectToken);
            String resource = first(form, "resource");
            int status = status(form, subject, resource);
            exchanges.add(new Exchange(subject, subjectToken, form, status,
                    http.getRequestHeaders().getFirst("traceparent"), http.getRequestHeaders().getFirst("tracestate")));
            switch (status) {
                case 400 ->
                    send(http, 400, "{\"error\":\"invalid_request\",\"error_description\":\"not per RFC 8693\"}");
                case 401 ->
                    send(http, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"subject token rejected\"}");
                case 403 -> send(http, 403, "{\"error\":\"access_denied\",\"error_description\":\"denied by policy\"}");
                case 503 -> send(http, 503, "{\"error\":\"temporarily_unavailable\"}");
                default -> grant(http, form, subject, resource);
            }
        }
    }

    /** RFC 6749 section 4.4: grant_type and an optional scope, nothing about a user. */
    private void clientCredentials(HttpExchange http, Map<String, List<String>> form) throws IOException {
        for (Map.Entry<String, List<String>> parameter : form.entrySet()) {
            if (!List.of("grant_type", "scope").contains(parameter.getKey()) || parameter.getValue().size() != 1) {
                clientCredentialsViolations.add("unexpected parameter " + parameter.getKey());
                send(http, 400, "{\"error\":\"invalid_request\",\"error_description\":\"unexpected parameter\"}");
                return;
            }
        }
        String scope = first(form, "scope");
        List<String> scopes = scope == null || scope.isBlank() ? List.of() : List.of(scope.trim().split(" +"));
        String token = SecretsLedger.record("srv-" + UUID.randomUUID() + "-" + UUID.randomUUID());
        synchronized (this) {
            serverGrants.add(new ServerGrant(token, scopes, System.currentTimeMillis() + SERVER_TOKEN_SECONDS * 1000L,
                    false));
        }
        issuedSecrets.add(token);
        send(http, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                + SERVER_TOKEN_SECONDS + ",\"scope\":\"" + String.join(" ", scopes) + "\"}");
    }

    private static int status(Map<String, List<String>> form, String subject, String resource) {
        if (!"urn:ietf:params:oauth:grant-type:token-exchange".equals(first(form, "grant_type"))
                || !"urn:ietf:params:oauth:token-type:access_token".equals(first(form, "subject_token_type"))
                || resource == null) {
            return 400;
        }
        if (subject == null) {
            return 401;
        }
        return switch (resource) {
            case "payroll" -> 403;
            case "broken" -> 503;
            default -> 200;
        };
    }

    private void grant(HttpExchange http, Map<String, List<String>> form, String subject, String resource)
            throws IOException {
        String scope = first(form, "scope");
        if (SLOW.equals(resource)) {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (CRM.equals(resource)) {
            String tenant = first(form, "tenantId");
            String key = tenant != null ? "crm-api-key-for-tenant-" + tenant : "crm-api-key-for-" + subject;
            issuedSecrets.add(SecretsLedger.record(key));
            send(http, 200, "{\"access_token\":\"" + key + "\",\"issued_token_type\":"
                    + "\"urn:ietf:params:oauth:token-type:access_token\",\"token_type\":\"N_A\",\"expires_in\":3600}");
            return;
        }
        try {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer("https://sts.test.local").subject(subject)
                    .audience(resource).claim("azp", CLIENT_ID).jwtID(UUID.randomUUID().toString())
                    .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 300_000));
            if (scope != null) {
                claims.claim("scope", scope);
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("sts").build(),
                    claims.build());
            jwt.sign(new RSASSASigner(TestTokens.signingKey()));
            issuedSecrets.add(SecretsLedger.record(jwt.serialize()));
            send(http, 200, "{\"access_token\":\"" + jwt.serialize() + "\",\"issued_token_type\":"
                    + "\"urn:ietf:params:oauth:token-type:access_token\",\"token_type\":\"Bearer\",\"expires_in\":300"
                    + (scope == null ? "" : ",\"scope\":\"" + scope + "\"") + "}");
        } catch (JOSEException e) {
            send(http, 500, "{\"error\":\"server_error\"}");
        }
    }

    /** The calendar API: only tokens for its own audience; says whose token it got. */
    private void calendar(HttpExchange http) throws IOException {
        try (http) {
            String authorization = http.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                send(http, 401, "{\"error\":\"no token\"}");
                return;
            }
            String token = authorization.substring(7);
            downstreamTokenDigests.add(sha256(token));
            try {
                SignedJWT jwt = SignedJWT.parse(token);
                JWTClaimsSet claims = jwt.getJWTClaimsSet();
                if (!jwt.verify(new RSASSAVerifier(TestTokens.signingKey().toRSAPublicKey()))
                        || !claims.getAudience().equals(List.of(CALENDAR))
                        || claims.getExpirationTime().before(new Date())) {
                    send(http, 401, "{\"error\":\"invalid_token\"}");
                    return;
                }
                String method = http.getRequestMethod();
                AtomicInteger rejections = calendarRejections.get(claims.getSubject());
                if (rejections != null && rejections.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    calendarRequests.add(new CalendarRequest(method, claims.getSubject(), sha256(token), 401));
                    send(http, 401, "{\"error\":\"invalid_token\"}");
                    return;
                }
                calendarCallsBySubject.computeIfAbsent(claims.getSubject(), s -> new AtomicInteger()).incrementAndGet();
                if ("POST".equals(method)) {
                    String added = new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    calendarRequests.add(new CalendarRequest(method, claims.getSubject(), sha256(token), 201));
                    send(http, 201, "{\"subject\":\"" + claims.getSubject() + "\",\"added\":" + added + "}");
                    return;
                }
                calendarRequests.add(new CalendarRequest(method, claims.getSubject(), sha256(token), 200));
                send(http, 200,
                        "{\"subject\":\"" + claims.getSubject() + "\",\"audience\":\"" + claims.getAudience().get(0)
                                + "\",\"azp\":\"" + claims.getStringClaim("azp") + "\",\"issuer\":\""
                                + claims.getIssuer()
                                + "\",\"tokenDigest\":\"" + sha256(token) + "\"}");
            } catch (ParseException | JOSEException e) {
                send(http, 401, "{\"error\":\"invalid_token\"}");
            }
        }
    }

    /** The CRM: takes the API key from the connection. */
    private void crm(HttpExchange http) throws IOException {
        try (http) {
            String key = http.getRequestHeaders().getFirst("X-API-Key");
            downstreamTokenDigests.add(key == null ? "" : sha256(key));
            if (key == null || !key.startsWith("crm-api-key-for-")) {
                send(http, 401, "{\"error\":\"bad api key\"}");
                return;
            }
            send(http, 200, "{\"owner\":\"" + key.substring("crm-api-key-for-".length()) + "\"}");
        }
    }

    private static String verifiedSubject(String token) {
        if (token == null) {
            return null;
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            return jwt.verify(new RSASSAVerifier(TestTokens.signingKey().toRSAPublicKey()))
                    && jwt.getJWTClaimsSet().getExpirationTime().after(new Date()) ? jwt.getJWTClaimsSet().getSubject()
                            : null;
        } catch (ParseException | JOSEException e) {
            return null;
        }
    }

    private static Map<String, List<String>> parseForm(String body) {
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

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void send(HttpExchange http, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        http.getResponseHeaders().set("Content-Type", "application/json");
        http.sendResponseHeaders(status, body.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(body);
        }
    }
}
