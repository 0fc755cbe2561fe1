package dev.delegatemcp.credentials;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * A successful token endpoint answer (RFC 6749 section 5.1; RFC 8693 section 2.2.1), read by JSON-B. Other members
 * are ignored. {@link #toString()} never shows the token.
 *
 * @param accessToken {@code access_token}: the issued token or API key
 * @param issuedTokenType {@code issued_token_type} (token exchange), or null
 * @param tokenType {@code token_type}, e.g. {@code Bearer} or {@code N_A}, or null
 * @param expiresIn {@code expires_in}: lifetime in seconds, or null when not given
 * @param scope {@code scope}: the granted scopes, space-separated, or null
 */
public record TokenResponse(@JsonbProperty("access_token") String accessToken,
        @JsonbProperty("issued_token_type") String issuedTokenType, @JsonbProperty("token_type") String tokenType,
        @JsonbProperty("expires_in") BigDecimal expiresIn, @JsonbProperty("scope") String scope) {

    /**
     * The token as a credential.
     *
     * @throws CredentialException {@code FAILED} when the answer has no {@code access_token}
     */
    public IssuedToken toIssuedToken() {
        if (accessToken == null) {
            throw CredentialException.of(CredentialException.Reason.FAILED, null,
                    "The STS answered with a token response that does not follow RFC 8693");
        }
        String granted = scope == null ? "" : scope;
        Set<String> scopes = granted.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(granted.trim().split("\\s+")));
        return new IssuedToken(accessToken, issuedTokenType, tokenType,
                expiresIn == null ? null : Duration.ofSeconds(expiresIn.longValue()), scopes);
    }

    @Override
    public String toString() {
        return "TokenResponse[issuedTokenType=" + issuedTokenType + ", tokenType=" + tokenType + ", expiresIn="
                + expiresIn + ", scope=" + scope + ", accessToken=***]";
    }
}
