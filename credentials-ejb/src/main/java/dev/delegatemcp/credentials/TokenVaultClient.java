package dev.delegatemcp.credentials;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;

import dev.delegatemcp.api.Downstream;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Fetches stored connection tokens from the token vault ({@link TokenVaultApi}, Descope Outbound Apps wire format):
 * a user's or a tenant's token for an app, by scopes or the latest. The vault stores and refreshes the provider
 * tokens; this server only reads them. It authenticates as {@code Bearer <projectId>:<secret>} where the secret is
 * either this server's own access token carrying {@code outbound.token.fetch} ({@link ServerAccessToken}; the vault
 * enforces its policies) or a management key from the environment ({@code MCP_OUTBOUND_MANAGEMENT_KEY}; it bypasses
 * policies). Maps every failure to a {@link CredentialException}; never logs or returns a token or key. A fetch sends
 * its request's W3C trace context as {@code traceparent}/{@code tracestate} headers.
 * <p>
 * Fault Tolerance, declared once, like the token exchange's: an 8 s time limit, one retry only when the vault was
 * unavailable, and a circuit breaker that opens on unavailability and time-outs (keys such as
 * {@code dev.delegatemcp.credentials.TokenVaultClient/Timeout/value}).
 */
@Stateless
@Timeout(value = 8, unit = ChronoUnit.SECONDS)
@Retry(maxRetries = 1, delay = 200, jitter = 100, retryOn = CredentialException.Unavailable.class)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
        failOn = {CredentialException.Unavailable.class, TimeoutException.class})
public class TokenVaultClient {

    /** Read at construction ({@link ConfigBinding}: not injected, see there). */
    TokenVaultConfig config;

    @EJB
    ServerAccessToken serverToken;

    Clock clock = Clock.systemUTC();

    /** Made at construction; a test sets another. */
    TokenVaultApi api;

    @PostConstruct
    void init() {
        config = ConfigBinding.bind(TokenVaultConfig.class, ConfigProvider.getConfig());
        api = RestClientBuilder.newBuilder()
                .baseUri(config.baseUrl())
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(TokenVaultApi.class);
    }

    /**
     * One fetch. An HTTP 401 answer makes this server's own access token be obtained anew next time.
     *
     * @throws CredentialException {@code NOT_CONNECTED} when no token is stored (or none with the scopes), or the
     *         other reasons
     */
    public IssuedToken fetch(StoredTokenRequest request) {
        VaultTokenQuery query = VaultTokenQuery.of(request);
        boolean byScopes = !request.scopes().isEmpty();
        boolean accessToken = config.auth() == TokenVaultConfig.Auth.ACCESS_TOKEN;
        String authorization = "Bearer " + config.projectId() + ":"
                + (accessToken ? serverToken.get() : config.managementKey());
        String traceparent = request.trace() == null ? null : request.trace().traceparent();
        String tracestate = request.trace() == null ? null : request.trace().tracestate();
        VaultTokenResponse response;
        try {
            response = request.level() == Downstream.Level.USER
                    ? (byScopes ? api.userToken(authorization, traceparent, tracestate, query)
                            : api.latestUserToken(authorization, traceparent, tracestate, query))
                    : (byScopes ? api.tenantToken(authorization, traceparent, tracestate, query)
                            : api.latestTenantToken(authorization, traceparent, tracestate, query));
        } catch (CredentialException | ProcessingException e) {
            CredentialException failure = e instanceof CredentialException mapped ? mapped
                    : ClientFailures.of((ProcessingException) e, "The token vault");
            if (failure.httpStatus() == 401 && accessToken) {
                serverToken.invalidate();
            }
            throw failure;
        }
        if (response == null || response.token() == null) {
            throw CredentialException.of(CredentialException.Reason.FAILED, null,
                    "The token vault answered HTTP 200 without a token");
        }
        return response.token().toIssuedToken(clock.instant());
    }
}
