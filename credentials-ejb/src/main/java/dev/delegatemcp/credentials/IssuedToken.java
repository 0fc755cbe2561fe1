package dev.delegatemcp.credentials;

import java.time.Duration;
import java.util.Set;

/**
 * The STS's answer to a token exchange (RFC 8693 section 2.2.1). {@link #toString()} never shows the token.
 *
 * @param accessToken the issued token or API key
 * @param issuedTokenType e.g. urn:ietf:params:oauth:token-type:access_token
 * @param tokenType e.g. Bearer or N_A
 * @param expiresIn lifetime from issue, or null when the STS did not say
 * @param scopes the granted scopes, possibly empty (an immutable set: each cache hit hands it on without copying)
 */
public record IssuedToken(String accessToken, String issuedTokenType, String tokenType, Duration expiresIn,
        Set<String> scopes) {

    public IssuedToken {
        scopes = Set.copyOf(scopes);
    }

    @Override
    public String toString() {
        return "IssuedToken[issuedTokenType=" + issuedTokenType + ", tokenType=" + tokenType + ", expiresIn="
                + expiresIn + ", scopes=" + scopes + ", accessToken=***]";
    }
}
