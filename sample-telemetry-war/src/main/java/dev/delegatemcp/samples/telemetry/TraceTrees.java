package dev.delegatemcp.samples.telemetry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;

/**
 * Traces as text: each trace that holds an MCP request (a span of the server's scope {@code dev.delegatemcp.server}),
 * newest first, as a tree of its spans in start order with their kinds, durations and a few telling attributes.
 */
final class TraceTrees {

    static final String MCP_SCOPE = "dev.delegatemcp.server";

    /**
     * The attributes shown after a span when present, by the last part of their names (never a token: the server
     * puts none on a span). An outgoing call's URL is shown without its query.
     */
    private static final List<String> SHOWN = List.of("error.type", "delegatemcp.credential.source",
            "delegatemcp.credential.outcome", "delegatemcp.credential.cache_hit", "url.full",
            "http.response.status_code");

    private TraceTrees() {
    }

    static String render(List<ReceivedTelemetry.ReceivedSpan> spans, int limit) {
        Map<String, List<ReceivedTelemetry.ReceivedSpan>> byTrace = new LinkedHashMap<>();
        for (ReceivedTelemetry.ReceivedSpan span : spans) {
            byTrace.computeIfAbsent(hex(span.span().getTraceId().toByteArray()), id -> new ArrayList<>()).add(span);
        }
        List<Map.Entry<String, List<ReceivedTelemetry.ReceivedSpan>>> traces = byTrace.entrySet().stream()
                .filter(trace -> trace.getValue().stream().anyMatch(span -> MCP_SCOPE.equals(span.scope())))
                .sorted(Comparator
                        .comparingLong((Map.Entry<String, List<ReceivedTelemetry.ReceivedSpan>> trace) -> trace
                                .getValue().stream().mapToLong(span -> span.span().getStartTimeUnixNano()).min()
                                .orElse(0))
                        .reversed())
                .limit(limit).toList();
        if (traces.isEmpty()) {
            return "No trace of an MCP request received yet: call a tool, then wait a few seconds (spans are sent"
                    + " in batches, every 5 s by default). If none comes, telemetry is off, as it is by default: start"
                    + " the server with OTEL_SDK_DISABLED=false (README, \"Traces, metrics and logs\").\n";
        }
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, List<ReceivedTelemetry.ReceivedSpan>> trace : traces) {
            List<ReceivedTelemetry.ReceivedSpan> members = trace.getValue();
            text.append("trace ").append(trace.getKey()).append("  (").append(members.get(0).service())
                    .append(")\n");
            Set<String> ids = members.stream().map(span -> hex(span.span().getSpanId().toByteArray()))
                    .collect(Collectors.toSet());
            members.stream().filter(span -> !ids.contains(hex(span.span().getParentSpanId().toByteArray())))
                    .sorted(Comparator.comparingLong(span -> span.span().getStartTimeUnixNano()))
                    .forEach(root -> append(text, root, members, 1));
            text.append('\n');
        }
        return text.toString();
    }

    private static void append(StringBuilder text, ReceivedTelemetry.ReceivedSpan span,
            List<ReceivedTelemetry.ReceivedSpan> members, int depth) {
        String name = "  ".repeat(depth) + span.span().getName();
        double millis = (span.span().getEndTimeUnixNano() - span.span().getStartTimeUnixNano()) / 1e6;
        text.append(String.format(Locale.ROOT, "%-56s %-8s %8.2f ms", name,
                span.span().getKind().name().replace("SPAN_KIND_", ""), millis));
        for (String key : SHOWN) {
            for (KeyValue attribute : span.span().getAttributesList()) {
                if (attribute.getKey().equals(key)) {
                    String value = value(attribute.getValue());
                    text.append("  ").append(key.equals("url.full") ? "url" : key.substring(key.lastIndexOf('.') + 1))
                            .append('=').append(value.contains("?") ? value.substring(0, value.indexOf('?')) : value);
                }
            }
        }
        text.append('\n');
        String id = hex(span.span().getSpanId().toByteArray());
        members.stream().filter(child -> hex(child.span().getParentSpanId().toByteArray()).equals(id))
                .sorted(Comparator.comparingLong(child -> child.span().getStartTimeUnixNano()))
                .forEach(child -> append(text, child, members, depth + 1));
    }

    static String value(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> Long.toString(value.getIntValue());
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            default -> value.toString().trim();
        };
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
