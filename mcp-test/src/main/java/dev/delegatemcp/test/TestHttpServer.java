package dev.delegatemcp.test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server in the test JVM where the kit's doubles answer (the token issuer's JWKS, the STS, the vault,
 * downstream APIs), each under its own path. Point the server under test at {@link #uri(String)}: one port serves
 * them all, so one Liberty variable (a base URL) covers every double.
 *
 * <p>Hand-written on the JDK's own {@code com.sun.net.httpserver} (module {@code jdk.httpserver}): a double needs a
 * few handlers on a loopback port and nothing a library would add. It listens on 127.0.0.1 only.
 */
public final class TestHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;

    private TestHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts a server on 127.0.0.1.
     *
     * @param port the TCP port; 0 picks a free one ({@link #port()} tells which)
     * @throws IllegalStateException when the port cannot be bound (taken by another process, say)
     */
    public static TestHttpServer start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 100);
            ExecutorService executor = Executors.newFixedThreadPool(16, runnable -> {
                Thread thread = new Thread(runnable, "mcp-test-double");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            server.start();
            return new TestHttpServer(server, executor);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start a test HTTP server on 127.0.0.1:" + port, e);
        }
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port><path>}; {@code path} starts with {@code /}. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    /**
     * Serves requests whose path starts with {@code pathPrefix} (the longest registered prefix wins) with this handler.
     *
     * @throws IllegalArgumentException when another handler already serves exactly that prefix
     */
    public synchronized TestHttpServer handle(String pathPrefix, HttpHandler handler) {
        server.createContext(pathPrefix, handler);
        return this;
    }

    /** Stops at once; requests in progress are cut off. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Answers that status with a JSON body ({@code Content-Type: application/json}); for doubles a test writes. */
    public static void sendJson(HttpExchange http, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        http.getResponseHeaders().set("Content-Type", "application/json");
        http.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = http.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
