package dev.delegatemcp.test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * A test authorization server's signing side: an RS256 key pair made when it is created, its public half as a JWKS
 * (served over HTTP by a {@link TestHttpServer}, or written to a file), and signed JWT access tokens (RFC 7519
 * claims {@code iss}, {@code sub}, {@code aud}, {@code iat}, {@code exp}, {@code jti}, plus {@code azp} and
 * {@code scope} as Keycloak issues them; header {@code alg: RS256}, {@code kid}) with the subject, scopes, tenant,
 * audience and lifetime a test chooses.
 *
 * <p>Point the server under test at it through MP Config: {@code mp.jwt.verify.issuer} = {@link #issuer()},
 * {@code mp.jwt.verify.publickey.location} = {@link #jwksUri()} (or the file of {@link #writeJwks(Path)}),
 * {@code mp.jwt.verify.audiences} = the audience given here (the MCP server's resource URL). Liberty's MP-JWT fetches
 * the JWKS when it first validates a token, so the server may start before the test serves it.
 */
public final class TestTokenIssuer {

    /** Where {@link #serveJwks(TestHttpServer)} serves the JWKS. */
    public static final String JWKS_PATH = "/jwks.json";

    private final String issuer;
    private final String audience;
    private final RSAKey key;
    private final RSAKey unknownKey;
    private volatile URI jwksUri;

    private TestTokenIssuer(String issuer, String audience, String keyId) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.audience = Objects.requireNonNull(audience, "audience");
        this.key = generate(keyId);
        this.unknownKey = generate(keyId);
    }

    /**
     * An issuer with a fresh 2048-bit RSA key whose key id ({@code kid}) is new too ({@code test-key-} and 8 random hex
     * digits): a server that cached an earlier issuer's JWKS sees an unknown key id and fetches the JWKS again (Liberty
     * does; a key id used again would keep the old key and refuse every new token).
     *
     * @param issuer the {@code iss} of its tokens, e.g. {@code https://issuer.test.local}
     * @param audience the default {@code aud} of its tokens: the MCP server's resource URL (RFC 8707)
     */
    public static TestTokenIssuer create(String issuer, String audience) {
        return new TestTokenIssuer(issuer, audience,
                "test-key-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** The {@code iss} of its tokens. */
    public String issuer() {
        return issuer;
    }

    /** The default audience of its tokens. */
    public String audience() {
        return audience;
    }

    /** The public key as a JWK Set (RFC 7517 section 5), JSON text. */
    public String jwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    /**
     * Serves {@link #jwks()} at {@value #JWKS_PATH} of that server.
     *
     * @return this issuer; {@link #jwksUri()} then gives the URL
     */
    public TestTokenIssuer serveJwks(TestHttpServer server) {
        byte[] body = jwks().getBytes(StandardCharsets.UTF_8);
        server.handle(JWKS_PATH, http -> {
            try (http) {
                http.getResponseHeaders().set("Content-Type", "application/json");
                http.sendResponseHeaders(200, body.length);
                try (OutputStream out = http.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        jwksUri = server.uri(JWKS_PATH);
        return this;
    }

    /**
     * The URL of the served JWKS.
     *
     * @throws IllegalStateException before {@link #serveJwks(TestHttpServer)}
     */
    public URI jwksUri() {
        if (jwksUri == null) {
            throw new IllegalStateException("The JWKS is not served yet: call serveJwks(server) first");
        }
        return jwksUri;
    }

    /** Writes {@link #jwks()} to that file (created or replaced) and returns the file, for a {@code file:} location. */
    public Path writeJwks(Path file) {
        try {
            return Files.writeString(file, jwks());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the JWKS to " + file, e);
        }
    }

    /**
     * A token for that subject, valid for 10 minutes from now, for {@link #audience()}, with {@code azp}
     * {@code test-client} and no scope; change it with the builder, then {@link TokenBuilder#sign()}.
     */
    public TokenBuilder token(String subject) {
        return new TokenBuilder(subject);
    }

    /**
     * The claims of a token this issuer's key signed (RS256) that has not expired, or empty for anything else (another
     * key, {@code alg: none}, expired, not a JWT). Doubles use it to check what they receive.
     */
    public Optional<JWTClaimsSet> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
                    || !jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expiry = claims.getExpirationTime();
            return expiry != null && expiry.after(new Date()) ? Optional.of(claims) : Optional.empty();
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }

    /** Signs any claims with this issuer's key (RS256, key id in the header); the token is recorded in TestSecrets. */
    public String sign(JWTClaimsSet claims) {
        return TestSecrets.record(sign(claims, key));
    }

    private static String sign(JWTClaimsSet claims, RSAKey with) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a test token", e);
        }
    }

    /** A token under construction; every method returns this builder. */
    public final class TokenBuilder {
        private final JWTClaimsSet.Builder claims;
        private boolean unknownKeySigns;

        private TokenBuilder(String subject) {
            Instant now = Instant.now();
            claims = new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(audience)
                    .claim("azp", "test-client").issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(Duration.ofMinutes(10)))).jwtID(UUID.randomUUID().toString());
        }

        /** The {@code scope} claim: these scopes, space-separated (RFC 9068 section 2.2.3). */
        public TokenBuilder scopes(String... scopes) {
            claims.claim("scope", String.join(" ", scopes));
            return this;
        }

        /** The {@code tenant} claim (the server reads it per {@code mcp.security.tenant-claim}, default tenant). */
        public TokenBuilder tenant(String tenant) {
            claims.claim("tenant", tenant);
            return this;
        }

        /** The {@code azp} claim: the OAuth client the token was issued to. */
        public TokenBuilder clientId(String clientId) {
            claims.claim("azp", clientId);
            return this;
        }

        /** The {@code aud} claim, instead of the issuer's default audience. */
        public TokenBuilder audience(String... audiences) {
            claims.audience(List.of(audiences));
            return this;
        }

        /** The {@code iss} claim, instead of the issuer's own. */
        public TokenBuilder issuer(String otherIssuer) {
            claims.issuer(otherIssuer);
            return this;
        }

        /** Valid from now for that long. */
        public TokenBuilder expiresIn(Duration lifetime) {
            Instant now = Instant.now();
            claims.issueTime(Date.from(now)).expirationTime(Date.from(now.plus(lifetime)));
            return this;
        }

        /** Expired that long ago (issued 10 minutes before it expired). */
        public TokenBuilder expiredSince(Duration ago) {
            Instant expiry = Instant.now().minus(ago);
            claims.issueTime(Date.from(expiry.minus(Duration.ofMinutes(10)))).expirationTime(Date.from(expiry));
            return this;
        }

        /** Any other claim (a JSON value: String, Number, Boolean, List or Map); null removes it. */
        public TokenBuilder claim(String name, Object value) {
            claims.claim(name, value);
            return this;
        }

        /**
         * Signed by another key with the same key id, which the server does not trust. Not recorded in TestSecrets: it
         * grants nothing (and Liberty writes the tokens it refuses to its FFDC and trace files, see README Known
         * limits).
         */
        public TokenBuilder signedByUnknownKey() {
            unknownKeySigns = true;
            return this;
        }

        /** The signed token (a compact JWS); recorded in TestSecrets when this issuer's own key signed it. */
        public String sign() {
            return unknownKeySigns ? TestTokenIssuer.sign(claims.build(), unknownKey)
                    : TestTokenIssuer.this.sign(claims.build());
        }

        /** The same claims with {@code alg: none} and an empty signature (RFC 7519 section 6), to test refusal. */
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
            throw new IllegalStateException("Cannot make an RSA key pair", e);
        }
    }
}
