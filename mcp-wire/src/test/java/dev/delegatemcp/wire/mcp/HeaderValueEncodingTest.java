package dev.delegatemcp.wire.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class HeaderValueEncodingTest {

    @Test
    void aPlainValueStandsForItself() {
        assertEquals(Optional.of("us-west1"), HeaderValueEncoding.decode("us-west1"));
    }

    @Test
    void theBase64SentinelFormIsDecodedAsUtf8() {
        assertEquals(Optional.of("Hello, 世界"), HeaderValueEncoding.decode("=?base64?SGVsbG8sIOS4lueVjA==?="));
        assertEquals(Optional.of(" padded "), HeaderValueEncoding.decode("=?base64?IHBhZGRlZCA=?="));
    }

    @Test
    void aValueMissingEitherMarkerIsALiteral() {
        assertEquals(Optional.of("SGVsbG8="), HeaderValueEncoding.decode("SGVsbG8="));
        assertEquals(Optional.of("=?base64?SGVsbG8="), HeaderValueEncoding.decode("=?base64?SGVsbG8="));
        assertEquals(Optional.of("SGVsbG8=?="), HeaderValueEncoding.decode("SGVsbG8=?="));
    }

    @Test
    void theMarkersAreCaseSensitive() {
        assertEquals(Optional.of("=?BASE64?SGVsbG8=?="), HeaderValueEncoding.decode("=?BASE64?SGVsbG8=?="));
    }

    @Test
    void unpaddedBase64IsRefused() {
        assertEquals(Optional.empty(), HeaderValueEncoding.decode("=?base64?SGVsbG8?="));
    }

    @Test
    void base64WithCharactersOutsideTheAlphabetIsRefused() {
        assertEquals(Optional.empty(), HeaderValueEncoding.decode("=?base64?SGVs!!!bG8=?="));
    }

    @Test
    void base64OfBytesThatAreNotUtf8IsRefused() {
        assertEquals(Optional.empty(), HeaderValueEncoding.decode("=?base64?/w==?="));
    }

    @Test
    void fieldValuesAreVisibleAsciiSpaceAndTab() {
        assertTrue(HeaderValueEncoding.isFieldValue("a b\t~!"));
        assertTrue(HeaderValueEncoding.isFieldValue(""));
        assertFalse(HeaderValueEncoding.isFieldValue("Région"));
        assertFalse(HeaderValueEncoding.isFieldValue("a\nb"));
        assertFalse(HeaderValueEncoding.isFieldValue("a\u007Fb"));
    }

    @Test
    void plainAsciiNamesAndUrisAreSentAsTheyAre() {
        assertEquals("get_weather", HeaderValueEncoding.encode("get_weather"));
        assertEquals("file:///projects/my app/config.json",
                HeaderValueEncoding.encode("file:///projects/my app/config.json"));
    }

    @Test
    void nonAsciiTextIsBase64OfItsUtf8InTheSentinel() {
        assertEquals("=?base64?bcOpdMOpbw==?=", HeaderValueEncoding.encode("météo"));
        assertEquals("=?base64?5aSp5rCX?=", HeaderValueEncoding.encode("天気"));
    }

    @Test
    void leadingOrTrailingSpaceAndControlCharactersAreEncoded() {
        assertEquals("=?base64?IHBhZGRlZA==?=", HeaderValueEncoding.encode(" padded"));
        assertEquals("=?base64?dGFiCWhlcmU=?=", HeaderValueEncoding.encode("tab\there"));
    }

    @Test
    void aPlainValueThatLooksLikeTheSentinelIsEncodedToo() {
        assertEquals("=?base64?PT9iYXNlNjQ/ZWNobz89?=", HeaderValueEncoding.encode("=?base64?echo?="));
    }
}
