package dev.delegatemcp.it.support;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import dev.delegatemcp.test.ApiDouble;
import dev.delegatemcp.test.TestHttpServer;

/**
 * A third-party API (the provider behind an outbound app) at {@value #PATH}: it accepts only the bearer tokens the
 * test lets it accept, answers 401 to any other (e.g. a token the provider revoked), and says which token it got
 * (as a SHA-256 digest).
 */
public final class ProviderApiDouble {

    public static final String PATH = "/provider-api/tickets";

    private static final ProviderApiDouble INSTANCE = new ProviderApiDouble();

    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final List<String> receivedDigests = new CopyOnWriteArrayList<>();

    private ProviderApiDouble() {
        TestRunDoubles.serve(PATH, this::handle);
    }

    public static ProviderApiDouble get() {
        return INSTANCE;
    }

    public void accept(String token) {
        accepted.add(token);
    }

    /** The provider no longer accepts the token. */
    public void revoke(String token) {
        accepted.remove(token);
    }

    /** SHA-256 digests of the tokens it received, in order ("" for a request without a bearer token). */
    public List<String> receivedDigests() {
        return List.copyOf(receivedDigests);
    }

    private void handle(HttpExchange http) throws IOException {
        try (http) {
            String authorization = http.getRequestHeaders().getFirst("Authorization");
            String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7)
                    : null;
            receivedDigests.add(token == null ? "" : ApiDouble.digest(token));
            if (token == null || !accepted.contains(token)) {
                http.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                TestHttpServer.sendJson(http, 401, "{\"error\":\"invalid_token\"}");
                return;
            }
            TestHttpServer.sendJson(http, 200,
                    "{\"tickets\":[\"T-1\",\"T-2\"],\"tokenDigest\":\"" + ApiDouble.digest(token)
                            + "\"}");
        }
    }
}
