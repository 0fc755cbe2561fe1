package dev.delegatemcp.server.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorCodes;
import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import jakarta.json.Json;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

class PaginationTest {

    private static final List<String> ALL = List.of("a", "b", "c", "d", "e");

    @Test
    void pagesFollowEachOtherByTheirCursorsUntilTheLastHasNone() {
        Pagination.Page<String> first = Pagination.page("prompts", ALL, null, 2);
        assertEquals(List.of("a", "b"), first.items());
        Pagination.Page<String> second = Pagination.page("prompts", ALL, Json.createValue(first.nextCursor()), 2);
        assertEquals(List.of("c", "d"), second.items());
        Pagination.Page<String> last = Pagination.page("prompts", ALL, Json.createValue(second.nextCursor()), 2);
        assertEquals(List.of("e"), last.items());
        assertNull(last.nextCursor());
    }

    @Test
    void aJsonNullCursorIsTheFirstPageAndAPageSizeBelowOneIsOne() {
        Pagination.Page<String> page = Pagination.page("prompts", ALL, JsonValue.NULL, 0);
        assertEquals(List.of("a"), page.items());
    }

    @Test
    void aCursorOfAnotherListOrPastTheEndOrNotACursorIsInvalidParams() {
        String toolsCursor = Pagination.page("tools", ALL, null, 2).nextCursor();
        assertInvalid(Json.createValue(toolsCursor));
        assertInvalid(Json.createValue(Base64.getUrlEncoder()
                .encodeToString("prompts:6".getBytes(StandardCharsets.UTF_8))));
        assertInvalid(Json.createValue("not base64!"));
        assertInvalid(Json.createValue(3));
    }

    private static void assertInvalid(JsonValue cursor) {
        JsonRpcException e = assertThrows(JsonRpcException.class, () -> Pagination.page("prompts", ALL, cursor, 2));
        assertEquals(JsonRpcErrorCodes.INVALID_PARAMS, e.code());
        assertEquals("Invalid params: unknown or expired cursor", e.getMessage());
    }
}
