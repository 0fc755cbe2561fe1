package dev.delegatemcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import dev.delegatemcp.it.support.McpHttp;
import dev.delegatemcp.it.support.McpTestServer;
import dev.delegatemcp.it.support.OtlpReceiver;
import dev.delegatemcp.it.support.OtlpReceiver.ReceivedSpan;
import dev.delegatemcp.it.support.RemoteMcpDouble;
import dev.delegatemcp.it.support.TestRunDoubles;
import dev.delegatemcp.it.support.TestTokens;
import dev.delegatemcp.it.tools.DownstreamTools;
import dev.delegatemcp.test.StsDouble;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the test server exports with OpenTelemetry (its environment enables Liberty's SDK and points it at the run's
 * {@link OtlpReceiver}): the span tree of a {@code @Downstream} tool call under the client's span, the trace context
 * on the calls it makes, the metrics' counts, the trace id in the audit record and the JSON log, and no token,
 * secret or user id in any attribute.
 */
@ExtendWith(ArquillianExtension.class)
class TelemetryIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final StsDouble STS = TestRunDoubles.sts();
    private static final Instant STARTED = Instant.now();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return McpTestServer.realEarWithTools(DownstreamTools.class.getPackage());
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        new java.security.SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static ReceivedSpan one(List<ReceivedSpan> spans, Predicate<ReceivedSpan> match, String what) {
        List<ReceivedSpan> found = spans.stream().filter(match).toList();
        assertEquals(1, found.size(), what + " in " + names(spans));
        return found.get(0);
    }

    private static List<String> names(List<ReceivedSpan> spans) {
        return spans.stream().map(span -> span.name() + "(" + span.span().getKind() + ")").toList();
    }

    @Test
    void aDownstreamToolCallIsOneTraceUnderTheClientsSpanDownToTheStsAndTheDownstreamCall() throws Exception {
        String traceId = hex(16);
        String clientSpan = hex(8);
        String user = "otto-" + UUID.randomUUID();
        String inbound = TestTokens.user(user).sign();
        JsonObject result = McpHttp.withToken(inbound).header("traceparent", "00-" + traceId + "-" + clientSpan + "-01")
                .initialize().callTool("calendar_whoami", "{}").getJsonObject("result");
        assertFalse(result.getBoolean("isError"), result.toString());

        // Spans are exported as they end: the MCP span and its HTTP span come after the calls they contain.
        List<ReceivedSpan> trace = OtlpReceiver.get().trace(traceId, spans -> spans.stream()
                .filter(span -> span.span().getKind() == SpanKind.SPAN_KIND_CLIENT).count() >= 2
                && spans.stream().anyMatch(mcp -> mcp.name().equals("tools/call calendar_whoami")
                        && spans.stream().anyMatch(http -> http.spanId().equals(mcp.parentSpanId()))),
                WAIT);
        ReceivedSpan mcp = one(trace, span -> span.name().equals("tools/call calendar_whoami"), "the MCP span");
        // The client sent the same traceparent on initialize and its notification: one HTTP span each.
        ReceivedSpan http = one(trace, span -> span.spanId().equals(mcp.parentSpanId()), "the MCP span's parent");
        assertEquals(SpanKind.SPAN_KIND_SERVER, http.span().getKind());
        assertEquals("POST /mcp-server/mcp", http.name(), "Liberty's HTTP server span");
        ReceivedSpan credential = one(trace, span -> span.name().equals("credential calendar"), "the credential span");
        ReceivedSpan sts = one(trace, span -> span.span().getKind() == SpanKind.SPAN_KIND_CLIENT
                && span.attribute("url.full").contains("/oauth2/v1/token"), "the STS call");
        ReceivedSpan downstream = one(trace, span -> span.span().getKind() == SpanKind.SPAN_KIND_CLIENT
                && span.attribute("url.full").contains("/calendar/"), "the downstream call");

        assertEquals(clientSpan, http.parentSpanId(), "the client's traceparent is the parent");
        ReceivedSpan initialize = one(trace, span -> span.name().equals("initialize"), "the initialize span");
        assertTrue(trace.stream().anyMatch(span -> span.spanId().equals(initialize.parentSpanId())
                && span.name().equals("POST /mcp-server/mcp")), "initialize under its own HTTP span");
        assertEquals(SpanKind.SPAN_KIND_SERVER, mcp.span().getKind());
        assertEquals("tools/call", mcp.attribute("mcp.method.name"));
        assertEquals("calendar_whoami", mcp.attribute("gen_ai.tool.name"));
        assertEquals(mcp.spanId(), credential.parentSpanId());
        assertEquals("token_exchange", credential.attribute("delegatemcp.credential.source"));
        assertEquals("granted", credential.attribute("delegatemcp.credential.outcome"));
        assertEquals("false", credential.attribute("delegatemcp.credential.cache_hit"));
        assertEquals(credential.spanId(), sts.parentSpanId());
        assertEquals(mcp.spanId(), downstream.parentSpanId());
        assertEquals("delegate-mcp-it", OtlpReceiver.attributeOf(mcp.resource(), "service.name"));

        StsDouble.Exchange exchange = STS.exchanges().stream().filter(e -> user.equals(e.subject())).findFirst()
                .orElseThrow();
        assertEquals("00-" + traceId + "-" + sts.spanId() + "-01", exchange.traceparent(),
                "the STS request carries the trace, its parent the STS call's span");

        JsonObject audit = auditRecord(user);
        assertEquals(traceId, audit.getString("trace_id"), "the audit record carries the trace id");
        System.out.println("A @Downstream tool call's trace, as exported:");
        trace.stream().sorted(java.util.Comparator.comparingLong(span -> span.span().getStartTimeUnixNano()))
                .forEach(span -> System.out.printf("  %-45s %-8s %7.2f ms  span %s parent %s%n", span.name(),
                        span.span().getKind().name().replace("SPAN_KIND_", ""), span.millis(), span.spanId(),
                        span.parentSpanId()));
    }

    @Test
    void aTraceContextInMetaIsTheParentOfTheMcpSpanAndTheHttpSpanIsLinked() throws Exception {
        String traceId = hex(16);
        String clientSpan = hex(8);
        McpHttp client = McpHttp.withToken(TestTokens.user("meta-" + UUID.randomUUID()).sign()).initialize();
        JsonObject response = client.request(9, "tools/call", "{\"name\":\"calendar_whoami\",\"arguments\":{},"
                + "\"_meta\":{\"traceparent\":\"00-" + traceId + "-" + clientSpan + "-01\"}}").json();
        assertFalse(response.getJsonObject("result").getBoolean("isError"), response.toString());
        // The MCP span ends (and is exported) after the spans it holds.
        List<ReceivedSpan> trace = OtlpReceiver.get().trace(traceId,
                spans -> spans.stream().anyMatch(span -> span.name().equals("tools/call calendar_whoami")), WAIT);
        ReceivedSpan mcp = one(trace, span -> span.name().equals("tools/call calendar_whoami"), "the MCP span");
        assertEquals(clientSpan, mcp.parentSpanId());
        assertEquals(1, mcp.span().getLinksCount(), "linked to the HTTP request's span");
        ReceivedSpan http = OtlpReceiver.get().awaitSpan(span -> span.spanId()
                .equals(HexFormat.of().formatHex(mcp.span().getLinks(0).getSpanId().toByteArray())), WAIT);
        assertNotNull(http, "the linked span was exported");
        assertTrue(http.name().startsWith("POST /mcp-server"), http.name());
    }

    @Test
    void aRemoteMcpCallIsAClientSpanAndTheRemoteServerGetsItsTraceContext() throws Exception {
        String user = "remy-" + UUID.randomUUID();
        TestRunDoubles.vault().storeForUser(RemoteMcpDouble.APP, user, List.of("assistant.use"),
                "assistant-" + UUID.randomUUID(), Instant.now().getEpochSecond() + 3600);
        String traceId = hex(16);
        RemoteMcpDouble remote = RemoteMcpDouble.get();
        int before = remote.seen().size();
        JsonObject result = McpHttp.withToken(TestTokens.user(user).sign())
                .header("traceparent", "00-" + traceId + "-" + hex(8) + "-01").initialize()
                .callTool("assistant_call", "{\"tool\":\"whoami\"}").getJsonObject("result");
        assertFalse(result.getBoolean("isError"), result.toString());

        List<ReceivedSpan> trace = OtlpReceiver.get().trace(traceId, spans -> spans.stream()
                .anyMatch(span -> span.name().equals("tools/call assistant_call")), WAIT);
        ReceivedSpan mcp = one(trace, span -> span.name().equals("tools/call assistant_call"), "the MCP span");
        ReceivedSpan vault = one(trace, span -> span.name().equals("credential assistant"), "the credential span");
        assertEquals("vault", vault.attribute("delegatemcp.credential.source"));
        List<ReceivedSpan> remoteCalls = trace.stream().filter(
                span -> span.span().getKind() == SpanKind.SPAN_KIND_CLIENT && span.attribute("mcp.method.name") != null)
                .toList();
        assertTrue(remoteCalls.stream().anyMatch(span -> span.name().equals("tools/call")), names(trace).toString());
        for (ReceivedSpan call : remoteCalls) {
            assertEquals(mcp.spanId(), call.parentSpanId(), call.name());
            assertEquals("127.0.0.1", call.attribute("server.address"));
        }
        List<String> sent = remote.seen().subList(before, remote.seen().size()).stream()
                .map(RemoteMcpDouble.Seen::traceparent).toList();
        for (ReceivedSpan call : remoteCalls) {
            assertTrue(sent.contains("00-" + traceId + "-" + call.spanId() + "-01"),
                    "the remote server got the CLIENT span's context: " + sent);
        }
    }

    @Test
    void theMetricsCountToolCallsAndCredentialRequestsWithCacheHitsAsHits() throws Exception {
        OtlpReceiver otlp = OtlpReceiver.get();
        otlp.awaitNextMetricExport(WAIT);
        long callsBefore = count(otlp.metric("mcp.server.operation.duration"), "gen_ai.tool.name", "calendar_whoami");
        long hitsBefore = credentialCount(otlp, "true");
        long missesBefore = credentialCount(otlp, "false");

        McpHttp client = McpHttp.withToken(TestTokens.user("hilda-" + UUID.randomUUID()).sign()).initialize();
        for (int i = 0; i < 3; i++) {
            assertFalse(client.callTool("calendar_whoami", "{}").getJsonObject("result").getBoolean("isError"));
        }
        JsonObject denied = client.callTool("payroll_report", "{}").getJsonObject("result");
        assertTrue(denied.getBoolean("isError"));

        long deadline = System.nanoTime() + WAIT.toNanos();
        while (count(otlp.metric("mcp.server.operation.duration"), "gen_ai.tool.name", "calendar_whoami") < callsBefore
                + 3 && System.nanoTime() < deadline) {
            otlp.awaitNextMetricExport(WAIT);
        }
        otlp.awaitNextMetricExport(WAIT);
        assertEquals(callsBefore + 3,
                count(otlp.metric("mcp.server.operation.duration"), "gen_ai.tool.name", "calendar_whoami"));
        assertEquals(hitsBefore + 2, credentialCount(otlp, "true"), "the second and third calls are cache hits");
        assertEquals(missesBefore + 1, credentialCount(otlp, "false"));
        Metric operations = otlp.metric("mcp.server.operation.duration");
        assertTrue(points(operations).stream().anyMatch(point -> "tool_error".equals(attr(point, "error.type"))
                && "payroll_report".equals(attr(point, "gen_ai.tool.name"))), "a refused credential is a tool error");
        assertTrue(points(otlp.metric("delegatemcp.credential.request.duration")).stream()
                .anyMatch(point -> "denied".equals(attr(point, "delegatemcp.credential.outcome"))));
        for (String name : List.of("delegatemcp.sts.request.duration", "delegatemcp.credential.cache.size",
                "delegatemcp.server.active_sessions", "delegatemcp.server.active_streams",
                "ft.circuitbreaker.calls.total", "ft.circuitbreaker.state.total", "http.server.request.duration")) {
            assertNotNull(otlp.metric(name), name + " is exported");
        }
    }

    @Test
    void noExportedAttributeHoldsATokenASecretOrAUserId() throws Exception {
        String user = "secretive-" + UUID.randomUUID();
        String inbound = TestTokens.user(user).sign();
        McpHttp client = McpHttp.withToken(inbound).initialize();
        assertFalse(client.callTool("calendar_whoami", "{}").getJsonObject("result").getBoolean("isError"));
        OtlpReceiver otlp = OtlpReceiver.get();
        assertNotNull(otlp.awaitSpan(span -> span.name().equals("credential calendar")
                && span.span().getStartTimeUnixNano() > STARTED.toEpochMilli() * 1_000_000L, WAIT));
        otlp.awaitNextMetricExport(WAIT);

        List<String> forbidden = new ArrayList<>(STS.issuedCredentials());
        forbidden.addAll(List.of(inbound, user, TestRunDoubles.CLIENT_SECRET));
        STS.serverGrants().forEach(grant -> forbidden.add(grant.token()));
        List<String> values = new ArrayList<>();
        for (ReceivedSpan span : otlp.spans()) {
            span.span().getAttributesList().forEach(attribute -> values.add(text(attribute)));
            span.resource().forEach(attribute -> values.add(text(attribute)));
            values.add(span.name());
            values.add(span.span().getStatus().getMessage());
        }
        for (Metric metric : otlp.metrics()) {
            points(metric).forEach(point -> point.forEach(attribute -> values.add(text(attribute))));
        }
        assertTrue(values.size() > 100, "attributes were received: " + values.size());
        for (String value : values) {
            for (String secret : forbidden) {
                assertFalse(value.contains(secret), "an exported attribute holds a token, secret or user id");
            }
            assertFalse(value.contains("eyJ"), "an exported attribute holds something like a JWT");
            assertFalse(value.toLowerCase(java.util.Locale.ROOT).contains("bearer "), "an Authorization value");
        }
    }

    @Test
    void aLogLineWrittenWhileServingARequestCarriesItsTraceAndSpanIdsInTheJsonLog() throws Exception {
        String traceId = hex(16);
        JsonObject result = McpHttp.withToken(TestTokens.user("logged-" + UUID.randomUUID()).sign())
                .header("traceparent", "00-" + traceId + "-" + hex(8) + "-01").initialize()
                .callTool("fail_unexpectedly", "{}").getJsonObject("result");
        assertTrue(result.getBoolean("isError"), result.toString());
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<JsonObject> lines = List.of();
        while (lines.isEmpty() && System.nanoTime() < deadline) {
            lines = jsonLogLines().stream().filter(line -> traceId.equals(line.getString("ext_traceId", null))
                    && "DMCPS0002W".equals(line.getString("ibm_messageId", null))).toList();
            Thread.sleep(200);
        }
        assertFalse(lines.isEmpty(), "the tool's failure (DMCPS0002W) logged with ext_traceId " + traceId);
        assertEquals("liberty_message", lines.get(0).getString("type"));
        assertTrue(lines.get(0).containsKey("ext_spanId"));
        assertFalse(lines.get(0).toString().contains("hunter2"), "the exception's message is never logged");
    }

    @Test
    void aRefusedTokensLogLineCarriesTheClientsTraceId() throws Exception {
        String traceId = hex(16);
        McpHttp.Response refused = McpHttp.withToken(TestTokens.user("refused-" + UUID.randomUUID())
                .audience("https://elsewhere.example").sign()).header("traceparent", "00-" + traceId + "-" + hex(8)
                        + "-01")
                .post(McpHttp.initializeRequest(1, McpHttp.LATEST));
        assertEquals(401, refused.status());
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<JsonObject> lines = List.of();
        while (lines.isEmpty() && System.nanoTime() < deadline) {
            lines = jsonLogLines().stream().filter(line -> traceId.equals(line.getString("ext_traceId", null))
                    && "DMCPS0004I".equals(line.getString("ibm_messageId", null))).toList();
            Thread.sleep(200);
        }
        assertFalse(lines.isEmpty(), "the refusal (DMCPS0004I), refused before Liberty traced the request, is logged"
                + " in the client's trace " + traceId);
        OtlpReceiver otlp = OtlpReceiver.get();
        long refusals = 0;
        while (refusals == 0 && System.nanoTime() < deadline + WAIT.toNanos()) {
            otlp.awaitNextMetricExport(WAIT);
            Metric metric = otlp.metric("delegatemcp.server.refused_requests");
            refusals = metric == null ? 0 : metric.getSum().getDataPointsList().stream()
                    .filter(point -> "true".equals(attr(point.getAttributesList(), "delegatemcp.auth.token_presented")))
                    .mapToLong(point -> point.getAsInt()).sum();
        }
        assertTrue(refusals >= 1, "the refusal is counted: Liberty's HTTP metric does not see it");
    }

    private static List<JsonObject> jsonLogLines() throws IOException {
        List<JsonObject> lines = new ArrayList<>();
        for (String line : Files.readAllLines(McpTestServer.serverDirectory().resolve("logs/messages.log"))) {
            if (line.startsWith("{")) {
                lines.add(Json.createReader(new StringReader(line)).readObject());
            }
        }
        return lines;
    }

    private static JsonObject auditRecord(String user) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(
                    McpTestServer.serverDirectory().resolve("logs/downstream-audit0.log"))) {
                int start = line.indexOf("{\"type\":\"downstream_credential\"");
                if (start >= 0 && line.contains("\"" + user + "\"")) {
                    return Json.createReader(new StringReader(line.substring(start).trim())).readObject();
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no audit record for " + user);
    }

    private static long credentialCount(OtlpReceiver otlp, String cacheHit) {
        Metric metric = otlp.metric("delegatemcp.credential.request.duration");
        if (metric == null) {
            return 0;
        }
        return metric.getHistogram().getDataPointsList().stream()
                .filter(point -> "calendar".equals(attr(point.getAttributesList(), "delegatemcp.downstream.target"))
                        && "granted".equals(attr(point.getAttributesList(), "delegatemcp.credential.outcome"))
                        && cacheHit.equals(attr(point.getAttributesList(), "delegatemcp.credential.cache_hit")))
                .mapToLong(HistogramDataPoint::getCount).sum();
    }

    private static long count(Metric metric, String key, String value) {
        if (metric == null) {
            return 0;
        }
        return metric.getHistogram().getDataPointsList().stream()
                .filter(point -> value.equals(attr(point.getAttributesList(), key))
                        && attr(point.getAttributesList(), "error.type") == null)
                .mapToLong(HistogramDataPoint::getCount).sum();
    }

    /** Each data point's attributes, whatever the metric's type. */
    private static List<List<KeyValue>> points(Metric metric) {
        return switch (metric.getDataCase()) {
            case HISTOGRAM -> metric.getHistogram().getDataPointsList().stream()
                    .map(HistogramDataPoint::getAttributesList).toList();
            case SUM -> metric.getSum().getDataPointsList().stream().map(point -> point.getAttributesList()).toList();
            case GAUGE -> metric.getGauge().getDataPointsList().stream().map(point -> point.getAttributesList())
                    .toList();
            default -> List.of();
        };
    }

    private static String attr(List<KeyValue> attributes, String key) {
        return OtlpReceiver.attributeOf(attributes, key);
    }

    private static String text(KeyValue attribute) {
        return attribute.getKey() + "=" + attribute.getValue();
    }
}
