package dev.delegatemcp.it.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/**
 * An HTTP response of the MCP endpoint read event by event while it arrives, on a thread of its own: the event stream
 * a POST's response became, or a GET stream. {@link McpHttp} reads a POST's body whole and a GET stream up to its first
 * event; this one lets a test act between events (cancel, answer a request of the server) and see a stream end.
 */
public final class McpEventStream implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** One server-sent event; {@code data} is empty for a priming event. */
    public record Event(String id, String name, String data, Long retryMillis) {

        /** The data read as a JSON object. */
        public JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(data))) {
                return reader.readObject();
            }
        }
    }

    private static final Event END = new Event(null, null, null, null);

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private boolean ended;

    private McpEventStream(HttpResponse<InputStream> response) {
        this.response = response;
        Thread reader = new Thread(this::read, "mcp-event-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** POSTs one JSON-RPC message in the session and starts reading the response. */
    public static McpEventStream post(String token, String sessionId, String body) {
        return open(request(token, sessionId).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json"));
    }

    /**
     * POSTs {@code subscriptions/listen} as a client of MCP 2026-07-28 (no session; the revision and empty client
     * capabilities in {@code _meta}, the revision and method in the headers) and starts reading its stream.
     *
     * @param notifications the listen request's {@code notifications} filter (a JSON object)
     */
    public static McpEventStream listen(String token, int id, String notifications) {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"subscriptions/listen\",\"params\":{"
                + "\"notifications\":" + notifications + ",\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":"
                + "\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{}}}}";
        return open(HttpRequest.newBuilder(McpTestServer.mcp()).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, text/event-stream").header("MCP-Protocol-Version", "2026-07-28")
                .header("Mcp-Method", "subscriptions/listen").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Whether no event (and no end) arrives within {@code timeout}. */
    public boolean quietFor(Duration timeout) {
        try {
            Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                return true;
            }
            if (event == END) {
                ended = true;
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Opens a GET stream of the session, resuming after {@code lastEventId} when it is not null. */
    public static McpEventStream get(String token, String sessionId, String lastEventId) {
        HttpRequest.Builder request = request(token, sessionId).GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return open(request);
    }

    private static HttpRequest.Builder request(String token, String sessionId) {
        return HttpRequest.newBuilder(McpTestServer.mcp()).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, text/event-stream").header("Mcp-Session-Id", sessionId)
                .header("MCP-Protocol-Version", McpHttp.LATEST);
    }

    private static McpEventStream open(HttpRequest.Builder request) {
        try {
            return new McpEventStream(HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream())
                    .get(30, TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("no response headers within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public Optional<String> header(String name) {
        return response.headers().firstValue(name);
    }

    /** Whether the response is an event stream (else its body is one event holding the whole body). */
    public boolean isEventStream() {
        return header("Content-Type").orElse("").startsWith("text/event-stream");
    }

    /**
     * The next event.
     *
     * @return empty when the stream ended
     * @throws AssertionError when none arrives in time
     */
    public Optional<Event> next(Duration timeout) {
        if (ended) {
            return Optional.empty();
        }
        Event event;
        try {
            event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        if (event == null) {
            throw new AssertionError("no event and no end of the stream within " + timeout);
        }
        if (event == END) {
            ended = true;
            return Optional.empty();
        }
        return Optional.of(event);
    }

    /** The next event, which must come in time and must not be the end. */
    public Event nextEvent(Duration timeout) {
        return next(timeout).orElseThrow(() -> new AssertionError("the stream ended"));
    }

    /**
     * The events up to the end of the stream.
     *
     * @throws AssertionError when the stream does not end in time
     */
    public List<Event> awaitEnd(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Event> rest = new ArrayList<>();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("the stream did not end within " + timeout + "; events: " + rest);
            }
            Optional<Event> event = next(Duration.ofNanos(left));
            if (event.isEmpty()) {
                return rest;
            }
            rest.add(event.get());
        }
    }

    /** Lets go of the connection. */
    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // gone already
        }
    }

    private void read() {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            if (!isEventStream()) {
                StringBuilder body = new StringBuilder();
                for (String line; (line = reader.readLine()) != null;) {
                    body.append(line).append('\n');
                }
                events.add(new Event(null, null, body.toString().strip(), null));
                return;
            }
            String id = null;
            String name = null;
            Long retry = null;
            StringBuilder data = null;
            for (String line; (line = reader.readLine()) != null;) {
                if (line.isEmpty()) {
                    if (data != null || id != null || retry != null) {
                        events.add(new Event(id, name, data == null ? "" : data.toString(), retry));
                    }
                    id = null;
                    name = null;
                    retry = null;
                    data = null;
                } else if (line.startsWith("data:")) {
                    data = data == null ? new StringBuilder() : data.append('\n');
                    data.append(field(line, "data:"));
                } else if (line.startsWith("id:")) {
                    id = field(line, "id:");
                } else if (line.startsWith("event:")) {
                    name = field(line, "event:");
                } else if (line.startsWith("retry:")) {
                    retry = Long.valueOf(field(line, "retry:"));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // closed by the test, or the connection broke: either way the stream is over
        } finally {
            events.add(END);
        }
    }

    private static String field(String line, String prefix) {
        String value = line.substring(prefix.length());
        return value.startsWith(" ") ? value.substring(1) : value;
    }
}
