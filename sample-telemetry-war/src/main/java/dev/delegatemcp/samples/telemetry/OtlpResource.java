package dev.delegatemcp.samples.telemetry;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Parser;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * The OTLP/HTTP receiver (OpenTelemetry Protocol 1.x, binary protobuf, {@code POST /v1/traces} and
 * {@code /v1/metrics}; {@code OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:9080/sample-telemetry}), and two pages of
 * text for a person with curl: {@code GET /traces} (the last MCP requests' traces as trees, with durations) and
 * {@code GET /metrics} (the server's metrics). Logs are not received: the demo does not export them.
 */
@Path("/")
public class OtlpResource {

    private static final String PROTOBUF = "application/x-protobuf";
    /** The largest export read (the SDK sends at most 512 spans per request: far less). */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    @Inject
    ReceivedTelemetry received;

    @POST
    @Path("v1/traces")
    @Consumes(PROTOBUF)
    @Produces(PROTOBUF)
    public Response traces(@HeaderParam("Content-Length") long length, InputStream body) throws IOException {
        return receive(length, body, ExportTraceServiceRequest.parser(), received::add,
                ExportTraceServiceResponse.getDefaultInstance().toByteArray());
    }

    @POST
    @Path("v1/metrics")
    @Consumes(PROTOBUF)
    @Produces(PROTOBUF)
    public Response metrics(@HeaderParam("Content-Length") long length, InputStream body) throws IOException {
        return receive(length, body, ExportMetricsServiceRequest.parser(), received::add,
                ExportMetricsServiceResponse.getDefaultInstance().toByteArray());
    }

    /** 200 with {@code answer} once the export is parsed and kept; 413 when too large, 400 when not OTLP. */
    private static <T> Response receive(long length, InputStream body, Parser<T> parser, Consumer<T> keep,
            byte[] answer) throws IOException {
        if (length > MAX_BODY_BYTES) {
            return Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE).build();
        }
        try {
            keep.accept(parser.parseFrom(capped(body)));
        } catch (InvalidProtocolBufferException e) {
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        return Response.ok(answer).build();
    }

    /** The body, read up to {@link #MAX_BODY_BYTES} (one sent without a length may not exceed it either). */
    private static byte[] capped(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new InvalidProtocolBufferException("larger than " + MAX_BODY_BYTES + " bytes");
        }
        return bytes;
    }

    /** The last {@code limit} traces that hold an MCP request (1 to 50), newest first, as indented trees. */
    @GET
    @Path("traces")
    @Produces("text/plain")
    public String traces(@QueryParam("limit") @DefaultValue("3") String limit) {
        int count;
        try {
            count = Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            count = 3; // not a number: the default, rather than an error page for a person with curl
        }
        return TraceTrees.render(received.spans(), Math.max(1, Math.min(count, 50)));
    }

    /** The server's own metrics (MCP, credentials, sessions, fault tolerance, HTTP), one data point per line. */
    @GET
    @Path("metrics")
    @Produces("text/plain")
    public String metrics() {
        return MetricsText.render(received.metrics());
    }
}
