package dev.delegatemcp.credentials;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The vault's answer to a token request (Descope Outbound Apps: {@code {"token": {...}}}), read by JSON-B; other
 * members are ignored.
 *
 * @param token the stored token, or null
 */
public record VaultTokenResponse(Token token) {

    /**
     * A stored token. {@link #toString()} never shows it.
     *
     * @param accessToken {@code accessToken}: the provider's access token or API key
     * @param accessTokenType {@code accessTokenType}, e.g. {@code Bearer}, or null
     * @param accessTokenExpiry {@code accessTokenExpiry}: Unix seconds, a number or a numeric string; absent or 0
     *        when unknown
     * @param scopes {@code scopes} the token holds, or null
     */
    public record Token(String accessToken, String accessTokenType, JsonValue accessTokenExpiry, List<String> scopes) {

        /**
         * The token as a credential, its lifetime counted from now.
         *
         * @throws CredentialException {@code FAILED} when it has no usable access token or expiry
         */
        public IssuedToken toIssuedToken(Instant now) {
            try {
                if (accessToken == null || accessToken.isBlank()) {
                    throw new IllegalArgumentException("accessToken");
                }
                Long expiry = epochSeconds(accessTokenExpiry);
                Duration expiresIn = expiry != null && expiry > 0 ? Duration.between(now, Instant.ofEpochSecond(expiry))
                        : null;
                return new IssuedToken(accessToken, null, accessTokenType, expiresIn,
                        scopes == null ? Set.of() : Set.copyOf(scopes));
            } catch (IllegalArgumentException | ArithmeticException | NullPointerException e) {
                throw CredentialException.of(CredentialException.Reason.FAILED, null,
                        "The token vault answered with a token that has no usable accessToken");
            }
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

        @Override
        public String toString() {
            return "Token[accessTokenType=" + accessTokenType + ", accessTokenExpiry=" + accessTokenExpiry
                    + ", scopes=" + scopes + ", accessToken=***]";
        }
    }
}
