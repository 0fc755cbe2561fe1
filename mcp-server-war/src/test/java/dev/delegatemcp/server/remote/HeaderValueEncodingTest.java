package dev.delegatemcp.server.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HeaderValueEncodingTest {

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
