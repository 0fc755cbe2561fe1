import java.io.StringReader;
import java.util.List;

import dev.delegatemcp.wire.WireJson;
import dev.delegatemcp.wire.jsonrpc.JsonRpcCodec;
import dev.delegatemcp.wire.jsonrpc.JsonRpcResponse;
import dev.delegatemcp.wire.mcp.CallToolResult;
import dev.delegatemcp.wire.mcp.ContentBlock;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

/**
 * Micro-benchmark of the wire module's two choices (see bench/README.md, "wire"): reading a request with the
 * hand-written JSON-P codec against binding it with JSON-B, and writing a tools/call response from records with
 * JSON-B against building it with JSON-P. Prints nanoseconds per operation; run with bench/wire/run.
 */
public class WireBench {

    /** What a client reads back from a JSON-B bound request: the envelope with params left as JSON. */
    public record Request(String jsonrpc, JsonValue id, String method, JsonObject params) {
    }

    static final JsonProvider JSON = JsonProvider.provider();
    static volatile Object sink;
    static final JsonValue ID = JSON.createValue(17);
    static final CallToolResult RESULT = new CallToolResult(List.of(new ContentBlock.Text("hello world")), false, null);

    public static void main(String[] args) {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":17,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\","
                + "\"arguments\":{\"text\":\"hello world\",\"times\":3}}}";
        int n = Integer.parseInt(args.length > 0 ? args[0] : "200000");
        for (int round = 0; round < 3; round++) {
            long a = time(n, () -> sink = JsonRpcCodec.parse(body));
            long b = time(n, () -> sink = WireJson.fromJson(body, Request.class));
            long c = time(n, () -> sink = WireJson.toJson(JsonRpcResponse.of(ID,
                    new CallToolResult(List.of(new ContentBlock.Text("hello world")), false, null))));
            long d = time(n, () -> sink = JSON.createObjectBuilder().add("jsonrpc", "2.0").add("id", 17)
                    .add("result", JSON.createObjectBuilder().add("content", JSON.createArrayBuilder()
                            .add(JSON.createObjectBuilder().add("type", "text").add("text", "hello world")))
                            .add("isError", false)).build().toString());
            long e = time(n, () -> sink = WireJson.toJson(RESULT));
            long f = time(n, () -> sink = WireJson.toJson(new ContentBlock.Text("hello world")));
            long g = time(n, () -> sink = WireJson.toJson(new dev.delegatemcp.wire.mcp.Implementation("a", null, "b")));
            System.out.printf("  result only %d ns, text block %d ns, plain record %d ns%n", e, f, g);
            System.out.printf("round %d: read JSON-P codec %d ns, JSON-B bind %d ns (%.2fx); write JSON-B records %d ns,"
                    + " JSON-P builders %d ns (%.2fx)%n", round, a, b, (double) b / a, c, d, (double) c / d);
        }
    }

    static long time(int n, Runnable work) {
        for (int i = 0; i < n / 4; i++) {
            work.run();
        }
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            work.run();
        }
        return (System.nanoTime() - start) / n;
    }
}
