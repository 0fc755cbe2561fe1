package dev.delegatemcp.server.transport.http;

import java.util.Optional;

import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorCodes;
import dev.delegatemcp.wire.jsonrpc.JsonRpcMessage;
import dev.delegatemcp.wire.mcp.HeaderValueEncoding;
import dev.delegatemcp.wire.mcp.McpMethods;
import jakarta.json.JsonValue;

/**
 * The request metadata headers of a POST without a session (MCP 2026-07-28, Streamable HTTP, Request Metadata and
 * Server Validation): {@code Mcp-Method} is required on every request and must equal the body's {@code method};
 * {@code Mcp-Name} is required on {@code tools/call}, {@code prompts/get} (the body's {@code params.name}) and
 * {@code resources/read} ({@code params.uri}) and must equal it after decoding the {@code =?base64?...?=} form (Value
 * Encoding, {@link HeaderValueEncoding}); header values hold visible ASCII, space and tab only. Any failure is HeaderMismatch (-32020), HTTP 400.
 * The {@code MCP-Protocol-Version} header is checked against {@code _meta} by the endpoint, before the version itself.
 */
final class RequestHeaders {

    static final String METHOD_HEADER = "Mcp-Method";
    static final String NAME_HEADER = "Mcp-Name";

    private RequestHeaders() {
    }

    /** Why the headers do not fit the body, as the sentence of the -32020 error; empty when they do. */
    static Optional<String> mismatch(JsonRpcMessage message, String methodHeader, String nameHeader) {
        if (methodHeader == null) {
            return Optional.of("Header mismatch: the " + METHOD_HEADER + " header is required");
        }
        if (!HeaderValueEncoding.isFieldValue(methodHeader)) {
            return Optional.of("Header mismatch: the " + METHOD_HEADER + " header holds invalid characters");
        }
        if (!methodHeader.trim().equals(message.method())) {
            return Optional.of("Header mismatch: " + METHOD_HEADER + " header value '" + methodHeader.trim()
                    + "' does not match body value '" + message.method() + "'");
        }
        String nameField = nameField(message.method());
        if (nameField == null) {
            return Optional.empty();
        }
        JsonValue bodyValue = message.params().get(nameField);
        if (nameHeader == null) {
            return Optional.of("Header mismatch: the " + NAME_HEADER + " header is required for " + message.method());
        }
        if (!HeaderValueEncoding.isFieldValue(nameHeader)) {
            return Optional.of("Header mismatch: the " + NAME_HEADER + " header holds invalid characters");
        }
        Optional<String> decoded = HeaderValueEncoding.decode(nameHeader.trim());
        if (decoded.isEmpty()) {
            return Optional.of("Header mismatch: the " + NAME_HEADER + " header is not valid =?base64?...?= text");
        }
        if (!HeaderValueEncoding.matchesBody(decoded.get(), bodyValue)) {
            return Optional.of("Header mismatch: " + NAME_HEADER + " header value does not match body value params."
                    + nameField);
        }
        return Optional.empty();
    }

    /** The body field {@code Mcp-Name} mirrors for a method, or null when it has none. */
    static String nameField(String method) {
        switch (method) {
            case McpMethods.TOOLS_CALL:
            case McpMethods.PROMPTS_GET:
                return "name";
            case McpMethods.RESOURCES_READ:
                return "uri";
            default:
                return null;
        }
    }

    /** The error code of every failure here. */
    static int code() {
        return JsonRpcErrorCodes.HEADER_MISMATCH;
    }
}
