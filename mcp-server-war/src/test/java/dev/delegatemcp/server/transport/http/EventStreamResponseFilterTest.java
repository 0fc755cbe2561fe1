package dev.delegatemcp.server.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

class EventStreamResponseFilterTest {

    private final ServletFakes.Response servlet = new ServletFakes.Response();
    private final AtomicReference<ServletResponse> passedOn = new AtomicReference<>();

    private HttpServletRequest filter(String method) throws Exception {
        HttpServletRequest request = ServletFakes.request(method, Map.of());
        new EventStreamResponseFilter().doFilter(request, servlet.proxy, (req, res) -> passedOn.set(res));
        return request;
    }

    @Test
    void aPostGoesOnWithAResponseThatCanBecomeAStreamFoundAsARequestAttribute() throws Exception {
        HttpServletRequest request = filter("POST");
        UpgradableResponse wrapped = assertInstanceOf(UpgradableResponse.class, passedOn.get());
        assertSame(wrapped, request.getAttribute(EventStreamResponseFilter.ATTRIBUTE));
        assertSame(servlet.proxy, wrapped.getResponse());
        assertSame(request, wrapped.request(), "the container's request, for the endpoint to read directly");
    }

    @Test
    void otherMethodsGoOnWithTheirOwnResponse() throws Exception {
        for (String method : new String[] {"GET", "DELETE", "OPTIONS"}) {
            HttpServletRequest request = filter(method);
            assertSame(servlet.proxy, passedOn.get());
            assertNull(request.getAttribute(EventStreamResponseFilter.ATTRIBUTE));
        }
    }

    @Test
    void aGetsEventStreamIsNeitherCachedNorBufferedByProxies() throws Exception {
        filter("GET");
        assertEquals(List.of("setHeader(Cache-Control, no-cache)", "setHeader(X-Accel-Buffering, no)"), servlet.calls);
        servlet.calls.clear();
        filter("DELETE");
        filter("OPTIONS");
        assertEquals(List.of(), servlet.calls);
    }
}
