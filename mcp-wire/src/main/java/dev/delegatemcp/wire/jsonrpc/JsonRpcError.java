package dev.delegatemcp.wire.jsonrpc;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The {@code error} member of a JSON-RPC 2.0 error response (JSON-RPC 2.0 section 5.1).
 *
 * @param code one of {@link JsonRpcErrorCodes}, or a code of the remote party
 * @param message a short sentence; sent to the client, so never a stack trace, token or secret
 * @param data more about the error (MCP puts e.g. the elicitations of -32042 here), or null for none
 */
@JsonbPropertyOrder({"code", "message", "data"})
public record JsonRpcError(int code, String message, JsonValue data) {
}
