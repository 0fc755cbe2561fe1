package dev.delegatemcp.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestTokenIssuerTest {

    private static final TestHttpServer SERVER = TestHttpServer.start(0);
    private static final TestTokenIssuer ISSUER =
            TestTokenIssuer.create("https://issuer.test.local", "http://localhost:9080/mcp/mcp").serveJwks(SERVER);

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    @Test
    void aTokenVerifiesWithTheServedJwksAndCarriesTheChosenClaims() throws Exception {
        String token = ISSUER.token("alice").scopes("notes.read", "notes.write").tenant("acme").clientId("agent")
                .expiresIn(Duration.ofMinutes(2)).sign();
        String jwks = HttpClient.newHttpClient().send(HttpRequest.newBuilder(ISSUER.jwksUri()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        RSAKey key = (RSAKey) JWKSet.parse(jwks).getKeys().get(0);
        SignedJWT jwt = SignedJWT.parse(token);
        assertTrue(jwt.verify(new RSASSAVerifier(key)));
        assertFalse(JWKSet.parse(jwks).getKeys().get(0).isPrivate(), "only the public half is served");
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals("https://issuer.test.local", claims.getIssuer());
        assertEquals("alice", claims.getSubject());
        assertEquals(List.of("http://localhost:9080/mcp/mcp"), claims.getAudience());
        assertEquals("notes.read notes.write", claims.getStringClaim("scope"));
        assertEquals("acme", claims.getStringClaim("tenant"));
        assertEquals("agent", claims.getStringClaim("azp"));
        long lifetime = claims.getExpirationTime().getTime() - claims.getIssueTime().getTime();
        assertEquals(120_000, lifetime, 1000);
        assertTrue(TestSecrets.all().contains(token), "signed tokens are recorded as secrets");
    }

    @Test
    void verifyRefusesExpiredForeignAndUnsignedTokens() {
        assertTrue(ISSUER.verify(ISSUER.token("alice").sign()).isPresent());
        assertTrue(ISSUER.verify(ISSUER.token("alice").expiredSince(Duration.ofSeconds(5)).sign()).isEmpty());
        assertTrue(ISSUER.verify(ISSUER.token("alice").signedByUnknownKey().sign()).isEmpty());
        assertTrue(ISSUER.verify(ISSUER.token("alice").unsigned()).isEmpty());
        assertTrue(ISSUER.verify("not a token").isEmpty());
    }

    @Test
    void onlyTokensThatWouldGrantAccessAreRecordedAsSecrets() {
        String expired = ISSUER.token("erin").expiredSince(Duration.ofSeconds(1)).sign();
        String foreign = ISSUER.token("erin").signedByUnknownKey().sign();
        String unsigned = ISSUER.token("erin").unsigned();
        assertTrue(TestSecrets.all().contains(expired));
        assertFalse(TestSecrets.all().contains(foreign));
        assertFalse(TestSecrets.all().contains(unsigned));
    }

    @Test
    void eachIssuerHasAKeyIdOfItsOwn() throws Exception {
        TestTokenIssuer other = TestTokenIssuer.create("https://issuer.test.local", "mcp");
        assertFalse(JWKSet.parse(ISSUER.jwks()).getKeys().get(0).getKeyID()
                .equals(JWKSet.parse(other.jwks()).getKeys().get(0).getKeyID()));
    }

    @Test
    void theJwksCanBeWrittenToAFileForAFileLocation(@TempDir Path directory) throws Exception {
        Path file = ISSUER.writeJwks(directory.resolve("jwks.json"));
        RSAKey key = (RSAKey) JWKSet.parse(Files.readString(file)).getKeys().get(0);
        assertTrue(SignedJWT.parse(ISSUER.token("bob").sign()).verify(new RSASSAVerifier(key)));
    }
}
