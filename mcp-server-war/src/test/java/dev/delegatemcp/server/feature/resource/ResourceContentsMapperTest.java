package dev.delegatemcp.server.feature.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;

import dev.delegatemcp.api.resource.ResourceContents;
import dev.delegatemcp.wire.mcp.ContentBlock;

import org.junit.jupiter.api.Test;

class ResourceContentsMapperTest {

    @Test
    void itemsWithoutUriOrTypeTakeTheReadUriAndTheDeclaredType() {
        assertEquals(List.of(ContentBlock.ResourceContents.text("test://r", "text/plain", "t"),
                ContentBlock.ResourceContents.text("test://r/sub", "text/csv", "a,b"),
                ContentBlock.ResourceContents.blob("test://r", "text/plain", "AAE=")),
                ResourceContentsMapper.map(List.of(ResourceContents.text("t"),
                        ResourceContents.text("test://r/sub", "text/csv", "a,b"),
                        ResourceContents.blob(new byte[] {0, 1})), ReturnShape.CONTENTS_LIST, "test://r",
                        "text/plain"));
    }

    @Test
    void withNoDeclaredTypeTheItemHasNone() {
        assertEquals(List.of(ContentBlock.ResourceContents.blob("test://b", null, "AAE=")),
                ResourceContentsMapper.map(new byte[] {0, 1}, ReturnShape.BYTES, "test://b", null));
    }

    @Test
    void aNullItemInAListIsTheMethodsFault() {
        assertThrows(IllegalStateException.class, () -> ResourceContentsMapper.map(
                Arrays.asList(ResourceContents.text("a"), null), ReturnShape.CONTENTS_LIST, "test://r", null));
    }
}
