package dev.delegatemcp.conformance.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceProxyTest {

    @TempDir
    Path directory;

    @Test
    void tokensVerifyWithTheWrittenJwksAndCarryTheGivenIssuerAudienceAndSubject() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        Path jwksFile = directory.resolve("server/jwks.json");
        ConformanceProxy.writeJwks(key, jwksFile);
        JWKSet published = JWKSet.load(jwksFile.toFile());
        RSAKey publicKey = published.getKeyByKeyId("k1").toRSAKey();
        assertFalse(publicKey.isPrivate(), "only the public half is written");

        ConformanceProxy proxy =
                new ConformanceProxy(key, "https://issuer.example", "http://localhost:9180/mcp-server/mcp", "suite");
        String first = proxy.sign();
        SignedJWT jwt = SignedJWT.parse(first);
        assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
        assertEquals("k1", jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new RSASSAVerifier(publicKey)));
        assertEquals("https://issuer.example", jwt.getJWTClaimsSet().getIssuer());
        assertEquals(List.of("http://localhost:9180/mcp-server/mcp"), jwt.getJWTClaimsSet().getAudience());
        assertEquals("suite", jwt.getJWTClaimsSet().getSubject());
        assertEquals("notes.read notes.write", jwt.getJWTClaimsSet().getStringClaim("scope"));
        Instant expiry = jwt.getJWTClaimsSet().getExpirationTime().toInstant();
        assertTrue(expiry.isAfter(Instant.now().plus(Duration.ofMinutes(4))), expiry.toString());
        assertNotEquals(first, proxy.sign(), "a fresh token for every request");
    }

    @Test
    void writingTheJwksAgainReplacesTheFileWhole() throws Exception {
        Path jwksFile = directory.resolve("jwks.json");
        ConformanceProxy.writeJwks(new RSAKeyGenerator(2048).keyID("old").generate(), jwksFile);
        ConformanceProxy.writeJwks(new RSAKeyGenerator(2048).keyID("new").generate(), jwksFile);
        JWKSet published = JWKSet.load(jwksFile.toFile());
        assertEquals(1, published.getKeys().size());
        assertEquals("new", published.getKeys().get(0).getKeyID());
        try (var files = Files.list(directory)) {
            assertEquals(List.of(jwksFile), files.toList(), "no temporary file is left");
        }
    }
}
