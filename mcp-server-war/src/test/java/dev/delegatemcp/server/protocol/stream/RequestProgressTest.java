package dev.delegatemcp.server.protocol.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class RequestProgressTest {

    private final ChannelFixture fixture = new ChannelFixture();

    private List<JsonObject> sent() {
        return fixture.client.notifications().stream().map(n -> {
            assertEquals("notifications/progress", n.getString("method"));
            return n.getJsonObject("params");
        }).toList();
    }

    @Test
    void withoutAProgressTokenNothingIsSentAndTheResponseStaysPlainJson() {
        RequestProgress progress = new RequestProgress(null, fixture.channel);
        assertFalse(progress.requested());
        progress.report(1);
        progress.report(2, 10);
        assertEquals(0, fixture.opened.get());
        assertEquals(null, fixture.channel.openedStream());
    }

    @Test
    void aStringTokenIsEchoedAsAString() {
        RequestProgress progress = new RequestProgress(Json.createValue("abc123"), fixture.channel);
        assertTrue(progress.requested());
        progress.report(50, 100.0, "Reticulating splines...");
        assertEquals(List.of(FakeConnection.json("""
                {"progressToken":"abc123","progress":50.0,"total":100.0,"message":"Reticulating splines..."}""")),
                sent());
    }

    @Test
    void anIntegerTokenIsEchoedAsANumber() {
        new RequestProgress(Json.createValue(7), fixture.channel).report(0.5);
        JsonObject params = sent().get(0);
        assertEquals(Json.createValue(7), params.get("progressToken"));
        assertEquals(0.5, params.getJsonNumber("progress").doubleValue());
        assertFalse(params.containsKey("total"));
        assertFalse(params.containsKey("message"));
    }

    @Test
    void progressMustIncreaseEvenWithoutATotal() {
        RequestProgress progress = new RequestProgress(Json.createValue("t"), fixture.channel);
        progress.report(1);
        assertThrows(IllegalArgumentException.class, () -> progress.report(1));
        assertThrows(IllegalArgumentException.class, () -> progress.report(0.5));
        progress.report(1.5);
        assertEquals(2, sent().size(), "the refused values were not sent");
    }

    @Test
    void progressAndTotalMustBeFiniteNumbers() {
        RequestProgress progress = new RequestProgress(Json.createValue("t"), fixture.channel);
        assertThrows(IllegalArgumentException.class, () -> progress.report(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> progress.report(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> progress.report(1, Double.NaN, null));
        assertEquals(List.of(), sent());
    }

    @Test
    void theValuesAreCheckedAlsoWhenNoTokenWasSentSoThatAMistakeShowsEarly() {
        RequestProgress progress = new RequestProgress(null, fixture.channel);
        progress.report(2);
        assertThrows(IllegalArgumentException.class, () -> progress.report(1));
    }
}
