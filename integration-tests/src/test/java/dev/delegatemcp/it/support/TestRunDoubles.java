package dev.delegatemcp.it.support;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpHandler;
import dev.delegatemcp.test.ApiDouble;
import dev.delegatemcp.test.StsDouble;
import dev.delegatemcp.test.TestHttpServer;
import dev.delegatemcp.test.VaultDouble;

/**
 * The test run's doubles, built from the test kit (mcp-test) on one port, {@code it.sts.port}, where test-server.xml
 * points the test server:
 * <ul>
 * <li>the STS ({@code /oauth2/v1/token}, Descope's path): JWTs for {@value #CALENDAR} and any other resource, the CRM's
 * API key per user or per tenant ({@code tenantId}) for {@value #CRM}, {@value #SLOW} after 300 ms, {@code payroll}
 * denied, {@code broken} unavailable, each only as a {@code resource} (as Descope takes it); and this server's own
 * client_credentials tokens;</li>
 * <li>the calendar API ({@code /calendar/events}): only tokens for {@value #CALENDAR}; the CRM
 * ({@code /crm/contacts}): its API keys in {@code X-API-Key}, answering {@code {"owner":...}};</li>
 * <li>the token vault (Descope's Outbound Apps API) for project {@value #PROJECT_ID};</li>
 * <li>and whatever other double of the test JVM {@link #serve}s here (remote MCP servers, a provider API).</li>
 * </ul>
 */
public final class TestRunDoubles {

    public static final String CLIENT_ID = "mcp-server";
    public static final String CLIENT_SECRET = "test-sts-secret";
    public static final String CALENDAR = "https://calendar.test/api";
    public static final String CRM = "crm-connection";
    public static final String SLOW = "https://slow.test/api";
    public static final String PROJECT_ID = "test-project";
    private static final String CRM_KEY_PREFIX = "crm-api-key-for-";

    private static final TestHttpServer SERVER = TestHttpServer.start(port());
    private static final StsDouble STS = StsDouble.on(SERVER, TestTokens.issuer(), CLIENT_ID, CLIENT_SECRET)
            .grant(CRM, exchange -> CRM_KEY_PREFIX + (exchange.parameter("tenantId") != null
                    ? "tenant-" + exchange.parameter("tenantId") : exchange.subject()))
            .delay(SLOW, Duration.ofMillis(300)).deny("payroll").outage("broken")
            .acceptTargetsOnlyAs("resource");
    private static final ApiDouble CALENDAR_API =
            ApiDouble.bearer(SERVER, "/calendar/events", TestTokens.issuer(), CALENDAR);
    private static final ApiDouble CRM_API = ApiDouble.apiKey(SERVER, "/crm/contacts", "X-API-Key",
            key -> key.startsWith(CRM_KEY_PREFIX) ? key.substring(CRM_KEY_PREFIX.length()) : null)
            .answer(request -> new ApiDouble.Reply(200, "{\"owner\":\"" + request.subject() + "\"}"));
    private static final VaultDouble VAULT = VaultDouble.on(SERVER, PROJECT_ID, STS);

    private TestRunDoubles() {
    }

    public static int port() {
        return Integer.getInteger("it.sts.port", 19098);
    }

    public static StsDouble sts() {
        return STS;
    }

    /** The calendar API: what it received ({@code requestsOf}), and 401s on demand ({@code rejectNext}). */
    public static ApiDouble calendar() {
        return CALENDAR_API;
    }

    public static ApiDouble crm() {
        return CRM_API;
    }

    public static VaultDouble vault() {
        return VAULT;
    }

    /** SHA-256 digests of every credential the calendar and the CRM received. */
    public static List<String> downstreamTokenDigests() {
        return Stream.concat(CALENDAR_API.requests().stream(), CRM_API.requests().stream())
                .map(ApiDouble.ApiRequest::credentialDigest).filter(Objects::nonNull).toList();
    }

    /** Serves another double of the test JVM on this port, under a path prefix. */
    static void serve(String pathPrefix, HttpHandler handler) {
        SERVER.handle(pathPrefix, handler);
    }
}
