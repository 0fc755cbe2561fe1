package dev.delegatemcp.server.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnreadableHeadersFilterTest {

    /** The response the filter aborted with, or null when it let the request through. */
    private static Response filter(String contentType, String accept) {
        return filter(new UnreadableHeadersFilter(), contentType, accept, new AtomicInteger());
    }

    /** As above, through {@code filter}, counting in {@code parses} how often the Accept header was parsed. */
    private static Response filter(UnreadableHeadersFilter filter, String contentType, String accept,
            AtomicInteger parses) {
        AtomicReference<Response> aborted = new AtomicReference<>();
        ContainerRequestContext request = (ContainerRequestContext) Proxy.newProxyInstance(
                UnreadableHeadersFilterTest.class.getClassLoader(), new Class<?>[] {ContainerRequestContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getMediaType" -> contentType == null ? null : MediaType.valueOf(contentType);
                    case "getHeaderString" -> "Accept".equals(args[0]) ? accept : null;
                    case "getAcceptableMediaTypes" -> {
                        parses.incrementAndGet();
                        yield accept == null ? List.of(MediaType.WILDCARD_TYPE)
                                : java.util.Arrays.stream(accept.split(",")).map(String::trim)
                                        .map(MediaType::valueOf).toList();
                    }
                    case "abortWith" -> {
                        aborted.set((Response) args[0]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        filter.filter(request);
        return aborted.get();
    }

    @org.junit.jupiter.api.Test
    void eachAcceptValueIsParsedOnceAndKeepsItsVerdict() {
        UnreadableHeadersFilter filter = new UnreadableHeadersFilter();
        AtomicInteger parses = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            assertNull(filter(filter, "application/json", "application/json, text/event-stream", parses));
            assertEquals(400, filter(filter, "application/json", "application/json; q=abc", parses).getStatus());
            assertEquals(400, filter(filter, "application/json", ";;;", parses).getStatus());
        }
        assertEquals(3, parses.get(), "one parse per distinct value");
        String long1 = "application/json, text/event-stream, " + "text/plain, ".repeat(30) + "*/*";
        assertNull(filter(filter, "application/json", long1, parses));
        assertNull(filter(filter, "application/json", long1, parses));
        assertEquals(5, parses.get(), "a value longer than the cached ones is read each time, not kept");
        // Content-Type is checked on every request, whatever the Accept value seen before.
        assertEquals(400, filter(filter, "application/json; q=abc", "application/json, text/event-stream", parses)
                .getStatus());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json, text/event-stream", "application/json;q=0.5, */*;q=0",
        "text/event-stream; q=1.000", "application/json; q=0.123", "*/*"})
    void readableHeadersPass(String accept) {
        assertNull(filter("application/json", accept));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json; q=abc", "application/json; q=2", "application/json; q=1.5",
        "application/json; q=0.1234", "application/json; q=-1", "application/json; q="})
    void aMalformedWeightInAcceptIsA400WithAJsonRpcError(String accept) {
        Response response = filter("application/json", accept);
        assertEquals(400, response.getStatus());
        assertEquals(RejectedRequestMapper.body(400), response.getEntity());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json; q=abc", "application/json; q=9"})
    void aMalformedWeightInContentTypeIsA400(String contentType) {
        assertEquals(400, filter(contentType, null).getStatus());
    }

    @ParameterizedTest
    @ValueSource(strings = {";;;", "///"})
    void aHeaderJaxRsCannotParseIsA400(String accept) {
        assertEquals(400, filter("application/json", accept).getStatus());
    }
}
