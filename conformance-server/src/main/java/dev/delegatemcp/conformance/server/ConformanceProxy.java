package dev.delegatemcp.conformance.server;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
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

/**
 * The token-adding proxy of {@code bin/conformance-server}, as a program: makes an RSA key pair, writes its public half
 * as a JWKS file (which the conformance Liberty server trusts), and runs a {@link BearerTokenProxy} that signs a fresh
 * access token for every request (RS256; issuer, audience and subject as given; scopes {@code notes.read notes.write};
 * valid 5 minutes). The private key never leaves this process; a new one is made at every start. Runs until stopped.
 *
 * <pre>
 * java -cp ... dev.delegatemcp.conformance.server.ConformanceProxy --port 9190 --target http://localhost:9180 \
 *     --issuer https://conformance.test.local --audience http://localhost:9180/mcp-server/mcp --jwks-file jwks.json
 * </pre>
 */
public final class ConformanceProxy {

    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);

    private final RSAKey key;
    private final String issuer;
    private final String audience;
    private final String subject;

    ConformanceProxy(RSAKey key, String issuer, String audience, String subject) {
        this.key = key;
        this.issuer = issuer;
        this.audience = audience;
        this.subject = subject;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int port = Integer.parseInt(options.getOrDefault("port", "9190"));
        URI target = URI.create(options.getOrDefault("target", "http://localhost:9180"));
        String audience = options.getOrDefault("audience", target.resolve("/mcp-server/mcp").toString());
        String issuer = required(options, "issuer");
        Path jwksFile = Path.of(required(options, "jwks-file"));

        RSAKey key = new RSAKeyGenerator(2048).keyID("conformance-" + UUID.randomUUID()).generate();
        writeJwks(key, jwksFile);
        ConformanceProxy tokens = new ConformanceProxy(key, issuer, audience, options.getOrDefault("subject",
                "conformance"));
        BearerTokenProxy proxy = new BearerTokenProxy(port, target, tokens::sign);
        Runtime.getRuntime().addShutdownHook(new Thread(proxy::close));
        System.out.println("Token-adding proxy on " + proxy.url("") + " -> " + target + " (tokens for audience "
                + audience + ", issuer " + issuer + ", keys in " + jwksFile + ")");
    }

    /** A fresh access token, signed with this run's key. */
    String sign() {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(audience)
                .claim("azp", "conformance-suite").claim("scope", "notes.read notes.write")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(TOKEN_LIFETIME)))
                .jwtID(UUID.randomUUID().toString()).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }

    /** The public key as a JWKS, written whole (a temporary file moved into place), so no reader sees half of it. */
    static void writeJwks(RSAKey key, Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temporary = Files.createTempFile(absolute.getParent(), "jwks", ".tmp");
        Files.writeString(temporary, new JWKSet(key.toPublicJWK()).toString(), StandardCharsets.UTF_8);
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --name value pairs, got: " + String.join(" ", args));
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
