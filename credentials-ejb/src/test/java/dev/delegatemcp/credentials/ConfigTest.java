package dev.delegatemcp.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

class ConfigTest {

    private static final List<Class<?>> AREAS = List.of(StsConfig.class, TokenVaultConfig.class,
            CredentialCacheConfig.class, AuditConfig.class);

    @Test
    void stsDefaultsAreTheDemoKeycloakWithTwoAndFiveSecondTimeLimitsAndNoSecret() {
        StsConfig sts = ConfigPropertiesBinder.defaults(StsConfig.class);
        assertEquals(URI.create("http://localhost:8180/realms/mcp-demo/protocol/openid-connect/token"),
                sts.tokenEndpoint());
        assertEquals("mcp-server", sts.clientId());
        assertEquals("", sts.clientSecret());
        assertEquals(Duration.ofSeconds(2), sts.connectTimeout());
        assertEquals(Duration.ofSeconds(5), sts.readTimeout());
    }

    @Test
    void stsTimeLimitsAreIsoDurationsAndTheSecretIsTrimmed() {
        StsConfig sts = ConfigPropertiesBinder.bind(StsConfig.class, Map.of("mcp.sts.connect-timeout", "PT1S",
                "mcp.sts.read-timeout", "PT0.5S", "mcp.sts.client-secret", " s3cr3t "));
        assertEquals(Duration.ofSeconds(1), sts.connectTimeout());
        assertEquals(Duration.ofMillis(500), sts.readTimeout());
        assertEquals("s3cr3t", sts.clientSecret());
    }

    @Test
    void aMalformedValueIsRefusedNamingItsKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigPropertiesBinder.bind(StsConfig.class, Map.of("mcp.sts.connect-timeout", "2000")));
        assertTrue(e.getMessage().contains("mcp.sts.connect-timeout"), e.getMessage());
    }

    @Test
    void toStringNeverShowsTheSecretOrTheManagementKey() {
        StsConfig sts = ConfigPropertiesBinder.bind(StsConfig.class, Map.of("mcp.sts.client-secret", "s3cr3t"));
        TokenVaultConfig vault = ConfigPropertiesBinder.bind(TokenVaultConfig.class,
                Map.of("mcp.outbound.management-key", "k3y"));
        assertFalse(sts.toString().contains("s3cr3t"), sts.toString());
        assertFalse(vault.toString().contains("k3y"), vault.toString());
    }

    @Test
    void vaultDefaultsAreDescopeWithAnAccessTokenForOutboundTokenFetch() {
        TokenVaultConfig vault = ConfigPropertiesBinder.defaults(TokenVaultConfig.class);
        assertEquals(URI.create("https://api.descope.com"), vault.baseUrl());
        assertEquals(TokenVaultConfig.Auth.ACCESS_TOKEN, vault.auth());
        assertEquals(List.of("outbound.token.fetch"), vault.accessTokenScopes());
        assertEquals("", vault.projectId());
        assertEquals("", vault.managementKey());
        assertEquals(Duration.ofSeconds(2), vault.connectTimeout());
        assertEquals(Duration.ofSeconds(5), vault.readTimeout());
    }

    @Test
    void theVaultAuthModeIsAccessTokenOrManagementKeyAndAnythingElseIsASetupError() {
        assertEquals(TokenVaultConfig.Auth.ACCESS_TOKEN, ConfigPropertiesBinder.bind(TokenVaultConfig.class,
                Map.of("mcp.outbound.auth", " Access-Token ")).auth());
        assertEquals(TokenVaultConfig.Auth.MANAGEMENT_KEY, ConfigPropertiesBinder.bind(TokenVaultConfig.class,
                Map.of("mcp.outbound.auth", "management-key")).auth());
        TokenVaultConfig typo = ConfigPropertiesBinder.bind(TokenVaultConfig.class,
                Map.of("mcp.outbound.auth", "managment-key"));
        CredentialException e = assertThrows(CredentialException.class, typo::auth);
        assertEquals(CredentialException.Reason.CLIENT_UNAUTHORIZED, e.reason());
        assertTrue(e.getMessage().contains("mcp.outbound.auth"));
    }

    @Test
    void cacheDefaultsAreTenThousandEntriesAHundredPerUserAndIsoDurations() {
        CredentialCacheConfig cache = ConfigPropertiesBinder.defaults(CredentialCacheConfig.class);
        assertEquals(10_000, cache.maxEntries());
        assertEquals(100, cache.maxEntriesPerSubject());
        assertEquals(Duration.ofSeconds(30), cache.expirySkew());
        assertEquals(Duration.ofSeconds(60), cache.defaultLifetime());
    }

    @Test
    void auditDefaultsToTheServerLogWithRotationLimitsAndATenthOfASecond() {
        AuditConfig audit = ConfigPropertiesBinder.defaults(AuditConfig.class);
        assertEquals(Optional.empty(), audit.file());
        assertEquals(20_000_000, audit.fileLimit());
        assertEquals(5, audit.fileCount());
        assertEquals(Duration.ofMillis(100), audit.writeInterval());
    }

    @Test
    void aBlankAuditFileMeansTheServerLog() {
        assertEquals(Optional.empty(), ConfigPropertiesBinder.bind(AuditConfig.class, Map.of("mcp.audit.file", " "))
                .file());
        assertEquals(Optional.of("/var/log/a%g.log"), ConfigPropertiesBinder.bind(AuditConfig.class,
                Map.of("mcp.audit.file", " /var/log/a%g.log ")).file());
    }

    @Test
    void everyKeyIsDeclaredOnceAcrossTheAreasAndNoneUsesMillisecondUnits() {
        Set<String> keys = new HashSet<>();
        for (Class<?> area : AREAS) {
            for (Field field : area.getDeclaredFields()) {
                ConfigProperty property = field.getAnnotation(ConfigProperty.class);
                if (property != null) {
                    String key = property.name();
                    assertTrue(keys.add(key), key + " is declared twice");
                    assertFalse(key.endsWith("-ms"), key + ": durations are ISO-8601 Durations");
                    assertFalse(" ".equals(property.defaultValue()), key + ": unset is Optional, not \" \"");
                }
            }
        }
        assertFalse(keys.contains(TokenVaultConfig.CONNECT_URL), "read per target by DownstreamTarget");
    }
}
