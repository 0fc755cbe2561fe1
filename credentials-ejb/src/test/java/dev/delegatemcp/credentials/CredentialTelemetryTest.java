package dev.delegatemcp.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.delegatemcp.api.Downstream;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The credential service's spans and metrics, recorded by a real OpenTelemetry SDK (in memory). */
class CredentialTelemetryTest {

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build()).build();
    private final CredentialServiceTest fixture = new CredentialServiceTest();

    @BeforeEach
    void setUp() {
        fixture.telemetry = new CredentialTelemetry(sdk);
        fixture.setUp();
    }

    @AfterEach
    void tearDown() {
        sdk.close();
    }

    @Test
    void eachRequestIsASpanAndItsTraceIdGoesToTheAuditRecord() {
        fixture.service.credentialFor(CredentialServiceTest.request("inbound-1", "calendar", Downstream.Level.USER,
                null));
        SpanData span = spans.getFinishedSpanItems().get(0);
        assertEquals("credential calendar", span.getName());
        Attributes attributes = span.getAttributes();
        assertEquals("calendar", attributes.get(CredentialTelemetry.TARGET));
        assertEquals("token_exchange", attributes.get(CredentialTelemetry.SOURCE));
        assertEquals("user", attributes.get(CredentialTelemetry.LEVEL));
        assertEquals("granted", attributes.get(CredentialTelemetry.OUTCOME));
        assertEquals(false, attributes.get(CredentialTelemetry.CACHE_HIT));
        assertEquals(span.getTraceId(), fixture.auditor.records.get(0).traceId());
    }

    @Test
    void withoutRecordingTheAuditRecordCarriesTheClientsTraceIdIfItSentOne() {
        CredentialServiceTest plain = new CredentialServiceTest();
        plain.setUp();
        plain.service.credentialFor(CredentialServiceTest.traced("calendar", Downstream.Level.USER,
                CredentialServiceTest.TRACE));
        plain.service.credentialFor(CredentialServiceTest.request("inbound-2", "calendar", Downstream.Level.USER,
                null));
        assertEquals("0af7651916cd43dd8448eb211c80319c", plain.auditor.records.get(0).traceId());
        assertNull(plain.auditor.records.get(1).traceId());
        assertEquals(CredentialServiceTest.TRACE, plain.sts.requests.get(0).trace(), "and it goes on as received");
    }

    @Test
    void aFailureLeavesNoSpanCurrentAndIsMeasuredOnce() {
        fixture.sts.answer = request -> {
            throw new IllegalStateException("a bug");
        };
        assertThrows(IllegalStateException.class, () -> fixture.service.credentialFor(
                CredentialServiceTest.request("inbound-1", "calendar", Downstream.Level.USER, null)));
        assertFalse(Span.current().getSpanContext().isValid());
        assertEquals(1, points("delegatemcp.credential.request.duration").get(0).getCount());
        assertEquals(IllegalStateException.class.getName(), points("delegatemcp.credential.request.duration").get(0)
                .getAttributes().get(CredentialTelemetry.ERROR_TYPE));
    }

    @Test
    void aCacheHitCountsAsAHitAndCallsTheStsOnce() {
        for (int i = 0; i < 3; i++) {
            fixture.service.credentialFor(CredentialServiceTest.request("inbound-1", "calendar",
                    Downstream.Level.USER, null));
        }
        Map<Boolean, Long> byHit = points("delegatemcp.credential.request.duration").stream()
                .collect(Collectors.toMap(p -> p.getAttributes().get(CredentialTelemetry.CACHE_HIT),
                        HistogramPointData::getCount));
        assertEquals(Map.of(false, 1L, true, 2L), byHit);
        List<HistogramPointData> sts = points("delegatemcp.sts.request.duration");
        assertEquals(1, sts.size());
        assertEquals(1, sts.get(0).getCount());
        assertNull(sts.get(0).getAttributes().get(CredentialTelemetry.ERROR_TYPE));
        assertEquals(CredentialTelemetry.DURATION_BUCKETS, sts.get(0).getBoundaries(), "seconds, not milliseconds");
    }

    @Test
    void aRefusalIsMeasuredAsDeniedWithItsReasonAsErrorType() {
        fixture.sts.answer = request -> {
            throw CredentialException.of(CredentialException.Reason.DENIED, "access_denied", "refused");
        };
        assertThrows(CredentialException.class, () -> fixture.service.credentialFor(
                CredentialServiceTest.request("inbound-1", "calendar", Downstream.Level.USER, null)));
        HistogramPointData request = points("delegatemcp.credential.request.duration").get(0);
        assertEquals("denied", request.getAttributes().get(CredentialTelemetry.OUTCOME));
        assertEquals("denied", request.getAttributes().get(CredentialTelemetry.ERROR_TYPE));
        assertEquals("denied",
                points("delegatemcp.sts.request.duration").get(0).getAttributes().get(CredentialTelemetry.ERROR_TYPE));
        assertEquals(StatusCode.ERROR, spans.getFinishedSpanItems().get(0).getStatus().getStatusCode());
    }

    @Test
    void aVaultFetchIsMeasuredAsAVaultCall() {
        fixture.service.credentialFor(CredentialServiceTest.traced("sales", Downstream.Level.USER, null));
        assertEquals(1, points("delegatemcp.vault.request.duration").get(0).getCount());
        assertEquals("vault", spans.getFinishedSpanItems().get(0).getAttributes().get(CredentialTelemetry.SOURCE));
    }

    @Test
    void theCacheSizeIsAGauge() {
        fixture.service.credentialFor(CredentialServiceTest.request("inbound-1", "calendar", Downstream.Level.USER,
                null));
        fixture.service.credentialFor(CredentialServiceTest.request("inbound-2", "calendar", Downstream.Level.USER,
                null));
        MetricData size = metric("delegatemcp.credential.cache.size");
        assertEquals(2, size.getLongSumData().getPoints().iterator().next().getValue());
    }

    @Test
    void whileRecordingTheStsGetsNoTraceContextOfOursTheRestClientInstrumentationSendsItsOwn() {
        Span parent = sdk.getTracer("test").spanBuilder("parent").startSpan();
        try (Scope scope = parent.makeCurrent()) {
            fixture.service.credentialFor(CredentialServiceTest.traced("calendar", Downstream.Level.USER,
                    CredentialServiceTest.TRACE));
        } finally {
            parent.end();
        }
        assertNull(fixture.sts.requests.get(0).trace());
        SpanData credential = spans.getFinishedSpanItems().get(0);
        assertEquals(parent.getSpanContext().getSpanId(), credential.getParentSpanId());
    }

    @Test
    void noAttributeHoldsTheUserTenantClientOrToken() {
        fixture.service.credentialFor(CredentialServiceTest.traced("calendar", Downstream.Level.TENANT, null));
        List<String> values = spans.getFinishedSpanItems().get(0).getAttributes().asMap().values().stream()
                .map(String::valueOf).toList();
        metrics.collectAllMetrics().forEach(metric -> metric.getData().getPoints()
                .forEach(point -> point.getAttributes().asMap().values().forEach(value -> {
                    String text = String.valueOf(value);
                    assertFalse(List.of("alice", "acme", "claude", "inbound-1").contains(text), metric.getName());
                })));
        for (String forbidden : List.of("alice", "acme", "claude", "inbound-1")) {
            assertFalse(values.contains(forbidden), forbidden + " in " + values);
        }
        assertTrue(values.contains("tenant"));
    }

    private List<HistogramPointData> points(String name) {
        Collection<HistogramPointData> points = metric(name).getHistogramData().getPoints();
        return List.copyOf(points);
    }

    private MetricData metric(String name) {
        return metrics.collectAllMetrics().stream().filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no metric " + name));
    }
}
