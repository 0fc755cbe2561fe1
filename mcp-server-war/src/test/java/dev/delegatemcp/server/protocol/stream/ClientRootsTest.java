package dev.delegatemcp.server.protocol.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import dev.delegatemcp.api.interaction.ClientInteractionException;
import dev.delegatemcp.api.interaction.Roots;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientRootsTest {

    private final ChannelFixture fixture = new ChannelFixture();

    private ClientRoots roots() {
        return new ClientRoots(true, fixture.channel, fixture.cancellation);
    }

    @Test
    void aClientWithoutTheRootsCapabilityIsNotAsked() {
        ClientRoots unsupported = new ClientRoots(false, fixture.channel, fixture.cancellation);
        assertFalse(unsupported.supported());
        ClientInteractionException e = assertThrows(ClientInteractionException.class, unsupported::list);
        assertEquals(ClientInteractionException.Reason.NOT_SUPPORTED, e.reason());
        assertTrue(e.getMessage().contains("roots capability"), e.getMessage());
        assertEquals(0, fixture.opened.get());
    }

    @Test
    void theRootsAreReadWithTheirOptionalNames() {
        fixture.client.result("""
                {"roots":[{"uri":"file:///home/user/project","name":"My Project"},
                          {"uri":"file:///tmp","extra":1}]}""");
        assertTrue(roots().supported());
        assertEquals(List.of(new Roots.Root("file:///home/user/project", "My Project"),
                new Roots.Root("file:///tmp", null)), roots().list());
        JsonObject request = fixture.client.request();
        assertEquals("roots/list", request.getString("method"));
        assertEquals(JsonObject.EMPTY_JSON_OBJECT, request.getJsonObject("params"));
    }

    @Test
    void noRootsIsAnEmptyList() {
        fixture.client.result("{\"roots\":[]}");
        assertEquals(List.of(), roots().list());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"roots\":{}}", "{\"roots\":[\"file:///a\"]}", "{\"roots\":[{\"name\":\"a\"}]}",
        "{\"roots\":[{\"uri\":7}]}"})
    void anAnswerThatIsNoListOfRootsIsRefused(String result) {
        fixture.client.result(result);
        ClientInteractionException e = assertThrows(ClientInteractionException.class, roots()::list);
        assertEquals(ClientInteractionException.Reason.REFUSED, e.reason());
        assertEquals("The client answered the roots request with something the server cannot read.",
                e.getMessage());
    }

    @Test
    void anErrorAnswerIsTheClientTurningTheRequestDown() {
        fixture.client.error(-32601, "Roots not supported");
        ClientInteractionException e = assertThrows(ClientInteractionException.class, roots()::list);
        assertEquals("The client turned down the roots request.", e.getMessage());
    }
}
