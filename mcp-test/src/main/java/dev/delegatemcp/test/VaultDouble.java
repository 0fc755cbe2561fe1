package dev.delegatemcp.test;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * A local token vault: Descope's Outbound Apps token API ({@code /v1/mgmt/outbound/app/...}), where the server under
 * test fetches the stored OAuth tokens of connections ({@code mcp.downstream.<name>.source=outbound-app}). Point
 * {@code mcp.outbound.base-url} at {@link #baseUrl()} and {@code mcp.outbound.project-id} at the project id given
 * here. It checks every request against the documented wire format and answers like Descope:
 * <ul>
 * <li>{@code POST /v1/mgmt/outbound/app/user/token} {appId, userId, scopes[], options}: the newest token of the user
 * for the app that grants all the scopes; {@code .../user/token/latest} {appId, userId, options}: the newest one;
 * {@code .../tenant/token} and {@code .../tenant/token/latest}: the same with {@code tenantId}. Nothing stored: 404.
 * </li>
 * <li>{@code Content-Type: application/json}; {@code Authorization: Bearer <projectId>:<secret>}, where the secret is
 * either a live client_credentials token that the {@link StsDouble} issued with the scope
 * {@value #FETCH_SCOPE} ({@code mcp.outbound.auth=access-token}; a revoked or expired one: 401, as Descope does), or
 * the management key given to {@link #withManagementKey} ({@code mcp.outbound.auth=management-key}).</li>
 * <li>{@code options} is exactly {@code {withRefreshToken: false, forceRefresh: <boolean>}}; no other member.</li>
 * </ul>
 * Anything else is answered 400 with a Descope error body and recorded in {@link #violations()}. The answer is
 * {@code {"token":{...}}} with {@code accessTokenExpiry} in Unix seconds as a string (Descope's JSON for int64).
 *
 * <p>Tests store tokens ({@link #storeForUser}, {@link #storeForTenant}), read what was asked ({@link #calls}), make
 * an app fail ({@link #failApp}), make it ignore scopes as a lenient vault would ({@link #ignoreScopes}), and queue
 * the token a forced refresh turns a stored token into ({@link #onForceRefresh}). Stored tokens are recorded in
 * {@link TestSecrets}.
 */
public final class VaultDouble {

    public static final String FETCH_SCOPE = "outbound.token.fetch";
    public static final String BASE = "/v1/mgmt/outbound/app";
    public static final String USER_TOKEN = BASE + "/user/token";
    public static final String USER_LATEST = BASE + "/user/token/latest";
    public static final String TENANT_TOKEN = BASE + "/tenant/token";
    public static final String TENANT_LATEST = BASE + "/tenant/token/latest";

    /** Whose token: a user's or a tenant's. */
    public enum Level { USER, TENANT }

    /** One stored token. */
    public record Stored(long sequence, String appId, Level level, String owner, List<String> scopes, String token,
            long expiryEpochSeconds) {
    }

    /**
     * One request as received: the path, the owner asked for (userId or tenantId), the body, the server token of the
     * Authorization header (null when malformed), and the status answered.
     */
    public record Call(String path, String appId, String owner, List<String> scopes, Boolean forceRefresh,
            String serverToken, JsonObject body, int status) {
    }

    private final AtomicLong sequence = new AtomicLong();
    private final List<Stored> stored = new CopyOnWriteArrayList<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> failingApps = new ConcurrentHashMap<>();
    private final Set<String> scopeIgnoringOwners = ConcurrentHashMap.newKeySet();
    private final Map<String, String> pendingRefreshes = new ConcurrentHashMap<>();

    private final String projectId;
    private final StsDouble sts;
    private final String managementKey;
    private final URI baseUrl;

    private VaultDouble(TestHttpServer server, String projectId, StsDouble sts, String managementKey) {
        this.projectId = Objects.requireNonNull(projectId, "projectId");
        this.sts = sts;
        this.managementKey = managementKey == null ? null : TestSecrets.record(managementKey);
        this.baseUrl = server.uri("");
        server.handle(BASE, this::handle);
    }

    /**
     * A vault at {@value #BASE} of that server that accepts this project's server tokens issued by that STS double
     * with the scope {@value #FETCH_SCOPE} ({@code mcp.outbound.auth=access-token}).
     */
    public static VaultDouble on(TestHttpServer server, String projectId, StsDouble sts) {
        return new VaultDouble(server, projectId, Objects.requireNonNull(sts, "sts"), null);
    }

    /** A vault that accepts this project's management key ({@code mcp.outbound.auth=management-key}). */
    public static VaultDouble withManagementKey(TestHttpServer server, String projectId, String managementKey) {
        return new VaultDouble(server, projectId, null, Objects.requireNonNull(managementKey, "managementKey"));
    }

    /** The URL for {@code mcp.outbound.base-url} (the API's paths start below it). */
    public URI baseUrl() {
        return baseUrl;
    }

    // ------------------------------------------------------------------------------------------- test controls

    /** Stores a user's token for an app (several may coexist, the newest wins). Returns the token. */
    public String storeForUser(String appId, String userId, List<String> scopes, String token,
            long expiryEpochSeconds) {
        return store(appId, Level.USER, userId, scopes, token, expiryEpochSeconds);
    }

    /** Stores a tenant's token for an app. Returns the token. */
    public String storeForTenant(String appId, String tenantId, List<String> scopes, String token,
            long expiryEpochSeconds) {
        return store(appId, Level.TENANT, tenantId, scopes, token, expiryEpochSeconds);
    }

    private String store(String appId, Level level, String owner, List<String> scopes, String token, long expiry) {
        TestSecrets.record(token);
        stored.add(new Stored(sequence.incrementAndGet(), appId, level, owner, List.copyOf(scopes), token, expiry));
        return token;
    }

    /** Forgets every token of that owner for the app (the user disconnected). */
    public void remove(String appId, Level level, String owner) {
        stored.removeIf(s -> s.appId().equals(appId) && s.level() == level && s.owner().equals(owner));
    }

    /** The next fetch with {@code forceRefresh: true} for this owner and app replaces the stored token's value. */
    public void onForceRefresh(String appId, Level level, String owner, String newToken) {
        TestSecrets.record(newToken);
        pendingRefreshes.put(key(appId, level, owner), newToken);
    }

    /** Every request for that app answers {@code status} (401, 403, 500...) until {@link #recoverApp}. */
    public void failApp(String appId, int status) {
        failingApps.put(appId, status);
    }

    public void recoverApp(String appId) {
        failingApps.remove(appId);
    }

    /**
     * For that app and user or tenant, "by scopes" returns the newest token whatever its scopes (a vault that does not
     * check them), so the server has to.
     */
    public void ignoreScopes(String appId, String owner) {
        scopeIgnoringOwners.add(appId + "|" + owner);
    }

    /** The owner (user or tenant) whose stored token for the app this is, if it is stored now. */
    public Optional<String> ownerOf(String appId, String token) {
        return stored.stream().filter(s -> s.appId().equals(appId) && s.token().equals(token)).map(Stored::owner)
                .findFirst();
    }

    // ------------------------------------------------------------------------------------------------ records

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The requests to that path for that user or tenant. */
    public List<Call> calls(String path, String owner) {
        return calls.stream().filter(c -> path.equals(c.path()) && owner.equals(c.owner())).toList();
    }

    /** The requests for that user or tenant, any path. */
    public List<Call> callsFor(String owner) {
        return calls.stream().filter(c -> owner.equals(c.owner())).toList();
    }

    /** Every way a request broke the documented wire format (expected: none). */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    // --------------------------------------------------------------------------------------------------- HTTP

    private void handle(HttpExchange http) throws IOException {
        try (http) {
            String path = http.getRequestURI().getPath();
            String body = new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            List<String> problems = new ArrayList<>();
            if (!"POST".equals(http.getRequestMethod())) {
                problems.add(path + ": method " + http.getRequestMethod());
            }
            boolean user = USER_TOKEN.equals(path) || USER_LATEST.equals(path);
            boolean tenant = TENANT_TOKEN.equals(path) || TENANT_LATEST.equals(path);
            boolean byScopes = USER_TOKEN.equals(path) || TENANT_TOKEN.equals(path);
            if (!user && !tenant) {
                problems.add("unknown path " + path);
            }
            String contentType = http.getRequestHeaders().getFirst("Content-Type");
            if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
                problems.add(path + ": Content-Type " + contentType);
            }
            String serverToken = serverToken(http.getRequestHeaders().getFirst("Authorization"), problems, path);
            JsonObject json = parse(body, problems, path);
            String appId = json == null ? null : string(json, "appId", problems, path);
            String ownerField = user ? "userId" : "tenantId";
            String owner = json == null ? null : string(json, ownerField, problems, path);
            List<String> scopes = json == null ? List.of() : scopes(json, byScopes, problems, path);
            Boolean forceRefresh = json == null ? null : options(json, problems, path);
            if (json != null) {
                Set<String> allowed = byScopes ? Set.of("appId", ownerField, "scopes", "options")
                        : Set.of("appId", ownerField, "options");
                json.keySet().stream().filter(k -> !allowed.contains(k))
                        .forEach(k -> problems.add(path + ": unexpected member " + k));
            }
            int status;
            String answer;
            if (!problems.isEmpty()) {
                violations.addAll(problems);
                status = 400;
                answer = error("E011002", "Request is invalid", String.join("; ", problems));
            } else if (!authorized(serverToken)) {
                status = 401;
                answer = error("E011003", "Unauthorized", "The access token is expired or revoked");
            } else if (failingApps.containsKey(appId)) {
                status = failingApps.get(appId);
                answer = switch (status) {
                    case 401 -> error("E011003", "Unauthorized", "Request is unauthorized");
                    case 403 -> error("E011004", "Forbidden", "Access to the outbound app token is denied by policy");
                    default -> error("E010000", "Internal error", "Something went wrong on our side");
                };
            } else {
                Level level = user ? Level.USER : Level.TENANT;
                Optional<Stored> token = find(appId, level, owner, byScopes ? scopes : null);
                if (token.isEmpty()) {
                    status = 404;
                    answer = error("E061102", "Token not found",
                            "No outbound app token for this " + (user ? "user" : "tenant"));
                } else {
                    Stored found = Boolean.TRUE.equals(forceRefresh) ? refreshed(token.get()) : token.get();
                    status = 200;
                    answer = tokenJson(found);
                }
            }
            // Recorded before answering: a test reads the calls as soon as the server has its answer.
            calls.add(new Call(path, appId, owner, scopes, forceRefresh, serverToken, json, status));
            send(http, status, answer);
        }
    }

    /** {@code Bearer <projectId>:<secret>}; the secret part, or null (and a problem) when malformed. */
    private String serverToken(String authorization, List<String> problems, String path) {
        String prefix = "Bearer " + projectId + ":";
        if (authorization == null || !authorization.startsWith(prefix) || authorization.length() == prefix.length()) {
            problems.add(path + ": Authorization is not 'Bearer " + projectId + ":<secret>'");
            return null;
        }
        String secret = authorization.substring(prefix.length());
        if (sts == null) {
            if (!managementKey.equals(secret)) {
                problems.add(path + ": the bearer secret is not the project's management key");
            }
            return secret;
        }
        Optional<StsDouble.ServerGrant> grant = sts.serverGrant(secret);
        if (grant.isEmpty()) {
            problems.add(path + ": the bearer secret is not a token the STS issued to this server");
        } else if (!grant.get().scopes().contains(FETCH_SCOPE)) {
            problems.add(path + ": the server token lacks " + FETCH_SCOPE + " (has " + grant.get().scopes() + ")");
        }
        return secret;
    }

    /** A management key is always good; a server token only while the STS has not revoked it and it has not expired. */
    private boolean authorized(String secret) {
        return sts == null || sts.serverGrant(secret).map(g -> g.liveAt(System.currentTimeMillis())).orElse(false);
    }

    private static JsonObject parse(String body, List<String> problems, String path) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            problems.add(path + ": the body is not a JSON object");
            return null;
        }
    }

    private static String string(JsonObject json, String name, List<String> problems, String path) {
        if (json.get(name) instanceof JsonString text && !text.getString().isBlank()) {
            return text.getString();
        }
        problems.add(path + ": " + name + " must be a non-empty string, not " + json.get(name));
        return null;
    }

    private static List<String> scopes(JsonObject json, boolean byScopes, List<String> problems, String path) {
        JsonValue value = json.get("scopes");
        if (!byScopes) {
            if (value != null) {
                problems.add(path + ": scopes must not be sent to a 'latest' endpoint");
            }
            return List.of();
        }
        if (!(value instanceof JsonArray array) || array.isEmpty()) {
            problems.add(path + ": scopes must be a non-empty array, not " + value);
            return List.of();
        }
        List<String> scopes = new ArrayList<>();
        for (JsonValue item : array) {
            if (item instanceof JsonString scope && !scope.getString().isBlank()) {
                scopes.add(scope.getString());
            } else {
                problems.add(path + ": each scope must be a non-empty string, not " + item);
            }
        }
        return List.copyOf(scopes);
    }

    private static Boolean options(JsonObject json, List<String> problems, String path) {
        if (!(json.get("options") instanceof JsonObject options)) {
            problems.add(path + ": options must be an object");
            return null;
        }
        if (options.get("withRefreshToken") != JsonValue.FALSE) {
            problems.add(path + ": options.withRefreshToken must be false, not " + options.get("withRefreshToken"));
        }
        JsonValue force = options.get("forceRefresh");
        if (force != JsonValue.TRUE && force != JsonValue.FALSE) {
            problems.add(path + ": options.forceRefresh must be a boolean, not " + force);
        }
        options.keySet().stream().filter(k -> !Set.of("withRefreshToken", "forceRefresh").contains(k))
                .forEach(k -> problems.add(path + ": unexpected option " + k));
        return force == JsonValue.TRUE ? Boolean.TRUE : force == JsonValue.FALSE ? Boolean.FALSE : null;
    }

    private Optional<Stored> find(String appId, Level level, String owner, List<String> scopes) {
        boolean checkScopes = scopes != null && !scopeIgnoringOwners.contains(appId + "|" + owner);
        return stored.stream()
                .filter(s -> s.appId().equals(appId) && s.level() == level && s.owner().equals(owner))
                .filter(s -> !checkScopes || s.scopes().containsAll(scopes))
                .max(Comparator.comparingLong(Stored::sequence));
    }

    /** A forced refresh: the queued new value replaces the stored one (same scopes and expiry), else it stays. */
    private synchronized Stored refreshed(Stored token) {
        String next = pendingRefreshes.remove(key(token.appId(), token.level(), token.owner()));
        if (next == null) {
            return token;
        }
        Stored rotated = new Stored(token.sequence(), token.appId(), token.level(), token.owner(), token.scopes(), next,
                token.expiryEpochSeconds());
        stored.replaceAll(s -> s == token ? rotated : s);
        return rotated;
    }

    private static String tokenJson(Stored token) {
        JsonArrayBuilder scopes = Json.createArrayBuilder();
        token.scopes().forEach(scopes::add);
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("id", "tok-" + token.sequence())
                .add("appId", token.appId())
                .add("userId", token.level() == Level.USER ? token.owner() : "")
                .add("tokenSub", "provider-" + token.owner())
                .add("accessToken", token.token())
                .add("accessTokenType", "bearer")
                .add("accessTokenExpiry", Long.toString(token.expiryEpochSeconds()))
                .add("hasRefreshToken", true)
                .add("refreshToken", "")
                .add("lastRefreshTime", "0")
                .add("lastRefreshError", "")
                .add("scopes", scopes)
                .add("tenantId", token.level() == Level.TENANT ? token.owner() : "")
                .add("grantedBy", token.owner());
        return Json.createObjectBuilder().add("token", body).build().toString();
    }

    private static String error(String code, String description, String message) {
        return Json.createObjectBuilder().add("errorCode", code).add("errorDescription", description)
                .add("errorMessage", message).add("message", message).build().toString();
    }

    private static String key(String appId, Level level, String owner) {
        return appId + "|" + level + "|" + owner;
    }

    private static void send(HttpExchange http, int status, String json) throws IOException {
        TestHttpServer.sendJson(http, status, json);
    }
}
