package dev.delegatemcp.credentials;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.delegatemcp.api.interaction.TraceContext;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Requests tokens at the STS token endpoint as this server's own OAuth client (HTTP Basic with its client id and
 * secret, RFC 6749 section 2.3.1): RFC 8693 token exchanges, and client credentials grants for its own access token.
 * Maps every failure to a {@link CredentialException} with a reason; never logs or returns the secret. An exchange
 * sends its request's W3C trace context as {@code traceparent}/{@code tracestate} headers.
 * <p>
 * Fault Tolerance, declared once for both operations (each has its own circuit): an 8 s time limit, one retry only
 * when the STS was unavailable, and a circuit breaker that opens on unavailability and time-outs, not on refusals.
 * Change them with the standard keys, e.g. {@code dev.delegatemcp.credentials.TokenExchangeClient/Timeout/value}.
 */
@Stateless
@Timeout(value = 8, unit = ChronoUnit.SECONDS)
@Retry(maxRetries = 1, delay = 200, jitter = 100, retryOn = CredentialException.Unavailable.class)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
        failOn = {CredentialException.Unavailable.class, TimeoutException.class})
public class TokenExchangeClient {

    /** Read at construction ({@link ConfigBinding}: not injected, see there). */
    StsConfig config;

    /** Made at construction; a test sets another. */
    TokenEndpointApi api;

    @PostConstruct
    void init() {
        config = ConfigBinding.bind(StsConfig.class, ConfigProvider.getConfig());
        api = RestClientBuilder.newBuilder()
                .baseUri(config.tokenEndpoint())
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(TokenEndpointApi.class);
    }

    /**
     * One RFC 8693 token exchange.
     *
     * @throws CredentialException when the STS refuses the exchange or cannot be reached
     */
    public IssuedToken exchange(TokenExchangeRequest request) {
        return token(TokenRequest.tokenExchange(request), request.trace());
    }

    /**
     * This server's own access token (client credentials grant), e.g. for the token vault.
     *
     * @param scopes the scopes to ask for; empty: the client's defaults at the STS
     * @throws CredentialException when the STS refuses or cannot be reached
     */
    public IssuedToken clientCredentials(List<String> scopes) {
        return token(TokenRequest.clientCredentials(scopes), null);
    }

    /** @param trace sent as the {@code traceparent}/{@code tracestate} headers, or null */
    private IssuedToken token(TokenRequest request, TraceContext trace) {
        try {
            return api.token(basicAuthorization(), trace == null ? null : trace.traceparent(),
                    trace == null ? null : trace.tracestate(), request).toIssuedToken();
        } catch (ProcessingException e) {
            throw ClientFailures.of(e, "The STS");
        }
    }

    /** RFC 6749 section 2.3.1: id and secret are form-urlencoded before Basic encoding. */
    private String basicAuthorization() {
        String credentials = URLEncoder.encode(config.clientId(), StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(config.clientSecret(), StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
