package dev.delegatemcp.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import dev.delegatemcp.api.DownstreamCredential;

import org.junit.jupiter.api.Test;

class DownstreamTargetTest {

    private static final String P = "mcp.downstream.calendar.";

    private static DownstreamTarget read(FakeConfig config) {
        return DownstreamTarget.fromConfig(config, "calendar");
    }

    private static IllegalArgumentException invalid(FakeConfig config) {
        return assertThrows(IllegalArgumentException.class, () -> read(config));
    }

    @Test
    void resourceAloneIsEnoughAndEverythingElseHasDefaults() {
        DownstreamTarget target = read(new FakeConfig().with(P + "resource", "https://calendar.example.com/"));
        assertEquals("calendar", target.name());
        assertEquals("https://calendar.example.com/", target.resource());
        assertEquals(List.of(), target.audiences());
        assertEquals(List.of(), target.defaultScopes());
        assertEquals(DownstreamCredential.Type.BEARER, target.credentialType());
        assertEquals("X-API-Key", target.apiKeyHeader());
        assertEquals("tenantId", target.tenantParameter());
        assertEquals(Map.of(), target.parameters());
    }

    @Test
    void audienceAloneIsEnoughAndIsACommaSeparatedTrimmedList() {
        DownstreamTarget target = read(new FakeConfig().with(P + "audience", " calendar-api , mail-api,,"));
        assertNull(target.resource());
        assertEquals(List.of("calendar-api", "mail-api"), target.audiences());
    }

    @Test
    void blankResourceCountsAsUnset() {
        DownstreamTarget target = read(new FakeConfig().with(P + "resource", "  ").with(P + "audience", "a"));
        assertNull(target.resource());
        assertEquals(List.of("a"), target.audiences());
    }

    @Test
    void resourceAndAudienceMayBothBeSet() {
        DownstreamTarget target = read(new FakeConfig().with(P + "resource", "conn-1").with(P + "audience", "a,b"));
        assertEquals("conn-1", target.resource());
        assertEquals(List.of("a", "b"), target.audiences());
    }

    @Test
    void scopesAreACommaSeparatedList() {
        DownstreamTarget target = read(new FakeConfig().with(P + "resource", "r")
                .with(P + "scopes", "calendar.read, calendar.write"));
        assertEquals(List.of("calendar.read", "calendar.write"), target.defaultScopes());
    }

    @Test
    void defaultScopesAreNotCopiedAgainForEveryCacheKey() {
        DownstreamTarget target = read(new FakeConfig().with(P + "resource", "r").with(P + "scopes", "calendar.read"));
        assertSame(target.defaultScopes(), List.copyOf(target.defaultScopes()));
    }

    @Test
    void credentialTypeBearerAndApiKeyAreRecognised() {
        assertEquals(DownstreamCredential.Type.BEARER,
                read(new FakeConfig().with(P + "resource", "r").with(P + "credential-type", "bearer"))
                        .credentialType());
        assertEquals(DownstreamCredential.Type.API_KEY,
                read(new FakeConfig().with(P + "resource", "r").with(P + "credential-type", "api-key"))
                        .credentialType());
        assertEquals(DownstreamCredential.Type.API_KEY,
                read(new FakeConfig().with(P + "resource", "r").with(P + "credential-type", " API-Key "))
                        .credentialType());
    }

    @Test
    void apiKeyHeaderDefaultsToXApiKeyAndCanBeSet() {
        FakeConfig config = new FakeConfig().with(P + "resource", "r").with(P + "credential-type", "api-key");
        assertEquals("X-API-Key", read(config).apiKeyHeader());
        assertEquals("X-Calendar-Key", read(config.with(P + "api-key-header", "X-Calendar-Key")).apiKeyHeader());
    }

    @Test
    void tenantParameterDefaultsToTenantIdAndCanBeSet() {
        FakeConfig config = new FakeConfig().with(P + "resource", "r");
        assertEquals("tenantId", read(config).tenantParameter());
        assertEquals("org", read(config.with(P + "tenant-parameter", "org")).tenantParameter());
    }

    @Test
    void parametersAreNameValuePairs() {
        DownstreamTarget target = read(new FakeConfig().with(P + "resource", "r").with(P + "parameters", "a=1,b=2"));
        assertEquals(Map.of("a", "1", "b", "2"), target.parameters());
    }

    @Test
    void parameterNamesAndValuesAreTrimmedAndValuesMayContainEquals() {
        DownstreamTarget target = read(new FakeConfig().with(P + "resource", "r")
                .with(P + "parameters", " a = 1 , b=x=y, c="));
        assertEquals(Map.of("a", "1", "b", "x=y", "c", ""), target.parameters());
    }

    @Test
    void keysOfOtherTargetsAreIgnored() {
        FakeConfig config = new FakeConfig().with("mcp.downstream.mail.resource", "mail")
                .with("mcp.downstream.mail.credential-type", "nonsense")
                .with("mcp.downstream.mail.parameters", "broken");
        IllegalArgumentException e = invalid(config);
        assertTrue(e.getMessage().contains(P + "resource"), e.getMessage());

        DownstreamTarget target = read(config.with(P + "resource", "r"));
        assertEquals("r", target.resource());
        assertEquals(DownstreamCredential.Type.BEARER, target.credentialType());
        assertEquals(Map.of(), target.parameters());
    }

    @Test
    void neitherResourceNorAudienceIsAnErrorNamingBothKeys() {
        IllegalArgumentException e = invalid(new FakeConfig().with(P + "scopes", "calendar.read"));
        assertTrue(e.getMessage().contains(P + "resource"), e.getMessage());
        assertTrue(e.getMessage().contains(P + "audience"), e.getMessage());
        assertTrue(e.getMessage().contains("'calendar'"), e.getMessage());
    }

    @Test
    void blankResourceAndNoAudienceIsAnError() {
        IllegalArgumentException e = invalid(new FakeConfig().with(P + "resource", " ").with(P + "audience", " , "));
        assertTrue(e.getMessage().contains(P + "resource"), e.getMessage());
    }

    @Test
    void unknownCredentialTypeIsAnErrorNamingTheKeyAndValue() {
        IllegalArgumentException e = invalid(new FakeConfig().with(P + "resource", "r")
                .with(P + "credential-type", "oauth"));
        assertTrue(e.getMessage().contains(P + "credential-type"), e.getMessage());
        assertTrue(e.getMessage().contains("oauth"), e.getMessage());
    }

    @Test
    void parameterWithoutEqualsIsAnErrorNamingTheKeyAndPair() {
        IllegalArgumentException e = invalid(new FakeConfig().with(P + "resource", "r")
                .with(P + "parameters", "a=1,novalue"));
        assertTrue(e.getMessage().contains(P + "parameters"), e.getMessage());
        assertTrue(e.getMessage().contains("novalue"), e.getMessage());
    }

    @Test
    void parameterWithoutNameIsAnErrorNamingTheKey() {
        IllegalArgumentException e = invalid(new FakeConfig().with(P + "resource", "r").with(P + "parameters", "=1"));
        assertTrue(e.getMessage().contains(P + "parameters"), e.getMessage());
    }

    @Test
    void theSourceIsTokenExchangeByDefault() {
        assertEquals(DownstreamTarget.Source.TOKEN_EXCHANGE,
                read(new FakeConfig().with(P + "resource", "r")).source());
    }

    @Test
    void anOutboundAppNeedsNoResourceAndItsAppIdDefaultsToTheName() {
        DownstreamTarget target = read(new FakeConfig().with(P + "source", "outbound-app"));
        assertEquals(DownstreamTarget.Source.OUTBOUND_APP, target.source());
        assertEquals("calendar", target.appId());
        assertTrue(target.connectUrl().isEmpty());
        assertTrue(target.mcpUrl().isEmpty());
    }

    @Test
    void appIdConnectUrlAndMcpUrlAreRead() {
        DownstreamTarget target = read(new FakeConfig().with(P + "source", "outbound-app")
                .with(P + "app-id", "google-calendar").with(P + "connect-url", "https://connect.example/{app}")
                .with(P + "mcp-url", "https://mcp.example/calendar"));
        assertEquals("google-calendar", target.appId());
        assertEquals("https://connect.example/{app}", target.connectUrl().orElseThrow());
        assertEquals("https://mcp.example/calendar", target.mcpUrl().orElseThrow().toString());
    }

    @Test
    void theConnectUrlFallsBackToTheGlobalOne() {
        DownstreamTarget target = read(new FakeConfig().with(P + "source", "outbound-app")
                .with("mcp.outbound.connect-url", "https://connect.example/{app}?level={level}"));
        assertEquals("https://connect.example/{app}?level={level}", target.connectUrl().orElseThrow());
    }

    @Test
    void anUnknownSourceIsAnErrorNamingTheKey() {
        IllegalArgumentException e = invalid(new FakeConfig().with(P + "source", "vault"));
        assertTrue(e.getMessage().contains(P + "source"), e.getMessage());
    }

    @Test
    void aRelativeOrNonHttpMcpUrlIsAnErrorNamingTheKey() {
        IllegalArgumentException e = invalid(new FakeConfig().with(P + "resource", "r").with(P + "mcp-url", "/mcp"));
        assertTrue(e.getMessage().contains(P + "mcp-url"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> read(new FakeConfig().with(P + "resource", "r").with(P + "mcp-url", "ftp://h/mcp")));
    }
}
