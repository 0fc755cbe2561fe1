package dev.delegatemcp.it.support;

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
 * A local reverse proxy that adds a bearer token to every request, for clients that cannot send one (the
 * conformance suite). Everything else, Origin included, passes through unchanged; the production server keeps its
 * authentication.
 */
public final class BearerTokenProxy implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("host", "connection", "content-length", "transfer-encoding",
            "upgrade", "expect", "keep-alive", "te", "trailer", "authorization");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final HttpServer server;
    private final URI target;
    private final Supplier<String> token;

    public BearerTokenProxy(URI target, Supplier<String> token) throws IOException {
        this.target = target;
        this.token = token;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::forward);
        server.setExecutor(Executors.newFixedThreadPool(4));
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
                    .timeout(Duration.ofSeconds(60))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            request.header("Authorization", "Bearer " + token.get());
            HttpResponse<byte[]> response;
            try {
                response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
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
            byte[] responseBody = response.body();
            exchange.sendResponseHeaders(response.statusCode(), responseBody.length == 0 ? -1 : responseBody.length);
            if (responseBody.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(responseBody);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
