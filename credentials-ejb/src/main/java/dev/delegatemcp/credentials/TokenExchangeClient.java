package dev.delegatemcp.credentials;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Performs RFC 8693 token exchanges at the STS as this server's own OAuth client (HTTP Basic with its client id and
 * secret). Maps every failure to a {@link CredentialException} with a reason; never logs or returns a token or the secret.
 */
@Stateless
public class TokenExchangeClient {

    /** Looked up once: {@code Json.createXxx} looks the provider up again on every call (a class-loader lock). */
    private static final JsonProvider JSON = JsonProvider.provider();

    static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

    @Inject
    @ConfigProperty(name = "mcp.sts.token-endpoint", defaultValue = "http://localhost:8180/realms/mcp-demo/protocol/openid-connect/token")
    String tokenEndpoint;

    @Inject
    @ConfigProperty(name = "mcp.sts.client-id", defaultValue = "mcp-server")
    String clientId;

    /** From the environment: MCP_STS_CLIENT_SECRET. */
    @Inject
    @ConfigProperty(name = "mcp.sts.client-secret", defaultValue = " ")
    String clientSecret;

    @Inject
    @ConfigProperty(name = "mcp.sts.connect-timeout-ms", defaultValue = "2000")
    long connectTimeoutMillis;

    @Inject
    @ConfigProperty(name = "mcp.sts.read-timeout-ms", defaultValue = "5000")
    long readTimeoutMillis;

    private TokenEndpointApi api;

    @PostConstruct
    void init() {
        api = RestClientBuilder.newBuilder()
                .baseUri(URI.create(tokenEndpoint))
                .connectTimeout(connectTimeoutMillis, TimeUnit.MILLISECONDS)
                .readTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS)
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(TokenEndpointApi.class);
    }

    /**
     * One exchange. Bounded by Fault Tolerance (each limit can be changed in MP Config, e.g.
     * {@code dev.delegatemcp.credentials.TokenExchangeClient/exchange/Timeout/value}): a time limit, one retry only when
     * the STS was unavailable, and a circuit breaker that opens on unavailability, not on refusals.
     *
     * @throws CredentialException when the STS refuses the exchange or cannot be reached
     */
    @Timeout(value = 8, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, jitter = 100, retryOn = CredentialException.Unavailable.class,
            abortOn = {CredentialException.Denied.class, CredentialException.InvalidTarget.class,
                    CredentialException.ClientUnauthorized.class, CredentialException.InvalidSubjectToken.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            failOn = {CredentialException.Unavailable.class, TimeoutException.class})
    public IssuedToken exchange(TokenExchangeRequest request) {
        return token(form(request), "Token exchange");
    }

    /**
     * This server's own access token (client credentials grant), e.g. for the Outbound Apps API. Bounded like
     * {@link #exchange}.
     *
     * @throws CredentialException when the STS refuses or cannot be reached
     */
    @Timeout(value = 8, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, jitter = 100, retryOn = CredentialException.Unavailable.class,
            abortOn = {CredentialException.Denied.class, CredentialException.InvalidTarget.class,
                    CredentialException.ClientUnauthorized.class, CredentialException.InvalidSubjectToken.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            failOn = {CredentialException.Unavailable.class, TimeoutException.class})
    public IssuedToken clientCredentials(List<String> scopes) {
        Form form = new Form().param("grant_type", "client_credentials");
        if (!scopes.isEmpty()) {
            form.param("scope", String.join(" ", scopes));
        }
        return token(form, "Client credentials grant");
    }

    private IssuedToken token(Form form, String what) {
        try (Response response = api.token(basicAuthorization(), form)) {
            JsonObject body = readJson(response);
            if (response.getStatus() == 200 && body != null && body.containsKey("access_token")) {
                try {
                    return token(body);
                } catch (ClassCastException | NullPointerException e) {
                    throw CredentialException.of(CredentialException.Reason.FAILED, null,
                            "The STS answered with a token response that does not follow RFC 8693");
                }
            }
            String error = body == null ? null : body.getString("error", null);
            String description = body == null ? null : body.getString("error_description", null);
            CredentialException.Reason reason = TokenErrorClassifier.classify(response.getStatus(), error, description);
            throw CredentialException.of(reason, error, what + " refused by the STS: HTTP " + response.getStatus()
                    + (error == null ? "" : " " + error));
        } catch (ProcessingException e) {
            throw new CredentialException.Unavailable(null, "The STS could not be reached: " + e.getClass().getSimpleName());
        }
    }

    static Form form(TokenExchangeRequest request) {
        Form form = new Form()
                .param("grant_type", GRANT_TYPE)
                .param("subject_token", request.subjectToken())
                .param("subject_token_type", ACCESS_TOKEN_TYPE);
        if (request.resource() != null) {
            form.param("resource", request.resource());
        }
        request.audiences().forEach(audience -> form.param("audience", audience));
        if (!request.scopes().isEmpty()) {
            form.param("scope", String.join(" ", request.scopes()));
        }
        request.extraParameters().forEach(form::param);
        return form;
    }

    static IssuedToken token(JsonObject body) {
        JsonNumber expiresIn = body.getJsonNumber("expires_in");
        String scope = body.getString("scope", "");
        Set<String> scopes = scope.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(scope.trim().split("\\s+")));
        return new IssuedToken(body.getString("access_token"), body.getString("issued_token_type", null),
                body.getString("token_type", null), expiresIn == null ? null : Duration.ofSeconds(expiresIn.longValue()),
                scopes);
    }

    /** RFC 6749 section 2.3.1: id and secret are form-urlencoded before Basic encoding. */
    private String basicAuthorization() {
        String credentials = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(clientSecret.trim(), StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
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
