package dev.delegatemcp.credentials;

import jakarta.json.JsonException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

/** Reads the body of an error answer leniently, for the response exception mappers: an unreadable body is none. */
final class ErrorBodies {

    private ErrorBodies() {
    }

    /** The body as text, or null when there is none or it cannot be read. */
    static String text(Response response) {
        try {
            return response.hasEntity() ? response.readEntity(String.class) : null;
        } catch (ProcessingException | IllegalStateException e) {
            return null;
        }
    }

    /** The body as a JSON object of that type, or null when it is none or not a JSON object. */
    static <T> T parse(Jsonb jsonb, String body, Class<T> type) {
        if (body == null || !body.stripLeading().startsWith("{")) {
            return null;
        }
        try {
            return jsonb.fromJson(body, type);
        } catch (JsonbException | JsonException e) {
            return null;
        }
    }
}
