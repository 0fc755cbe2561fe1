package dev.delegatemcp.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.delegatemcp.api.DownstreamAudit;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuditLineTest {

    static final Instant TIME = Instant.parse("2025-03-01T09:00:00.123Z");

    static JsonObject parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    static DownstreamAudit full(DownstreamAudit.Outcome outcome) {
        return new DownstreamAudit(TIME, "alice", "acme", "claude-desktop", "mcp-server", "calendar", "TENANT",
                List.of("calendar.read", "calendar.write"), outcome, "access_denied", true, 42, null);
    }

    @Test
    void allFieldsArePresentWithTheDocumentedNames() {
        JsonObject json = parse(AuditLine.of(full(DownstreamAudit.Outcome.DENIED)));
        assertEquals(Set.of("type", "time", "user", "tenant", "mcp_client", "server_client_id", "target", "level",
                "scopes", "outcome", "sts_error", "cache_hit", "duration_ms"), json.keySet());
        assertEquals("downstream_credential", json.getString("type"));
        assertEquals("2025-03-01T09:00:00.123Z", json.getString("time"));
        assertEquals("alice", json.getString("user"));
        assertEquals("acme", json.getString("tenant"));
        assertEquals("claude-desktop", json.getString("mcp_client"));
        assertEquals("mcp-server", json.getString("server_client_id"));
        assertEquals("calendar", json.getString("target"));
        assertEquals("TENANT", json.getString("level"));
        assertEquals(Json.createArrayBuilder().add("calendar.read").add("calendar.write").build(),
                json.getJsonArray("scopes"));
        assertEquals("denied", json.getString("outcome"));
        assertEquals("access_denied", json.getString("sts_error"));
        assertEquals(JsonValue.TRUE, json.get("cache_hit"));
        assertEquals(42L, json.getJsonNumber("duration_ms").longValueExact());
    }

    @Test
    void aRecordedRequestsTraceIdIsItsLastFieldAndWithoutOneThereIsNone() {
        DownstreamAudit traced = new DownstreamAudit(TIME, "alice", null, null, null, "calendar", "USER", List.of(),
                DownstreamAudit.Outcome.GRANTED, null, true, 2, "4bf92f3577b34da6a3ce929d0e0e4736");
        String line = AuditLine.of(traced);
        assertTrue(line.endsWith(",\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}"), line);
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", parse(line).getString("trace_id"));
        assertFalse(parse(AuditLine.of(full(DownstreamAudit.Outcome.GRANTED))).containsKey("trace_id"));
    }

    @Test
    void nullsAreWrittenAsJsonNull() {
        DownstreamAudit audit = new DownstreamAudit(TIME, null, null, null, null, "calendar", "USER", List.of(),
                DownstreamAudit.Outcome.GRANTED, null, false, 0, null);
        JsonObject json = parse(AuditLine.of(audit));
        for (String name : List.of("user", "tenant", "mcp_client", "server_client_id", "sts_error")) {
            assertTrue(json.containsKey(name), name);
            assertEquals(JsonValue.NULL, json.get(name), name);
        }
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, json.getJsonArray("scopes"));
        assertEquals(JsonValue.FALSE, json.get("cache_hit"));
    }

    @ParameterizedTest
    @EnumSource(DownstreamAudit.Outcome.class)
    void outcomeIsWrittenInLowerCase(DownstreamAudit.Outcome outcome) {
        assertEquals(outcome.name().toLowerCase(), parse(AuditLine.of(full(outcome))).getString("outcome"));
    }

    @Test
    void recordIsOneLineEvenWhenValuesContainLineBreaks() {
        DownstreamAudit audit = new DownstreamAudit(TIME, "alice\nforged: line", "acme\r\n", null, "mcp-server",
                "calendar", "USER", List.of("a\nb"), DownstreamAudit.Outcome.ERROR, "server_error", false, 7, null);
        String line = AuditLine.of(audit);
        assertFalse(line.contains("\n"), line);
        assertFalse(line.contains("\r"), line);
        JsonObject json = parse(line);
        assertEquals("alice\nforged: line", json.getString("user"));
        assertEquals("a\nb", json.getJsonArray("scopes").getString(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-03-01T09:00:00Z", "2025-03-01T09:00:00.100Z", "2025-03-01T09:00:00.000100Z",
        "2025-03-01T09:00:00.000000001Z", "2025-03-01T09:00:59.999999999Z", "1970-01-01T00:00:00Z",
        "1969-12-31T23:59:59.5Z", "2024-02-29T23:59:59.010Z", "9999-12-31T23:59:59.123456Z"})
    void timeReadsAsInstantToString(String text) {
        Instant time = Instant.parse(text);
        StringBuilder line = new StringBuilder();
        AuditLine.appendTime(line, time);
        assertEquals(time.toString(), line.toString());
    }

    @Test
    void timesOfNeighbouringSecondsEachGetTheirOwnSecond() {
        Instant first = Instant.parse("2025-03-01T09:00:59.900Z");
        for (Instant time : List.of(first, first.plusMillis(200), first, first.plusSeconds(3600 * 24))) {
            StringBuilder line = new StringBuilder();
            AuditLine.appendTime(line, time);
            assertEquals(time.toString(), line.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "", "quote \" inside", "back\\slash", "tab\there", "bell\u0007", "nul\u0000",
        "unicode \u00e9\u4e2d\ud83d\ude00", "slash / and \u2028 separator", "\u001f\u007f"})
    void stringsAreEscapedExactlyAsJsonP(String value) {
        StringBuilder line = new StringBuilder();
        AuditLine.appendString(line, value);
        assertEquals(Json.createValue(value).toString(), line.toString());
        assertEquals(value, parse("{\"v\":" + line + "}").getString("v"));
    }

    @Test
    void appendingALineToWhatABatchHoldsAddsExactlyTheLineAlone() {
        DownstreamAudit audit = full(DownstreamAudit.Outcome.GRANTED);
        StringBuilder batch = new StringBuilder("{\"earlier\":1}\n");
        assertEquals("{\"earlier\":1}\n" + AuditLine.of(audit), AuditLine.appendTo(batch, audit).toString());
    }
}
