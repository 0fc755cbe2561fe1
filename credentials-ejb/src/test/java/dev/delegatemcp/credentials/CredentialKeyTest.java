package dev.delegatemcp.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.List;

import org.junit.jupiter.api.Test;

class CredentialKeyTest {

    private static final String RAW_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";

    @Test
    void sameInputsGiveEqualKeys() {
        CredentialKey a = CredentialKey.of(RAW_TOKEN, "calendar", List.of("calendar.read"), "TENANT", "acme");
        CredentialKey b = CredentialKey.of(RAW_TOKEN, "calendar", List.of("calendar.read"), "TENANT", "acme");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
    }

    @Test
    void scopeOrderAndDuplicatesDoNotMatter() {
        CredentialKey a = CredentialKey.of(RAW_TOKEN, "calendar", List.of("write", "read", "write"), "USER", null);
        CredentialKey b = CredentialKey.of(RAW_TOKEN, "calendar", List.of("read", "write"), "USER", null);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(List.of("read", "write"), a.scopes());
    }

    @Test
    void differentSubjectTokensGiveDifferentKeys() {
        assertNotEquals(CredentialKey.of(RAW_TOKEN, "calendar", List.of(), "USER", null),
                CredentialKey.of(RAW_TOKEN + "x", "calendar", List.of(), "USER", null));
    }

    @Test
    void differentTargetScopesLevelOrTenantGiveDifferentKeys() {
        CredentialKey base = CredentialKey.of(RAW_TOKEN, "calendar", List.of("read"), "TENANT", "acme");
        assertNotEquals(base, CredentialKey.of(RAW_TOKEN, "mail", List.of("read"), "TENANT", "acme"));
        assertNotEquals(base, CredentialKey.of(RAW_TOKEN, "calendar", List.of("read", "write"), "TENANT", "acme"));
        assertNotEquals(base, CredentialKey.of(RAW_TOKEN, "calendar", List.of("read"), "USER", "acme"));
        assertNotEquals(base, CredentialKey.of(RAW_TOKEN, "calendar", List.of("read"), "TENANT", "globex"));
        assertNotEquals(base, CredentialKey.of(RAW_TOKEN, "calendar", List.of("read"), "TENANT", null));
    }

    @Test
    void subjectTokenIsKeptOnlyAsA64HexDigest() {
        CredentialKey key = CredentialKey.of(RAW_TOKEN, "calendar", List.of("read"), "USER", "acme");
        assertTrue(key.subjectTokenDigest().matches("[0-9a-f]{64}"), key.subjectTokenDigest());
        assertFalse(key.toString().contains(RAW_TOKEN), key.toString());
        assertFalse(key.toString().contains("eyJ"), key.toString());
        assertTrue(key.toString().contains(key.subjectTokenDigest()), key.toString());
    }

    @Test
    void noComponentHoldsTheRawToken() throws Exception {
        CredentialKey key = CredentialKey.of(RAW_TOKEN, "calendar", List.of("read"), "USER", "acme");
        for (RecordComponent component : CredentialKey.class.getRecordComponents()) {
            Object value = component.getAccessor().invoke(key);
            assertFalse(String.valueOf(value).contains(RAW_TOKEN), component.getName());
        }
    }

    @Test
    void digestIsTheSha256OfTheToken() {
        // FIPS 180-2 test vector for "abc".
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                CredentialKey.of("abc", "calendar", List.of(), "USER", null).subjectTokenDigest());
    }

    @Test
    void aKeyMadeFromTheTokensDigestEqualsTheKeyMadeFromTheToken() {
        assertEquals(CredentialKey.of(RAW_TOKEN, "calendar", List.of("b", "a"), "USER", null),
                CredentialKey.ofDigest(CredentialKey.digestOf(RAW_TOKEN), "calendar", List.of("a", "b"), "USER", null));
    }
}
