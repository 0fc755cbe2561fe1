package dev.delegatemcp.server.protocol.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import dev.delegatemcp.api.Content;
import dev.delegatemcp.api.interaction.ClientInteractionException;
import dev.delegatemcp.api.interaction.SamplingRequest;
import dev.delegatemcp.api.interaction.SamplingResult;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientSamplingTest {

    private final ChannelFixture fixture = new ChannelFixture();

    private ClientSampling sampling() {
        return new ClientSampling(true, fixture.channel, fixture.cancellation);
    }

    private SamplingResult answered(String result) {
        fixture.client.result(result);
        return sampling().createMessage(SamplingRequest.of("Hi", 10));
    }

    private ClientInteractionException refused(String result) {
        fixture.client.result(result);
        ClientInteractionException e = assertThrows(ClientInteractionException.class,
                () -> sampling().createMessage(SamplingRequest.of("Hi", 10)));
        assertEquals(ClientInteractionException.Reason.REFUSED, e.reason());
        return e;
    }

    @Test
    void aClientWithoutTheSamplingCapabilityIsNotAskedAndTheToolGetsASentence() {
        ClientSampling unsupported = new ClientSampling(false, fixture.channel, fixture.cancellation);
        assertFalse(unsupported.supported());
        ClientInteractionException e = assertThrows(ClientInteractionException.class,
                () -> unsupported.createMessage(SamplingRequest.of("Hi", 10)));
        assertEquals(ClientInteractionException.Reason.NOT_SUPPORTED, e.reason());
        assertTrue(e.getMessage().contains("sampling capability"), e.getMessage());
        assertEquals(0, fixture.opened.get(), "nothing was sent");
    }

    @Test
    void theRequestCarriesTheConversationWithRolesAndContentAndTheOptions() {
        fixture.client.result("{\"role\":\"assistant\",\"content\":{\"type\":\"text\",\"text\":\"ok\"},"
                + "\"model\":\"m\"}");
        SamplingRequest request = new SamplingRequest(
                List.of(SamplingRequest.Message.user(Content.text("What is on this picture?")),
                        SamplingRequest.Message.user(new Content.Image("aW1n", "image/png")),
                        SamplingRequest.Message.assistant(Content.text("A cat.")),
                        SamplingRequest.Message.user(new Content.Audio("YXVk", "audio/wav"))),
                "Be brief.", 100, 0.5, List.of("STOP"), List.of("claude-3-5-sonnet", "claude"));
        sampling().createMessage(request);
        JsonObject sent = fixture.client.request();
        assertEquals("sampling/createMessage", sent.getString("method"));
        JsonObject params = sent.getJsonObject("params");
        assertEquals(FakeConnection.json("""
                {"messages":[
                  {"role":"user","content":{"type":"text","text":"What is on this picture?"}},
                  {"role":"user","content":{"type":"image","data":"aW1n","mimeType":"image/png"}},
                  {"role":"assistant","content":{"type":"text","text":"A cat."}},
                  {"role":"user","content":{"type":"audio","data":"YXVk","mimeType":"audio/wav"}}],
                 "modelPreferences":{"hints":[{"name":"claude-3-5-sonnet"},{"name":"claude"}]},
                 "systemPrompt":"Be brief.","temperature":0.5,"maxTokens":100,"stopSequences":["STOP"]}"""),
                params);
    }

    @Test
    void optionsLeftOutAreNotSent() {
        fixture.client.result("{\"role\":\"assistant\",\"content\":{\"type\":\"text\",\"text\":\"ok\"}}");
        sampling().createMessage(SamplingRequest.of("Hi", 10));
        assertEquals(FakeConnection.json("""
                {"messages":[{"role":"user","content":{"type":"text","text":"Hi"}}],"maxTokens":10}"""),
                fixture.client.request().getJsonObject("params"));
    }

    @Test
    void aTextAnswerIsReadWithItsModelAndStopReason() {
        SamplingResult result = answered("{\"role\":\"assistant\",\"content\":{\"type\":\"text\",\"text\":\"4\"},"
                + "\"model\":\"claude-3\",\"stopReason\":\"endTurn\"}");
        assertEquals(new SamplingResult(SamplingRequest.Role.ASSISTANT, new Content.Text("4"), "claude-3",
                "endTurn"), result);
        assertEquals("4", result.text().orElseThrow());
    }

    @Test
    void imageAndAudioAnswersAreRead() {
        assertEquals(new Content.Image("aW1n", "image/png"), answered(
                "{\"role\":\"assistant\",\"content\":{\"type\":\"image\",\"data\":\"aW1n\",\"mimeType\":\"image/png\"},"
                        + "\"model\":\"m\"}")
                .content());
        assertEquals(new Content.Audio("YXVk", "audio/wav"), answered(
                "{\"role\":\"user\",\"content\":{\"type\":\"audio\",\"data\":\"YXVk\",\"mimeType\":\"audio/wav\"},"
                        + "\"model\":\"m\"}")
                .content());
    }

    @Test
    void aUserRoleIsReadAndModelAndStopReasonMayBeMissing() {
        SamplingResult result = answered("{\"role\":\"user\",\"content\":{\"type\":\"text\",\"text\":\"x\"}}");
        assertEquals(SamplingRequest.Role.USER, result.role());
        assertNull(result.model());
        assertNull(result.stopReason());
    }

    @Test
    void anAnswerWhoseContentIsAListOfOneBlockIsRead() {
        SamplingResult result = answered("{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"4\"}],"
                + "\"model\":\"m\"}");
        assertEquals(new Content.Text("4"), result.content());
    }

    @Test
    void anAnswerOfSeveralTextBlocksIsTheirTextsAndOfMixedBlocksItsFirstReadableOne() {
        assertEquals(new Content.Text("a\n\nb"), answered("{\"role\":\"assistant\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"text\",\"text\":\"b\"}],\"model\":\"m\"}").content());
        assertEquals(new Content.Image("aW1n", "image/png"), answered("{\"role\":\"assistant\",\"content\":["
                + "{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"n\",\"input\":{}},"
                + "{\"type\":\"image\",\"data\":\"aW1n\",\"mimeType\":\"image/png\"},"
                + "{\"type\":\"text\",\"text\":\"x\"}]}").content());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"content\":{\"type\":\"text\",\"text\":\"x\"}}",
        "{\"role\":\"system\",\"content\":{\"type\":\"text\",\"text\":\"x\"}}",
        "{\"role\":1,\"content\":{\"type\":\"text\",\"text\":\"x\"}}", "{\"role\":\"assistant\"}",
        "{\"role\":\"assistant\",\"content\":\"x\"}", "{\"role\":\"assistant\",\"content\":{\"text\":\"x\"}}",
        "{\"role\":\"assistant\",\"content\":{\"type\":\"video\",\"data\":\"x\"}}",
        "{\"role\":\"assistant\",\"content\":{\"type\":\"text\",\"text\":5}}",
        "{\"role\":\"assistant\",\"content\":{\"type\":\"text\"}}",
        "{\"role\":\"assistant\",\"content\":{\"type\":\"image\",\"data\":\"aW1n\"}}",
        "{\"role\":\"assistant\",\"content\":{\"type\":\"audio\",\"mimeType\":\"audio/wav\"}}",
        "{\"role\":\"assistant\",\"content\":[]}",
        "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"n\",\"input\":{}}]}",
        "[]", "\"text\"", "null"})
    void anAnswerThatIsNoSamplingResultIsRefusedWithASentence(String result) {
        ClientInteractionException e = refused(result);
        assertEquals("The client answered the sampling request with something the server cannot read.",
                e.getMessage());
    }

    @Test
    void anErrorAnswerIsTheClientTurningTheRequestDown() {
        fixture.client.error(-1, "User rejected sampling request");
        ClientInteractionException e = assertThrows(ClientInteractionException.class,
                () -> sampling().createMessage(SamplingRequest.of("Hi", 10)));
        assertEquals(ClientInteractionException.Reason.REFUSED, e.reason());
        assertEquals("The client turned down the sampling request.", e.getMessage());
    }
}
