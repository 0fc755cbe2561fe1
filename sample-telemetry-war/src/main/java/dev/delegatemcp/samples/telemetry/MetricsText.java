package dev.delegatemcp.samples.telemetry;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;

/**
 * Metrics as text: the server's own ({@code mcp.*}, {@code delegatemcp.*}), MicroProfile Fault Tolerance's
 * ({@code ft.*}) and Liberty's HTTP server metric (without this receiver's own requests), in that order, one data
 * point per line with its attributes: a histogram's count and sum, a counter's or gauge's value.
 */
final class MetricsText {

    private static final List<String> PREFIXES = List.of("mcp.", "delegatemcp.", "ft.", "http.server.");

    private MetricsText() {
    }

    static String render(List<Metric> metrics) {
        StringBuilder text = new StringBuilder();
        List<Metric> shown = metrics.stream().filter(metric -> PREFIXES.stream().anyMatch(metric.getName()::startsWith))
                .sorted(java.util.Comparator.comparingInt((Metric metric) -> PREFIXES.indexOf(PREFIXES.stream()
                        .filter(metric.getName()::startsWith).findFirst().orElseThrow()))
                        .thenComparing(Metric::getName))
                .toList();
        for (Metric metric : shown) {
            text.append(metric.getName()).append(" (").append(metric.getUnit()).append(")\n");
            switch (metric.getDataCase()) {
                case HISTOGRAM -> metric.getHistogram().getDataPointsList().stream()
                        .filter(point -> !receiversOwn(point.getAttributesList())).forEach(point -> text
                                .append(String.format(Locale.ROOT, "  count=%d sum=%.4f", point.getCount(),
                                        point.getSum()))
                                .append(attributes(point.getAttributesList())).append('\n'));
                case SUM -> metric.getSum().getDataPointsList()
                        .forEach(point -> text.append("  value=").append(number(point))
                                .append(attributes(point.getAttributesList())).append('\n'));
                case GAUGE -> metric.getGauge().getDataPointsList()
                        .forEach(point -> text.append("  value=").append(number(point))
                                .append(attributes(point.getAttributesList())).append('\n'));
                default -> text.append("  (").append(metric.getDataCase()).append(")\n");
            }
        }
        return text.length() == 0 ? "No metrics received yet: they are sent every 10 s in the demo. If none"
                + " come, telemetry is off, as it is by default: start the server with OTEL_SDK_DISABLED=false (README,"
                + " \"Traces, metrics and logs\").\n"
                : text.toString();
    }

    /** A data point of Liberty's HTTP metric for this receiver's own requests (the exports): left out. */
    private static boolean receiversOwn(List<KeyValue> attributes) {
        return attributes.stream().anyMatch(attribute -> attribute.getKey().equals("http.route")
                && attribute.getValue().getStringValue().startsWith("/sample-telemetry"));
    }

    private static String number(NumberDataPoint point) {
        return point.getValueCase() == NumberDataPoint.ValueCase.AS_INT ? Long.toString(point.getAsInt())
                : Double.toString(point.getAsDouble());
    }

    private static String attributes(List<KeyValue> attributes) {
        if (attributes.isEmpty()) {
            return "";
        }
        return attributes.stream().map(attribute -> attribute.getKey() + "=" + TraceTrees.value(attribute.getValue()))
                .collect(Collectors.joining(" ", "  ", ""));
    }

}
