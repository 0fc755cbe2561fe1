package dev.delegatemcp.server.feature.tool;

import java.util.List;
import java.util.Optional;

import dev.delegatemcp.server.protocol.McpParamHeaders;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorCodes;
import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import dev.delegatemcp.wire.mcp.HeaderValueEncoding;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The arguments of one tool that clients mirror into {@code Mcp-Param-{Name}} headers (its input schema's
 * {@code x-mcp-header} annotations, read by {@link ParameterHeaderReader}), and the check of a {@code tools/call}
 * against them (MCP 2026-07-28, Streamable HTTP, Server Behavior for Custom Headers, Server Validation):
 * <ul>
 * <li>an argument with a value (not {@code null}) needs its header, which must hold visible ASCII, space and tab
 * only, decode ({@code =?base64?...?=}, {@link HeaderValueEncoding}) and then equal the value: a string exactly, an
 * integer numerically ({@code 42} equals {@code 42.0}), a boolean as {@code true} or {@code false};</li>
 * <li>an argument absent or {@code null} needs no header; one sent anyway is refused too, as it would let the header
 * and the body disagree (a gateway routing on a value the tool never receives).</li>
 * </ul>
 * Headers the tool does not declare are ignored. Every failure is HeaderMismatch (-32020), which the transport
 * answers with HTTP 400; its sentence names the header and the argument, never a value.
 */
public final class ParameterHeaders {

    /** A tool without {@code x-mcp-header} annotations. */
    public static final ParameterHeaders NONE = new ParameterHeaders(List.of());

    /**
     * One mirrored argument.
     *
     * @param name the {@code x-mcp-header} value: the header is {@code Mcp-Param-{name}}
     * @param path the property names from the input schema's root to the argument (one for a top-level argument)
     */
    public record Header(String name, List<String> path) {

        public Header {
            path = List.copyOf(path);
        }

        /** The header's full name, e.g. {@code Mcp-Param-Region}. */
        public String fieldName() {
            return McpParamHeaders.PREFIX + name;
        }

        /** The argument as messages name it, e.g. {@code arguments.filter.region}. */
        public String argument() {
            return "arguments." + String.join(".", path);
        }
    }

    private final List<Header> headers;

    ParameterHeaders(List<Header> headers) {
        this.headers = List.copyOf(headers);
    }

    /** The mirrored arguments, in the order of the input schema. */
    public List<Header> headers() {
        return headers;
    }

    /**
     * Checks a call's headers against its arguments.
     *
     * @param arguments the {@code tools/call} arguments (an empty object when absent)
     * @param sent the request's {@code Mcp-Param-*} headers
     * @throws JsonRpcException HeaderMismatch (-32020) naming the first header that does not fit
     */
    public void check(JsonObject arguments, McpParamHeaders sent) {
        for (Header header : headers) {
            JsonValue body = valueAt(arguments, header.path());
            Optional<String> value = sent.value(header.name());
            if (body == null || body == JsonValue.NULL) {
                if (value.isPresent()) {
                    throw mismatch("the " + header.fieldName() + " header is sent but " + header.argument()
                            + " has no value");
                }
                continue;
            }
            if (value.isEmpty()) {
                throw mismatch("the " + header.fieldName() + " header is required: " + header.argument()
                        + " has a value");
            }
            if (!HeaderValueEncoding.isFieldValue(value.get())) {
                throw mismatch("the " + header.fieldName() + " header holds invalid characters");
            }
            // RFC 9110 section 5.5: the whitespace around a field value is not part of it.
            Optional<String> decoded = HeaderValueEncoding.decode(value.get().trim());
            if (decoded.isEmpty()) {
                throw mismatch("the " + header.fieldName() + " header is not valid =?base64?...?= text");
            }
            if (!HeaderValueEncoding.matchesBody(decoded.get(), body)) {
                throw mismatch(header.fieldName() + " header value does not match body value " + header.argument());
            }
        }
    }

    /** The value at a chain of property names, or null when an object on the way or the value itself is absent. */
    private static JsonValue valueAt(JsonObject arguments, List<String> path) {
        JsonValue value = arguments;
        for (String name : path) {
            if (!(value instanceof JsonObject object)) {
                return null;
            }
            value = object.get(name);
        }
        return value;
    }

    private static JsonRpcException mismatch(String reason) {
        return new JsonRpcException(JsonRpcErrorCodes.HEADER_MISMATCH, "Header mismatch: " + reason);
    }
}
