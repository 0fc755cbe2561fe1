package dev.delegatemcp.samples.connections.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import dev.delegatemcp.samples.connections.vault.ConnectionLevel;
import dev.delegatemcp.wire.WireJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

class RemoteToolsTest {

    private static final ConnectionView SCHEDULER_READ_WRITE = new ConnectionView("scheduler", ConnectionLevel.USER,
            "alice", null, List.of("calendar.read", "calendar.write"));
    private static final ConnectionView SCHEDULER_READ_ONLY = new ConnectionView("scheduler", ConnectionLevel.USER,
            "alice", null, List.of("calendar.read"));
    private static final ConnectionView CRM = new ConnectionView("crm", ConnectionLevel.USER, "bob", "acme",
            List.of("crm.read"));
    private static final ConnectionView DOCS_TENANT = new ConnectionView("docs", ConnectionLevel.TENANT, null, "acme",
            List.of("docs.write"));

    @Test
    void findSlotAnswersAFreeHalfHourThatDay() {
        ToolOutcome outcome = new SchedulerToolbox().call("find_slot", Map.of("day", "2026-06-01"),
                SCHEDULER_READ_ONLY);

        assertFalse(outcome.isError());
        assertEquals("2026-06-01", outcome.data().getString("day"));
        assertTrue(outcome.data().getString("start").matches("(09|1[0-6]):00"));
        assertEquals(outcome.data().getString("start").substring(0, 3) + "30", outcome.data().getString("end"));
        assertEquals(outcome.data(), new SchedulerToolbox().call("find_slot", Map.of("day", "2026-06-01"),
                SCHEDULER_READ_ONLY).data(), "the same day, the same slot");
    }

    @Test
    void bookMeetingNeedsCalendarWrite() {
        SchedulerToolbox scheduler = new SchedulerToolbox();
        Map<String, String> meeting = Map.of("title", "Review", "day", "Monday");

        ToolOutcome refused = scheduler.call("book_meeting", meeting, SCHEDULER_READ_ONLY);
        ToolOutcome booked = scheduler.call("book_meeting", meeting, SCHEDULER_READ_WRITE);

        assertTrue(refused.isError());
        assertTrue(refused.errorText().contains("needs calendar.write"), refused.errorText());
        assertFalse(booked.isError());
        assertEquals("mtg-1", booked.data().getString("meetingId"));
        assertEquals("Review", booked.data().getString("title"));
        assertEquals("Monday", booked.data().getString("day"));
    }

    @Test
    void lookupCustomerAnswersAFixedRecordOrSaysItKnowsNone() {
        CrmToolbox crm = new CrmToolbox();

        ToolOutcome globex = crm.call("lookup_customer", Map.of("name", "Globex"), CRM);
        ToolOutcome unknown = crm.call("lookup_customer", Map.of("name", "Umbrella"), CRM);

        assertEquals("cus-002", globex.data().getString("id"));
        assertEquals("Globex", globex.data().getString("name"));
        assertTrue(unknown.isError());
        assertEquals("No customer named Umbrella.", unknown.errorText());
    }

    @Test
    void generateDocumentCountsTheWords() {
        ToolOutcome outcome = new DocsToolbox().call("generate_document",
                Map.of("title", "Q3 plan", "body", "  Ship the\nvault demo  today "), DOCS_TENANT);

        assertTrue(outcome.data().getString("documentId").matches("doc-[0-9a-f]{8}"));
        assertEquals("Q3 plan", outcome.data().getString("title"));
        assertEquals(5, outcome.data().getInt("words"));
    }

    @Test
    void anErrorResultHasTheSentenceAsTextAndTheConnectionInStructuredContent() {
        JsonObject result = WireJson.jsonb().fromJson(WireJson.toJson(
                RemoteMcpProtocol.toolResult(ToolOutcome.error("No customer named X."), DOCS_TENANT)),
                JsonObject.class);

        assertEquals(JsonValue.TRUE, result.get("isError"));
        assertEquals("No customer named X.", result.getJsonArray("content").getJsonObject(0).getString("text"));
        JsonObject connection = result.getJsonObject("structuredContent").getJsonObject("connection");
        assertEquals("tenant", connection.getString("level"));
        assertEquals(JsonValue.NULL, connection.get("user"));
        assertEquals("acme", connection.getString("tenant"));
        assertEquals("No customer named X.", result.getJsonObject("structuredContent").getString("error"));
        assertNull(ToolOutcome.error("x").data());
    }
}
