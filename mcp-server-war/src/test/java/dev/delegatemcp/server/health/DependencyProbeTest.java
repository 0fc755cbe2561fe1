package dev.delegatemcp.server.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DependencyProbeTest {

    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks", exchange -> answer(exchange, 200, "{\"keys\":[{\"kty\":\"RSA\"}]}"));
        server.createContext("/empty-jwks", exchange -> answer(exchange, 200, "{\"keys\":[]}"));
        server.createContext("/html", exchange -> answer(exchange, 200, "<html>login</html>"));
        server.createContext("/token", exchange -> answer(exchange, 405, ""));
        server.createContext("/gateway", exchange -> answer(exchange, 503, "secret-looking body"));
        server.createContext("/stream", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0); // chunked, and never ends
            exchange.getResponseBody().write(": open\n\n".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.createContext("/silent", exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, "");
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private DependencyProbe.Result probe(Dependency.Kind kind, String path) {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        return new DependencyProbe(Duration.ofMillis(300)).probe(new Dependency(kind, "x", url)).join();
    }

    @Test
    void theIssuerIsUpWhenItsJwkSetHasKeys() {
        assertTrue(probe(Dependency.Kind.ISSUER, "/jwks").up());
    }

    @Test
    void theIssuerIsDownWhenItAnswersWithoutKeysOrWithSomethingElse() {
        assertEquals(DependencyProbe.Result.down("the answer is not a JWK set with keys"),
                probe(Dependency.Kind.ISSUER, "/empty-jwks"));
        assertEquals(DependencyProbe.Result.down("the answer is not a JWK set with keys"),
                probe(Dependency.Kind.ISSUER, "/html"));
        assertEquals(DependencyProbe.Result.down("the JWK set answered HTTP 405"),
                probe(Dependency.Kind.ISSUER, "/token"));
    }

    @Test
    void aServiceThatRefusesTheGetStillAnswersAndIsUp() {
        assertTrue(probe(Dependency.Kind.STS, "/token").up());
    }

    @Test
    void aServiceAnsweringWithAnEndlessStreamIsUpAtOnceItsBodyUnread() {
        long start = System.nanoTime();
        assertTrue(probe(Dependency.Kind.REMOTE_MCP, "/stream").up());
        assertTrue((System.nanoTime() - start) / 1_000_000 < 300, "judged on its status, not after the time limit");
    }

    @Test
    void aServerErrorMeansDownWithoutTheBody() {
        DependencyProbe.Result result = probe(Dependency.Kind.REMOTE_MCP, "/gateway");
        assertEquals(DependencyProbe.Result.down("answered HTTP 503"), result);
        assertFalse(result.reason().contains("secret"));
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIsDownSoonAfterTheTimeLimit() {
        long start = System.nanoTime();
        DependencyProbe.Result result = probe(Dependency.Kind.STS, "/silent");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(DependencyProbe.Result.down("no answer within 300 ms"), result);
        assertTrue(millis < 3_000, "gave up after " + millis + " ms");
    }

    @Test
    void aServiceNobodyListensForIsDownWithConnectionRefused() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        DependencyProbe.Result result = new DependencyProbe(Duration.ofMillis(300))
                .probe(new Dependency(Dependency.Kind.VAULT, "vault", URI.create("http://127.0.0.1:" + port + "/")))
                .join();
        assertEquals(DependencyProbe.Result.down("connection refused"), result);
    }

    @Test
    void theLocationNamesSchemeHostAndPortOnly() {
        assertEquals("https://sts.example:8443",
                new Dependency(Dependency.Kind.STS, "sts", URI.create("https://u:p@sts.example:8443/t?k=v"))
                        .location());
        assertEquals("https://vault.example",
                new Dependency(Dependency.Kind.VAULT, "vault", URI.create("https://vault.example/v1")).location());
    }
}
