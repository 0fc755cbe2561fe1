package dev.delegatemcp.it.support;

import dev.delegatemcp.test.ApiDouble;
import dev.delegatemcp.test.TestHttpServer;
import dev.delegatemcp.test.TestTokenIssuer;

/**
 * Test access tokens, from the test kit's {@link TestTokenIssuer}: one key pair per test JVM, its public half served
 * as a JWKS at {@code http://127.0.0.1:<it.jwks.port>/jwks.json}, which the test server trusts (test-server.xml).
 */
public final class TestTokens {

    public static final String ISSUER = "https://issuer.test.local";
    public static final String AUDIENCE = McpTestServer.resource();

    private static final TestTokenIssuer TOKENS = TestTokenIssuer.create(ISSUER, AUDIENCE)
            .serveJwks(TestHttpServer.start(McpTestServer.jwksPort()));

    private TestTokens() {
    }

    /** The issuer (the STS double verifies subject tokens with it and signs its own with its key). */
    static TestTokenIssuer issuer() {
        return TOKENS;
    }

    /** SHA-256 hex digest of a token, to compare with what downstream services received. */
    public static String digest(String token) {
        return ApiDouble.digest(token);
    }

    /** A valid token of the sample client ({@code azp} e2e-client) for a user with the sample scopes. */
    public static TestTokenIssuer.TokenBuilder user(String subject) {
        return TOKENS.token(subject).clientId("e2e-client").scopes("notes.read", "notes.write");
    }
}
