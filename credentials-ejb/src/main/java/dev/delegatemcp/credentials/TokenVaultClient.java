package dev.delegatemcp.credentials;

import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.delegatemcp.api.Downstream;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Fetches stored connection tokens from the Outbound Apps token API (Descope's {@code /v1/mgmt/outbound/app/...}):
 * a user's or a tenant's token for an app, by scopes or the latest. The vault stores and refreshes the provider
 * tokens; this server only reads them. It authenticates as {@code Bearer <projectId>:<secret>} where the secret is
 * either this server's own access token carrying {@code outbound.token.fetch} (client credentials at the STS; the
 * vault enforces its policies) or a management key from the environment ({@code MCP_OUTBOUND_MANAGEMENT_KEY}; it
 * bypasses policies). Maps every failure to a {@link CredentialException}; never logs or returns a token or key.
 */
@Stateless
public class TokenVaultClient {

    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    @ConfigProperty(name = "mcp.outbound.base-url", defaultValue = "https://api.descope.com")
    String baseUrl;

    @Inject
    @ConfigProperty(name = "mcp.outbound.project-id")
    Optional<String> projectId;

    /** {@code access-token} (default: policies enforced) or {@code management-key}. */
    @Inject
    @ConfigProperty(name = "mcp.outbound.auth", defaultValue = "access-token")
    String authMode;

    /** From the environment: MCP_OUTBOUND_MANAGEMENT_KEY. */
    @Inject
    @ConfigProperty(name = "mcp.outbound.management-key")
    Optional<String> managementKey;

    @Inject
    @ConfigProperty(name = "mcp.outbound.connect-timeout-ms", defaultValue = "2000")
    long connectTimeoutMillis;

    @Inject
    @ConfigProperty(name = "mcp.outbound.read-timeout-ms", defaultValue = "5000")
    long readTimeoutMillis;

    @EJB
    ServerAccessToken serverToken;

    Clock clock = Clock.systemUTC();

    private TokenVaultApi api;

    @PostConstruct
    void init() {
        api = RestClientBuilder.newBuilder()
                .baseUri(URI.create(baseUrl))
                .connectTimeout(connectTimeoutMillis, TimeUnit.MILLISECONDS)
                .readTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS)
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(TokenVaultApi.class);
    }

    /**
     * One fetch. Bounded by Fault Tolerance like the token exchange: a time limit, one retry only when the API was
     * unavailable, and a circuit breaker that opens on unavailability.
     *
     * @throws CredentialException NOT_CONNECTED when no token is stored (or none with the scopes), or the other reasons
     */
    @Timeout(value = 8, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, jitter = 100, retryOn = CredentialException.Unavailable.class,
            abortOn = {CredentialException.Denied.class, CredentialException.InvalidTarget.class,
                    CredentialException.ClientUnauthorized.class, CredentialException.InvalidSubjectToken.class,
                    CredentialException.NotConnected.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            failOn = {CredentialException.Unavailable.class, TimeoutException.class})
    public IssuedToken fetch(StoredTokenRequest request) {
        String body = body(request);
        boolean byScopes = !request.scopes().isEmpty();
        String authorization = authorization();
        try (Response response = request.level() == Downstream.Level.USER
                ? (byScopes ? api.userToken(authorization, body) : api.latestUserToken(authorization, body))
                : (byScopes ? api.tenantToken(authorization, body) : api.latestTenantToken(authorization, body))) {
            JsonObject answer = readJson(response);
            int status = response.getStatus();
            if (status == 200 && answer != null && answer.get("token") instanceof JsonObject token) {
                try {
                    return token(token, clock.instant());
                } catch (ClassCastException | NullPointerException | ArithmeticException | NumberFormatException e) {
                    throw CredentialException.of(CredentialException.Reason.FAILED, null,
                            "The Outbound Apps API answered with a token that has no usable accessToken");
                }
            }
            if (status == 401 && usesAccessToken()) {
                serverToken.invalidate();
            }
            String errorCode = answer == null ? null : string(answer, "errorCode");
            String description = answer == null ? null
                    : firstNonNull(string(answer, "errorDescription"), string(answer, "message"));
            throw CredentialException.of(classify(status, description), errorCode,
                    "The Outbound Apps API refused the token request: HTTP " + status
                            + (errorCode == null ? "" : " " + errorCode));
        } catch (ProcessingException e) {
            throw new CredentialException.Unavailable(null,
                    "The Outbound Apps API could not be reached: " + e.getClass().getSimpleName());
        }
    }

    /** The JSON body the API documents: appId, userId or tenantId, scopes (when fetching by scopes), options. */
    static String body(StoredTokenRequest request) {
        JsonObjectBuilder body = JSON.createObjectBuilder().add("appId", request.appId());
        if (request.level() == Downstream.Level.USER) {
            body.add("userId", request.userId());
        } else {
            body.add("tenantId", request.tenantId());
        }
        if (!request.scopes().isEmpty()) {
            body.add("scopes", JSON.createArrayBuilder(request.scopes()));
        }
        return body.add("options", JSON.createObjectBuilder().add("withRefreshToken", false)
                .add("forceRefresh", request.forceRefresh())).build().toString();
    }

    /**
     * The stored token as a credential: accessToken, accessTokenType, scopes, and its lifetime from accessTokenExpiry
     * (Unix seconds; a number or a numeric string; absent or 0 when unknown).
     */
    static IssuedToken token(JsonObject token, Instant now) {
        String accessToken = token.getString("accessToken");
        if (accessToken.isBlank()) {
            throw new NullPointerException("accessToken");
        }
        Duration expiresIn = null;
        Long expiry = epochSeconds(token.get("accessTokenExpiry"));
        if (expiry != null && expiry > 0) {
            expiresIn = Duration.between(now, Instant.ofEpochSecond(expiry));
        }
        List<String> scopes = new ArrayList<>();
        if (token.get("scopes") instanceof JsonArray array) {
            array.getValuesAs(JsonString.class).forEach(scope -> scopes.add(scope.getString()));
        }
        return new IssuedToken(accessToken, null, string(token, "accessTokenType"), expiresIn, Set.copyOf(scopes));
    }

    static CredentialException.Reason classify(int status, String description) {
        if (status == 404 || (description != null && description.toLowerCase(Locale.ROOT).contains("not found"))) {
            return CredentialException.Reason.NOT_CONNECTED;
        }
        if (status == 401) {
            return CredentialException.Reason.CLIENT_UNAUTHORIZED;
        }
        if (status == 403) {
            return CredentialException.Reason.DENIED;
        }
        if (status == 429 || status >= 500) {
            return CredentialException.Reason.UNAVAILABLE;
        }
        return CredentialException.Reason.FAILED;
    }

    private String authorization() {
        String secret = usesAccessToken() ? serverToken.get() : managementKey.orElse("").trim();
        return "Bearer " + projectId.orElse("").trim() + ":" + secret;
    }

    /** @throws CredentialException CLIENT_UNAUTHORIZED (the setup sentence) when mcp.outbound.auth is neither mode */
    boolean usesAccessToken() {
        return switch (authMode.trim().toLowerCase(Locale.ROOT)) {
            case "access-token" -> true;
            case "management-key" -> false;
            default -> throw CredentialException.of(CredentialException.Reason.CLIENT_UNAUTHORIZED, null,
                    "mcp.outbound.auth must be access-token or management-key, not " + authMode.trim());
        };
    }

    private static Long epochSeconds(JsonValue value) {
        if (value instanceof JsonNumber number) {
            return number.bigDecimalValue().setScale(0, java.math.RoundingMode.DOWN).longValueExact();
        }
        if (value instanceof JsonString text && !text.getString().isBlank()) {
            return new BigDecimal(text.getString().trim()).longValueExact();
        }
        return null;
    }

    private static String string(JsonObject object, String name) {
        return object.get(name) instanceof JsonString text ? text.getString() : null;
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }

    private static JsonObject readJson(Response response) {
        String text = response.hasEntity() ? response.readEntity(String.class) : "";
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }
}
