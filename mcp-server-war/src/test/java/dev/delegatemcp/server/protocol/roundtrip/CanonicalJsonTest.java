package dev.delegatemcp.server.protocol.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private static String canonical(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return CanonicalJson.write(reader.readValue());
        }
    }

    @Test
    void objectMembersAreWrittenSortedByNameWithoutWhitespace() {
        assertEquals("{\"a\":1,\"b\":2,\"c\":3}", canonical("{ \"c\": 3, \"a\": 1, \"b\": 2 }"));
        assertEquals(canonical("{\"b\":2,\"a\":1}"), canonical("{\"a\":1,\"b\":2}"));
    }

    @Test
    void membersAreSortedByUtf16CodeUnitsSoUpperCaseComesFirst() {
        assertEquals("{\"B\":1,\"a\":2,\"é\":3}", canonical("{\"é\":3,\"a\":2,\"B\":1}"));
    }

    @Test
    void nestedObjectsInObjectsAndArraysAreSortedToo() {
        assertEquals("{\"outer\":{\"x\":[{\"m\":1,\"n\":2}],\"y\":true},\"z\":null}",
                canonical("{\"z\":null,\"outer\":{\"y\":true,\"x\":[{\"n\":2,\"m\":1}]}}"));
    }

    @Test
    void oneOnePointZeroAndOneEZeroAreTheSameNumber() {
        assertEquals("1", canonical("1"));
        assertEquals("1", canonical("1.0"));
        assertEquals("1", canonical("1e0"));
        assertEquals("1", canonical("10E-1"));
        assertEquals("100", canonical("1e2"));
        assertEquals("0.1", canonical("0.10"));
        assertEquals("0", canonical("-0.0"));
    }

    @Test
    void differentNumbersStayDifferent() {
        assertNotEquals(canonical("1"), canonical("2"));
        assertNotEquals(canonical("1"), canonical("-1"));
        assertNotEquals(canonical("12345678901234567890123"), canonical("12345678901234567890124"));
        assertNotEquals(canonical("0.1"), canonical("0.01"));
    }

    @Test
    void hugeExponentsAreWrittenShortAndStillByValue() {
        String huge = canonical("1e999999999");
        assertTrue(huge.length() < 20, huge);
        assertEquals(huge, canonical("10.0e999999998"));
        assertNotEquals(huge, canonical("2e999999999"));
        assertEquals(canonical("1.5e-2000"), canonical("15e-2001"));
        assertTrue(canonical("1.5e-2000").length() < 20);
    }

    @Test
    void stringsAreEscapedTheJsonWayAndOtherCharactersKeptAsThey() {
        assertEquals("\"q\\\"b\\\\n\\nt\\tr\\rb\\bf\\f\\u0001\\u001f\"",
                canonical("\"q\\\"b\\\\n\\nt\\tr\\rb\\bf\\f\\u0001\\u001F\""));
        assertEquals("\"é€😀/\"", canonical("\"\\u00e9\\u20AC\\ud83d\\ude00\\/\""));
        assertEquals(canonical("\"é\""), canonical("\"\\u00e9\""));
    }

    @Test
    void loneSurrogatesAreEscapedSoThatDifferentOnesStayDifferent() {
        assertEquals("\"\\ud800x\"", CanonicalJson.write(Json.createValue("\ud800x")));
        assertNotEquals(CanonicalJson.write(Json.createValue("\ud800")),
                CanonicalJson.write(Json.createValue("\ud801")));
    }

    @Test
    void arraysKeepTheirOrder() {
        assertEquals("[2,1,\"a\",false]", canonical("[2, 1.0, \"a\", false]"));
        assertNotEquals(canonical("[1,2]"), canonical("[2,1]"));
    }

    @Test
    void aJavaNullIsJsonNull() {
        assertEquals("null", CanonicalJson.write(null));
        assertEquals("null", CanonicalJson.write(JsonValue.NULL));
    }
}
