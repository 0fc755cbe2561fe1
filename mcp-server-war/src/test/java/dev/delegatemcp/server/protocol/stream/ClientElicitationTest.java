package dev.delegatemcp.server.protocol.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import dev.delegatemcp.api.interaction.ClientInteractionException;
import dev.delegatemcp.api.interaction.ElicitationResult;
import dev.delegatemcp.api.interaction.ElicitationSchema;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientElicitationTest {

    private static final ElicitationSchema FORM = ElicitationSchema.of(ElicitationSchema.text("name", "Name"),
            ElicitationSchema.number("guests", "Guests").integer().range(1, 10).optional());

    private final ChannelFixture fixture = new ChannelFixture();

    private ClientElicitation elicitation(boolean form, boolean url) {
        return new ClientElicitation(form, url, fixture.channel, fixture.cancellation);
    }

    private ElicitationResult form(String result) {
        fixture.client.result(result);
        return elicitation(true, false).form("Who comes?", FORM);
    }

    private ClientInteractionException refusedForm(String result) {
        fixture.client.result(result);
        ClientInteractionException e = assertThrows(ClientInteractionException.class,
                () -> elicitation(true, false).form("Who comes?", FORM));
        assertEquals(ClientInteractionException.Reason.REFUSED, e.reason());
        return e;
    }

    @Test
    void theModesFollowTheDeclaredCapabilities() {
        assertTrue(elicitation(true, false).formSupported());
        assertFalse(elicitation(true, false).urlSupported());
        assertTrue(elicitation(false, true).urlSupported());
        assertFalse(elicitation(false, true).formSupported());
    }

    @Test
    void aClientWithoutFormElicitationGetsNoFormAndTheToolASentence() {
        ClientInteractionException e = assertThrows(ClientInteractionException.class,
                () -> elicitation(false, true).form("Who comes?", FORM));
        assertEquals(ClientInteractionException.Reason.NOT_SUPPORTED, e.reason());
        assertTrue(e.getMessage().contains("form elicitation"), e.getMessage());
        assertEquals(0, fixture.opened.get(), "nothing was sent");
    }

    @Test
    void aClientWithoutUrlElicitationIsSentNoUrl() {
        ClientInteractionException e = assertThrows(ClientInteractionException.class,
                () -> elicitation(true, false).url("Connect", "https://example.com/connect"));
        assertEquals(ClientInteractionException.Reason.NOT_SUPPORTED, e.reason());
        assertTrue(e.getMessage().contains("URL elicitation"), e.getMessage());
        assertEquals(0, fixture.opened.get());
    }

    @Test
    void aFormIsSentInFormModeWithItsMessageAndRequestedSchema() {
        form("{\"action\":\"cancel\"}");
        JsonObject request = fixture.client.request();
        assertEquals("elicitation/create", request.getString("method"));
        JsonObject params = request.getJsonObject("params");
        assertEquals("form", params.getString("mode"));
        assertEquals("Who comes?", params.getString("message"));
        assertEquals(ElicitationForms.requestedSchema(FORM), params.getJsonObject("requestedSchema"));
        assertEquals(3, params.size());
    }

    @Test
    void anAcceptedFormGivesTheCheckedValues() {
        ElicitationResult result = form("{\"action\":\"accept\",\"content\":{\"name\":\"Ann\",\"guests\":4}}");
        assertTrue(result.accepted());
        assertEquals(Map.of("name", "Ann", "guests", 4L), result.content());
        assertNull(result.elicitationId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"decline", "cancel"})
    void aDeclinedOrCancelledFormGivesNoValuesEvenWhenTheClientSentSome(String action) {
        ElicitationResult result = form("{\"action\":\"" + action + "\",\"content\":{\"name\":\"Ann\"}}");
        assertEquals(ElicitationResult.Action.valueOf(action.toUpperCase(java.util.Locale.ROOT)), result.action());
        assertEquals(Map.of(), result.content());
    }

    @Test
    void anAcceptedAnswerThatDoesNotFitTheFormIsRefusedNamingEveryProblem() {
        ClientInteractionException e = refusedForm("{\"action\":\"accept\",\"content\":{\"guests\":40}}");
        assertEquals("The answers to the form do not fit it: name: is required; guests: is out of range.",
                e.getMessage());
    }

    @Test
    void anAcceptWithoutContentIsCheckedAsAnEmptyAnswer() {
        ClientInteractionException e = refusedForm("{\"action\":\"accept\"}");
        assertEquals("The answers to the form do not fit it: name: is required.", e.getMessage());
        e = refusedForm("{\"action\":\"accept\",\"content\":[1]}");
        assertEquals("The answers to the form do not fit it: name: is required.", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"action\":\"ACCEPT\"}", "{\"action\":\"ok\"}", "{\"action\":true}"})
    void anAnswerWithoutAKnownActionIsUnreadable(String result) {
        assertEquals("The client answered the form request with something the server cannot read.",
                refusedForm(result).getMessage());
    }

    @Test
    void anErrorAnswerIsTheClientTurningTheFormDown() {
        fixture.client.error(-32602, "form mode not supported");
        ClientInteractionException e = assertThrows(ClientInteractionException.class,
                () -> elicitation(true, false).form("Who comes?", FORM));
        assertEquals(ClientInteractionException.Reason.REFUSED, e.reason());
        assertEquals("The client turned down the form request.", e.getMessage());
    }

    @Test
    void aUrlIsSentInUrlModeWithAFreshElicitationIdThatTheResultCarries() {
        fixture.client.result("{\"action\":\"accept\"}");
        ElicitationResult first = elicitation(false, true).url("Connect your calendar",
                "https://example.com/connect");
        ElicitationResult second = elicitation(false, true).url("Again", "https://example.com/connect");
        List<JsonObject> requests = fixture.client.requests();
        JsonObject params = requests.get(0).getJsonObject("params");
        assertEquals("elicitation/create", requests.get(0).getString("method"));
        assertEquals("url", params.getString("mode"));
        assertEquals("https://example.com/connect", params.getString("url"));
        assertEquals("Connect your calendar", params.getString("message"));
        assertEquals(first.elicitationId(), params.getString("elicitationId"));
        assertEquals(4, params.size());
        assertTrue(first.accepted());
        assertEquals(Map.of(), first.content());
        assertFalse(first.elicitationId().equals(second.elicitationId()), "unique per elicitation");
    }

    @Test
    void aDeclinedUrlIsReportedWithItsId() {
        fixture.client.result("{\"action\":\"decline\"}");
        ElicitationResult result = elicitation(false, true).url("Connect", "https://example.com/connect");
        assertEquals(ElicitationResult.Action.DECLINE, result.action());
        assertEquals(fixture.client.request().getJsonObject("params").getString("elicitationId"),
                result.elicitationId());
    }

    @Test
    void completingAUrlElicitationNotifiesTheClientOnTheRequestsStream() {
        elicitation(false, true).complete("e-1");
        JsonObject notification = fixture.client.notifications().get(0);
        assertEquals("notifications/elicitation/complete", notification.getString("method"));
        assertEquals(FakeConnection.json("{\"elicitationId\":\"e-1\"}"), notification.getJsonObject("params"));
    }
}
