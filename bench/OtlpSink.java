import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

/**
 * An OTLP/HTTP endpoint that reads and discards what it gets (200, empty body), for bench/run with BENCH_TELEMETRY=1:
 * the server then pays for recording and exporting every span and metric, but no collector competes for the CPU
 * beyond reading the bytes. Prints the requests and bytes received per path when it is stopped (SIGTERM).
 * Run as a single-file program: java bench/OtlpSink.java [port].
 */
public final class OtlpSink {

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 4318;
        AtomicLong traces = new AtomicLong();
        AtomicLong metrics = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 64);
        server.createContext("/", exchange -> {
            (exchange.getRequestURI().getPath().endsWith("/v1/traces") ? traces : metrics).incrementAndGet();
            try (InputStream body = exchange.getRequestBody()) {
                bytes.addAndGet(body.transferTo(java.io.OutputStream.nullOutputStream()));
            }
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(2));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.printf(
                "otlp-sink: %d trace exports, %d metric exports, %.1f MB received%n", traces.get(), metrics.get(),
                bytes.get() / 1e6)));
        server.start();
        System.out.println("otlp-sink listening on http://localhost:" + port);
    }
}
