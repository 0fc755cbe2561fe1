package dev.delegatemcp.wire.jsonrpc;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * A JSON-RPC 2.0 notification as sent (JSON-RPC 2.0 section 4.1): a request without an id, never answered.
 *
 * @param jsonrpc always {@code "2.0"}
 * @param method the method name, e.g. {@code notifications/initialized}
 * @param params the params, or null for none
 * @param <P> the params type
 */
@JsonbPropertyOrder({"jsonrpc", "method", "params"})
public record JsonRpcNotification<P>(String jsonrpc, String method, P params) {

    public static <P> JsonRpcNotification<P> of(String method, P params) {
        return new JsonRpcNotification<>(JsonRpcRequest.VERSION, method, params);
    }
}
