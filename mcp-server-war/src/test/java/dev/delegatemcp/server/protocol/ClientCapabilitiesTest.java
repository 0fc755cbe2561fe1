package dev.delegatemcp.server.protocol;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class ClientCapabilitiesTest {

    private static ClientCapabilities of(String json) {
        return ClientCapabilities.from(Json.createReader(new StringReader(json)).readObject());
    }

    @Test
    void urlElicitationIsDeclaredByAnElicitationUrlObject() {
        assertTrue(of("{\"elicitation\":{\"url\":{}}}").urlElicitation());
        assertTrue(of("{\"elicitation\":{\"form\":{},\"url\":{}},\"roots\":{}}").urlElicitation());
    }

    @Test
    void anEmptyElicitationObjectMeansFormOnly() {
        assertFalse(of("{\"elicitation\":{}}").urlElicitation());
        assertFalse(of("{\"elicitation\":{\"form\":{}}}").urlElicitation());
    }

    @Test
    void noOrMalformedElicitationMeansNone() {
        assertFalse(of("{}").urlElicitation());
        assertFalse(of("{\"elicitation\":true}").urlElicitation());
        assertFalse(of("{\"elicitation\":{\"url\":true}}").urlElicitation());
        JsonObject none = JsonObject.EMPTY_JSON_OBJECT;
        assertFalse(ClientCapabilities.from(none).urlElicitation());
    }

    @Test
    void formElicitationIsAnEmptyElicitationObjectOrAFormObject() {
        assertTrue(of("{\"elicitation\":{}}").formElicitation());
        assertTrue(of("{\"elicitation\":{\"form\":{},\"url\":{}}}").formElicitation());
        assertFalse(of("{\"elicitation\":{\"url\":{}}}").formElicitation(), "URL mode only");
        assertFalse(of("{}").formElicitation());
    }

    @Test
    void samplingAndRootsAreDeclaredByTheirObjects() {
        ClientCapabilities both = of("{\"sampling\":{},\"roots\":{\"listChanged\":true}}");
        assertTrue(both.sampling());
        assertTrue(both.roots());
        ClientCapabilities neither = of("{\"sampling\":true,\"roots\":null}");
        assertFalse(neither.sampling());
        assertFalse(neither.roots());
    }
}
