package dev.delegatemcp.server.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.delegatemcp.wire.jsonrpc.JsonRpcCodec;
import dev.delegatemcp.wire.jsonrpc.JsonRpcMessage;

import org.junit.jupiter.api.Test;

class RequestKindTest {

    private static JsonRpcMessage request(String method, String params) {
        return JsonRpcCodec.parse("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params
                + "}");
    }

    @Test
    void aToolCallIsJudgedByTheToolItCalls() {
        assertEquals("tools/call calendar_events",
                McpEndpoint.kindOf(request("tools/call", "{\"name\":\"calendar_events\",\"arguments\":{}}")));
        assertEquals("prompts/get brief", McpEndpoint.kindOf(request("prompts/get", "{\"name\":\"brief\"}")));
    }

    @Test
    void otherRequestsAreJudgedByTheirMethodOnly() {
        assertEquals("resources/read", McpEndpoint.kindOf(request("resources/read", "{\"uri\":\"notes://1\"}")));
        assertEquals("tools/call", McpEndpoint.kindOf(request("tools/call", "{\"name\":42}")));
    }

    @Test
    void aToolNameNoToolCouldHaveIsOneSmallKind() {
        String name = "x".repeat(200_000);
        assertEquals("tools/call ?", McpEndpoint.kindOf(request("tools/call", "{\"name\":\"" + name + "\"}")));
    }

    @Test
    void aListenStreamIsAlwaysServedOnAWorkerHoweverQuicklyAnEarlierOneEnded() {
        assertNull(McpEndpoint.kindOf(request("subscriptions/listen", "{}")));
    }
}
