package dev.delegatemcp.server.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Pages of a list result with opaque cursors (MCP 2025-11-25, Server utilities, Pagination): {@code tools/list},
 * {@code prompts/list}, ... A cursor is the base64url text of {@code <list>:<offset>}, so a cursor of one list is not
 * taken by another; the list is read afresh for each page.
 */
public final class Pagination {

    private Pagination() {
    }

    /**
     * One page of a list.
     *
     * @param items the page's items, in the list's order
     * @param nextCursor the cursor of the next page, or null on the last page
     */
    public record Page<T>(List<T> items, String nextCursor) {
    }

    /**
     * The page that starts at the cursor.
     *
     * @param list the list's name, e.g. {@code prompts}: part of its cursors
     * @param all every item the caller may see, in a stable order
     * @param cursor the request's {@code cursor} (null or JSON null for the first page)
     * @param pageSize items per page (values below 1 are taken as 1)
     * @throws JsonRpcException -32602 when the cursor is not one this list gave, or lies past its end
     */
    public static <T> Page<T> page(String list, List<T> all, JsonValue cursor, int pageSize) {
        int offset = decode(list, cursor, all.size());
        int end = Math.min(all.size(), offset + Math.max(1, pageSize));
        return new Page<>(List.copyOf(all.subList(offset, end)), end < all.size() ? encode(list, end) : null);
    }

    private static String encode(String list, int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((list + ":" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String list, JsonValue cursor, int size) {
        if (cursor == null || cursor == JsonValue.NULL) {
            return 0;
        }
        String prefix = list + ":";
        try {
            String text = new String(Base64.getUrlDecoder().decode(((JsonString) cursor).getString()),
                    StandardCharsets.UTF_8);
            if (text.startsWith(prefix)) {
                int offset = Integer.parseInt(text.substring(prefix.length()));
                if (offset >= 0 && offset <= size) {
                    return offset;
                }
            }
        } catch (ClassCastException | IllegalArgumentException e) {
            // falls through to the error below
        }
        throw JsonRpcException.invalidParams("Invalid params: unknown or expired cursor");
    }
}
