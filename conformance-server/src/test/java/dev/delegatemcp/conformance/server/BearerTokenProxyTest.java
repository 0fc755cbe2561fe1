package dev.delegatemcp.conformance.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BearerTokenProxyTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private HttpServer upstream;
    private BearerTokenProxy proxy;
    private final Map<String, String> seen = new ConcurrentHashMap<>();
    private final CountDownLatch secondEventAllowed = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/echo", exchange -> {
            seen.put("authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            seen.put("origin", String.valueOf(exchange.getRequestHeaders().getFirst("Origin")));
            seen.put("session", String.valueOf(exchange.getRequestHeaders().getFirst("Mcp-Session-Id")));
            seen.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.getResponseHeaders().set("Mcp-Session-Id", "s-1");
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        upstream.createContext("/stream", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write("id: 1\ndata: first\n\n".getBytes(StandardCharsets.UTF_8));
                body.flush();
                if (secondEventAllowed.await(10, TimeUnit.SECONDS)) {
                    body.write("id: 2\ndata: second\n\n".getBytes(StandardCharsets.UTF_8));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        upstream.setExecutor(Executors.newCachedThreadPool());
        upstream.start();
        URI target = URI.create("http://127.0.0.1:" + upstream.getAddress().getPort());
        proxy = new BearerTokenProxy(target, () -> "signed-token");
    }

    @AfterEach
    void stop() {
        proxy.close();
        upstream.stop(0);
    }

    @Test
    void everyRequestGetsTheTokenAndKeepsItsOtherHeadersBodyAndAnswer() throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(proxy.url("/echo"))
                .header("Authorization", "Bearer from-the-client").header("Origin", "http://localhost:1234")
                .header("Mcp-Session-Id", "abc").POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, response.statusCode());
        assertEquals("s-1", response.headers().firstValue("Mcp-Session-Id").orElse(null));
        assertEquals("Bearer signed-token", seen.get("authorization"), "the client's own is replaced");
        assertEquals("http://localhost:1234", seen.get("origin"));
        assertEquals("abc", seen.get("session"));
        assertEquals("{\"jsonrpc\":\"2.0\"}", seen.get("body"));
    }

    @Test
    void anEventStreamPassesEachEventAsItComes() throws Exception {
        HttpResponse<InputStream> response = CLIENT.send(HttpRequest.newBuilder(proxy.url("/stream")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals("text/event-stream", response.headers().firstValue("Content-Type").orElse(null));
        try (BufferedReader events =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertEquals("id: 1", events.readLine());
            assertEquals("data: first", events.readLine());
            assertEquals("", events.readLine());
            // The upstream has not written the second event yet: the first one came through alone.
            secondEventAllowed.countDown();
            assertEquals("id: 2", events.readLine());
            assertEquals("data: second", events.readLine());
            assertEquals("", events.readLine());
            assertNull(events.readLine());
        }
    }
}
