package dev.delegatemcp.credentials;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import dev.delegatemcp.api.DownstreamAudit;
import jakarta.json.spi.JsonProvider;

/**
 * An audit record as one line of JSON, e.g.
 * {@code {"type":"downstream_credential","time":"2025-03-01T09:00:00.123Z","user":"alice",...,"duration_ms":3}}.
 * Written field by field: the audit writer formats thousands of lines a second, and building a {@code JsonObject}
 * per line, escaping every string through JSON-P and formatting every time with {@code DateTimeFormatter} cost more
 * than writing them. Strings that need escaping still go through JSON-P; times read as {@link Instant#toString()}.
 */
final class AuditLine {

    /** Looked up once: the static {@code Json.create*} methods look the provider up again on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** The text of the last second formatted, up to the fraction: records of one second share it. */
    private record Second(long epochSecond, String text) {
    }

    private static volatile Second lastSecond = new Second(Long.MIN_VALUE, "");

    private AuditLine() {
    }

    static String of(DownstreamAudit audit) {
        return appendTo(new StringBuilder(320), audit).toString();
    }

    /** Appends the line (without a line end) to {@code line}, for a writer that gathers several: no string per line. */
    static StringBuilder appendTo(StringBuilder line, DownstreamAudit audit) {
        line.append("{\"type\":\"downstream_credential\",\"time\":\"");
        appendTime(line, audit.time());
        line.append('"');
        field(line, "user", audit.subject());
        field(line, "tenant", audit.tenant());
        field(line, "mcp_client", audit.mcpClient());
        field(line, "server_client_id", audit.serverClientId());
        field(line, "target", audit.target());
        field(line, "level", audit.level());
        line.append(",\"scopes\":[");
        List<String> scopes = audit.scopes();
        for (int i = 0; i < scopes.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            appendString(line, scopes.get(i));
        }
        line.append(']');
        field(line, "outcome", audit.outcome().name().toLowerCase(Locale.ROOT));
        field(line, "sts_error", audit.stsError());
        line.append(",\"cache_hit\":").append(audit.cacheHit()).append(",\"duration_ms\":")
                .append(audit.durationMillis());
        if (audit.traceId() != null) {
            field(line, "trace_id", audit.traceId());
        }
        return line.append('}');
    }

    /** {@code ,"name":value} with the value as a JSON string, or null. */
    private static void field(StringBuilder line, String name, String value) {
        line.append(",\"").append(name).append("\":");
        appendString(line, value);
    }

    /** The value quoted; escaped by JSON-P when it holds a quote, a backslash or a control character. */
    static void appendString(StringBuilder line, String value) {
        if (value == null) {
            line.append("null");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                line.append(JSON.createValue(value));
                return;
            }
        }
        line.append('"').append(value).append('"');
    }

    /** The time exactly as {@link Instant#toString()} writes it (fraction in groups of 3 digits, none when 0). */
    static void appendTime(StringBuilder line, Instant time) {
        Second second = lastSecond;
        if (second.epochSecond() != time.getEpochSecond()) {
            String whole = Instant.ofEpochSecond(time.getEpochSecond()).toString(); // ends in Z, no fraction
            second = new Second(time.getEpochSecond(), whole.substring(0, whole.length() - 1));
            lastSecond = second;
        }
        line.append(second.text());
        int nano = time.getNano();
        if (nano != 0) {
            int digits;
            int fraction;
            if (nano % 1_000_000 == 0) {
                digits = 3;
                fraction = nano / 1_000_000;
            } else if (nano % 1_000 == 0) {
                digits = 6;
                fraction = nano / 1_000;
            } else {
                digits = 9;
                fraction = nano;
            }
            line.append('.');
            String text = Integer.toString(fraction);
            for (int i = text.length(); i < digits; i++) {
                line.append('0');
            }
            line.append(text);
        }
        line.append('Z');
    }
}
