import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The bench's stand-ins, one small JDK HTTP server (run as a single-file program: {@code java BenchDouble.java PORT
 * PRIVATE_KEY_PEM ISSUER}):
 * <ul>
 * <li>{@code GET /mint?sub=S&aud=A&life=SECONDS}: an RS256 access token signed with the bench key (the clients'
 * tokens, as an authorization server would issue them);</li>
 * <li>{@code POST /sts/token}: an RFC 8693 token exchange (client authentication is not checked): a token for the
 * requested {@code audience}, for the subject of the {@code subject_token};</li>
 * <li>{@code GET /calendar/events}: a downstream API that answers after the configured delay with the caller's
 * events, 401 without a bearer token;</li>
 * <li>{@code POST /control/delay?ms=N}: sets that delay; {@code POST /control/upstream?url=U}: from then on
 * {@code /calendar/events} passes each call on to U (with its {@code Authorization}) and answers with U's answer
 * ({@code url=} empty: answers itself again); {@code GET /stats}: exchanges and downstream calls served.</li>
 * </ul>
 * Written for the bench with the JDK only (no build step, nothing to download); not part of the product.
 */
public class BenchDouble {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Pattern SUB = Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]+)\"");

    private static PrivateKey key;
    private static String issuer;
    private static volatile long delayMillis;
    private static volatile URI upstream;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final AtomicLong EXCHANGES = new AtomicLong();
    private static final AtomicLong CALLS = new AtomicLong();

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String pem = Files.readString(Path.of(args[1])).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        issuer = args[2];
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/mint", BenchDouble::mint);
        server.createContext("/sts/token", BenchDouble::exchange);
        server.createContext("/calendar/events", BenchDouble::events);
        server.createContext("/control/delay", BenchDouble::delay);
        server.createContext("/control/upstream", exchange -> {
            String url = form(exchange.getRequestURI().getRawQuery()).getOrDefault("url", "");
            upstream = url.isEmpty() ? null : URI.create(url);
            send(exchange, 200, "{\"upstream\":\"" + url + "\"}");
        });
        server.createContext("/stats", exchange -> send(exchange, 200,
                "{\"exchanges\":" + EXCHANGES.get() + ",\"calls\":" + CALLS.get() + "}"));
        server.start();
        System.out.println("bench double listening on 127.0.0.1:" + port);
    }

    private static void mint(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        send(exchange, 200, token(query.getOrDefault("sub", "alice"), query.get("aud"),
                Long.parseLong(query.getOrDefault("life", "3600"))));
    }

    private static void exchange(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String subjectToken = form.getOrDefault("subject_token", "");
        String[] parts = subjectToken.split("\\.");
        if (!"urn:ietf:params:oauth:grant-type:token-exchange".equals(form.get("grant_type")) || parts.length != 3) {
            send(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        Matcher sub = SUB.matcher(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        String audience = form.getOrDefault("audience", "calendar-api");
        EXCHANGES.incrementAndGet();
        send(exchange, 200, "{\"access_token\":\"" + token(sub.find() ? sub.group(1) : "unknown", audience, 300)
                + "\",\"issued_token_type\":\"urn:ietf:params:oauth:token-type:access_token\","
                + "\"token_type\":\"Bearer\",\"expires_in\":300}");
    }

    private static void events(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        exchange.getRequestBody().readAllBytes();
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            send(exchange, 401, "");
            return;
        }
        long delay = delayMillis;
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        CALLS.incrementAndGet();
        URI passOn = upstream;
        if (passOn != null) {
            try {
                HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(passOn)
                        .header("Authorization", authorization).header("Accept", "application/json").build(),
                        HttpResponse.BodyHandlers.ofString());
                send(exchange, answer.statusCode(), answer.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                send(exchange, 502, "");
            }
            return;
        }
        send(exchange, 200, "{\"events\":[{\"title\":\"Stand-up\",\"day\":\"2026-11-30\"},"
                + "{\"title\":\"Planning\",\"day\":\"2026-12-01\"}]}");
    }

    private static void delay(HttpExchange exchange) throws IOException {
        delayMillis = Long.parseLong(form(exchange.getRequestURI().getRawQuery()).getOrDefault("ms", "0"));
        send(exchange, 200, "{\"delay_ms\":" + delayMillis + "}");
    }

    private static String token(String subject, String audience, long lifeSeconds) {
        long now = System.currentTimeMillis() / 1000;
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"bench\"}";
        String payload = "{\"iss\":\"" + issuer + "\",\"sub\":\"" + subject + "\",\"upn\":\"" + subject + "\""
                + (audience == null ? "" : ",\"aud\":\"" + audience + "\"") + ",\"iat\":" + now + ",\"exp\":"
                + (now + lifeSeconds) + ",\"jti\":\"" + UUID.randomUUID() + "\",\"groups\":[\"user\"],"
                + "\"scope\":\"notes.read notes.write\",\"azp\":\"bench\"}";
        String signingInput = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded != null) {
            for (String pair : encoded.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
