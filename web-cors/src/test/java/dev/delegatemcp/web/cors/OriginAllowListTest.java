package dev.delegatemcp.web.cors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OriginAllowListTest {

    private final OriginAllowList policy = new OriginAllowList(
            List.of("http://localhost:*", " https://App.Example.com ", "http://[::1]:*"));

    @Test
    void requestWithoutOriginIsAllowed() {
        assertTrue(policy.allows(null));
        assertTrue(new OriginAllowList(List.of()).allows(null));
    }

    @Test
    void exactOriginIsAllowed() {
        assertTrue(policy.allows("https://app.example.com"));
    }

    @Test
    void exactOriginDoesNotAllowOtherPortsOrSchemes() {
        assertFalse(policy.allows("https://app.example.com:8443"));
        assertFalse(policy.allows("http://app.example.com"));
        assertFalse(policy.allows("https://app.example.com.evil.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:3000", "http://localhost:80", "http://localhost:65535",
        "http://localhost", "http://[::1]:6274"})
    void wildcardPortEntryAllowsAnyPortOfThatHost(String origin) {
        assertTrue(policy.allows(origin), origin);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost.evil.com", "http://localhost.evil.com:3000", "http://evil.com",
        "http://evil.com:3000", "https://localhost:3000", "http://localhost:3000.evil.com", "http://localhost:",
        "http://localhost:abc", "http://localhost:3000/path", "http://localhost:3000@evil.com",
        "http://127.0.0.1:3000", "null", ""})
    void wildcardPortEntryRejectsOtherHostsAndMalformedPorts(String origin) {
        assertFalse(policy.allows(origin), origin);
    }

    @Test
    void matchingIsCaseInsensitive() {
        assertTrue(policy.allows("HTTP://LOCALHOST:5173"));
        assertTrue(policy.allows("HTTPS://APP.EXAMPLE.COM"));
        assertTrue(new OriginAllowList(List.of("HTTP://LocalHost:*")).allows("http://localhost:1"));
    }

    @Test
    void emptyAllowListRejectsEveryOrigin() {
        assertFalse(new OriginAllowList(List.of()).allows("http://localhost:3000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:0", "http://localhost:65536", "http://localhost:99999",
        "http://localhost:08080"})
    void aPortNoBrowserWouldSendIsNotAllowed(String origin) {
        assertFalse(policy.allows(origin), origin);
    }
}
