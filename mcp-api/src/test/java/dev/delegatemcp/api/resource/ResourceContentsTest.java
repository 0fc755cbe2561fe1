package dev.delegatemcp.api.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;

import org.junit.jupiter.api.Test;

class ResourceContentsTest {

    @Test
    void aBlobHoldsItsBytesInPaddedStandardBase64() {
        ResourceContents.Blob blob = ResourceContents.blob(new byte[] {(byte) 0xfb, (byte) 0xff});
        assertEquals("+/8=", blob.blob());
        assertNull(blob.uri());
        assertNull(blob.mimeType());
        assertEquals(new ResourceContents.Blob("test://x", "image/png", "AA=="),
                ResourceContents.blob("test://x", "image/png", new byte[] {0}));
    }

    @Test
    void textAndBlobCannotBeNull() {
        assertThrows(NullPointerException.class, () -> ResourceContents.text(null));
        assertThrows(NullPointerException.class, () -> ResourceContents.blob(null));
    }

    @Test
    void aDefinitionIsBuiltStepByStepAndKeepsItsOwnCopyOfTheScopes() {
        ResourceDefinition definition = ResourceDefinition.of("test://a", "a").withTitle("A").withDescription("d")
                .withMimeType("text/plain").withSize(3L).withScopes("x.read");
        assertEquals(new ResourceDefinition("test://a", "a", "A", "d", "text/plain", 3L, Set.of("x.read")),
                definition);
        assertEquals(Set.of("x.read"), definition.withScopes("x.read", "x.read").scopes());
        assertEquals(Set.of(), new ResourceDefinition("test://a", "a", null, null, null, null, null).scopes());
        assertThrows(NullPointerException.class, () -> ResourceDefinition.of(null, "a"));
    }
}
