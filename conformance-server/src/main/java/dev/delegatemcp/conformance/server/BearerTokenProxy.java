package dev.delegatemcp.conformance.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local reverse proxy on 127.0.0.1 that adds a bearer token to every request, for clients that cannot send one (the
 * conformance suite). Everything else, Origin included, passes through unchanged (Host becomes the target's), and
 * responses are streamed as they come, so an event stream's events pass one by one; the server keeps its
 * authentication. Used by the conformance integration test and, through {@link ConformanceProxy}, by
 * {@code bin/conformance-server}.
 */
public final class BearerTokenProxy implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("host", "connection", "content-length", "transfer-encoding",
            "upgrade", "expect", "keep-alive", "te", "trailer", "authorization");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final HttpServer server;
    private final URI target;
    private final Supplier<String> token;

    /** A proxy on a free port. */
    public BearerTokenProxy(URI target, Supplier<String> token) throws IOException {
        this(0, target, token);
    }

    /**
     * @param port the local port (0: a free one)
     * @param target the server's base URL; request paths are resolved against it
     * @param token gives the bearer token for each request
     * @throws IOException when the port cannot be bound
     */
    public BearerTokenProxy(int port, URI target, Supplier<String> token) throws IOException {
        this.target = target;
        this.token = token;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::forward);
        // Threads as needed: each open event stream holds one.
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** The proxy's URL for a path of the target, on localhost. */
    public URI url(String path) {
        return URI.create("http://localhost:" + server.getAddress().getPort() + path);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange; InputStream requestBody = exchange.getRequestBody()) {
            byte[] body = requestBody.readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            request.header("Authorization", "Bearer " + token.get());
            HttpResponse<InputStream> response;
            try {
                response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !":status".equals(name)) {
                    exchange.getResponseHeaders().put(name, List.copyOf(values));
                }
            });
            // Streamed as it comes (chunked): an event stream stays open and each event must pass at once.
            try (InputStream upstream = response.body()) {
                long length = response.headers().firstValueAsLong("content-length").orElse(-2);
                if (length == 0 || response.statusCode() == 204 || response.statusCode() == 202) {
                    exchange.sendResponseHeaders(response.statusCode(), -1);
                    return;
                }
                exchange.sendResponseHeaders(response.statusCode(), length > 0 ? length : 0);
                OutputStream out = exchange.getResponseBody();
                byte[] buffer = new byte[8192];
                for (int read; (read = upstream.read(buffer)) >= 0;) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
                out.close();
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
