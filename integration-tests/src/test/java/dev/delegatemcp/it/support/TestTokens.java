package dev.delegatemcp.it.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * Test access tokens. The signing key pair is made once per test JVM; its public half is served as a JWKS at
 * {@code http://127.0.0.1:<it.jwks.port>/jwks.json}, which the test server trusts (see test-server.xml).
 */
public final class TestTokens {

    public static final String ISSUER = "https://issuer.test.local";
    public static final String AUDIENCE = McpTestServer.resource();

    private static final RSAKey KEY = generate("test-key");
    private static final RSAKey OTHER_KEY = generate("test-key");

    static {
        serveJwks();
    }

    private TestTokens() {
    }

    /** The test key pair (the STS double signs its tokens with it too). */
    static RSAKey signingKey() {
        return KEY;
    }

    /** SHA-256 hex digest of a token, to compare with what downstream services received. */
    public static String digest(String token) {
        return StsDouble.sha256(token);
    }

    /** A valid token for a user with the sample scopes; adjust with the builder. */
    public static Builder user(String subject) {
        return new Builder(subject);
    }

    public static final class Builder {
        private final JWTClaimsSet.Builder claims;
        private RSAKey signingKey = KEY;

        private Builder(String subject) {
            Instant now = Instant.now();
            claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(subject).audience(AUDIENCE)
                    .claim("azp", "e2e-client").claim("scope", "notes.read notes.write")
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                    .jwtID(UUID.randomUUID().toString());
        }

        public Builder scopes(String scopes) {
            claims.claim("scope", scopes);
            return this;
        }

        public Builder tenant(String tenant) {
            claims.claim("tenant", tenant);
            return this;
        }

        public Builder clientId(String azp) {
            claims.claim("azp", azp);
            return this;
        }

        public Builder audience(String audience) {
            claims.audience(audience);
            return this;
        }

        public Builder issuer(String issuer) {
            claims.issuer(issuer);
            return this;
        }

        public Builder expiredSince(Duration ago) {
            Instant now = Instant.now();
            claims.issueTime(Date.from(now.minus(ago).minus(Duration.ofMinutes(10))))
                    .expirationTime(Date.from(now.minus(ago)));
            return this;
        }

        /** Signed by a key the server does not trust (same key id). */
        public Builder signedByUnknownKey() {
            signingKey = OTHER_KEY;
            return this;
        }

        public String sign() {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                        .build(), claims.build());
                jwt.sign(new RSASSASigner(signingKey));
                return signingKey == KEY ? SecretsLedger.record(jwt.serialize()) : jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The same claims with {@code alg: none} and no signature. */
        public String unsigned() {
            Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
            String header =
                    encoder.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
            String payload = encoder.encodeToString(claims.build().toString().getBytes(StandardCharsets.UTF_8));
            return header + "." + payload + ".";
        }
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void serveJwks() {
        byte[] jwks = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", McpTestServer.jwksPort()), 0);
            server.createContext("/jwks.json", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(jwks);
                }
            });
            server.setExecutor(null);
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serve the test JWKS on port " + McpTestServer.jwksPort(), e);
        }
    }
}
