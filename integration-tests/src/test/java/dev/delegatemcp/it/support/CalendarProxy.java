package dev.delegatemcp.it.support;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * A pass-through proxy in front of the second demo server's sample calendar service, which the demo's calendar tools
 * reach through it ({@code calendar/mp-rest/url}, integration-tests/pom.xml): it forwards each request as it came
 * (method, path, headers, body) and the calendar's answer back, and records what went by, so that a test can see the
 * requests of the demo's Rest Client and have the calendar refuse some (401) without touching the demo.
 * The calendar itself still validates every token it gets (Keycloak's keys, audience {@code calendar-api}).
 */
public final class CalendarProxy {

    /** A request that went by: HTTP method, the bearer token's subject and SHA-256 digest, and the answer's status. */
    public record Passed(String method, String subject, String tokenDigest, int status) {
    }

    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "transfer-encoding",
            "upgrade", "expect");
    private static final CalendarProxy INSTANCE = new CalendarProxy();

    private final List<Passed> passed = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> rejections = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private HttpServer server;
    private ExecutorService executor;

    public static CalendarProxy get() {
        return INSTANCE;
    }

    public static int port() {
        return Integer.getInteger("it.calendar.proxy.port", 19384);
    }

    private static int calendarPort() {
        return Integer.getInteger("it.demo2.http.port", 19282);
    }

    synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port()), 50);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + port(), e);
        }
        server.createContext("/", this::forward);
        executor = Executors.newFixedThreadPool(8);
        server.setExecutor(executor);
        server.start();
    }

    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    /** The proxy answers the subject's next {@code times} requests with 401 itself, without forwarding them. */
    public void rejectNext(String subject, int times) {
        rejections.computeIfAbsent(subject, s -> new AtomicInteger()).set(times);
    }

    /** Everything that went by for the subject, in order. */
    public List<Passed> passed(String subject) {
        return passed.stream().filter(p -> subject.equals(p.subject())).toList();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7)
                    : null;
            String subject = subjectOf(token);
            String digest = token == null ? null : TestTokens.digest(token);
            AtomicInteger rejecting = subject == null ? null : rejections.get(subject);
            if (rejecting != null && rejecting.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                passed.add(new Passed(exchange.getRequestMethod(), subject, digest, 401));
                exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(
                    URI.create("http://localhost:" + calendarPort() + exchange.getRequestURI()))
                    .timeout(Duration.ofSeconds(10))
                    .method(exchange.getRequestMethod(),
                            HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            passed.add(new Passed(exchange.getRequestMethod(), subject, digest, response.statusCode()));
            response.headers().firstValue("Content-Type")
                    .ifPresent(type -> exchange.getResponseHeaders().add("Content-Type", type));
            byte[] body = response.body();
            exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        }
    }

    /** The {@code sub} claim of a JWT, read without verifying it (the calendar behind verifies). */
    static String subjectOf(String jwt) {
        String[] parts = jwt == null ? new String[0] : jwt.split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            JsonObject claims = Json.createReader(new StringReader(
                    new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))).readObject();
            return claims.getString("sub", null);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
