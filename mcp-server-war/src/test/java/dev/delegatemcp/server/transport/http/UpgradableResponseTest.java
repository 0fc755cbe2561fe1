package dev.delegatemcp.server.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

class UpgradableResponseTest {

    private final ServletFakes.Response servlet = new ServletFakes.Response();
    private final UpgradableResponse response = new UpgradableResponse(null, servlet.proxy);

    @Test
    void untilItBecomesAStreamEveryCallReachesTheResponse() throws IOException {
        response.setStatus(201);
        response.setHeader("X-A", "1");
        response.addHeader("X-B", "2");
        response.setContentType("application/json");
        response.setContentLength(2);
        assertSame(servlet.body, response.getOutputStream());
        assertEquals(List.of("setStatus(201)", "setHeader(X-A, 1)", "addHeader(X-B, 2)",
                "setContentType(application/json)", "setContentLength(2)", "getOutputStream()"), servlet.calls);
    }

    @Test
    void becomingAStreamCommitsA200EventStreamThatIsNeitherCachedNorBufferedByProxies() throws IOException {
        assertSame(servlet.body, response.upgrade());
        assertEquals(List.of("setStatus(200)", "setContentType(text/event-stream;charset=UTF-8)",
                "setHeader(Cache-Control, no-cache)", "setHeader(X-Accel-Buffering, no)", "getOutputStream()"),
                servlet.calls);
        assertEquals(1, servlet.body.flushes, "the headers leave at once");
    }

    @Test
    void afterwardsWhatJaxRsDoesToTheResponseIsDropped() throws IOException {
        response.upgrade();
        servlet.calls.clear();
        response.setStatus(204);
        response.sendError(500);
        response.sendError(500, "x");
        response.setHeader("Content-Type", "application/json");
        response.addHeader("X", "y");
        response.setIntHeader("X", 1);
        response.addIntHeader("X", 1);
        response.setDateHeader("X", 1);
        response.addDateHeader("X", 1);
        response.setContentType("application/json");
        response.setContentLength(0);
        response.setContentLengthLong(0);
        response.setCharacterEncoding("ISO-8859-1");
        response.flushBuffer();
        response.reset();
        response.resetBuffer();
        response.getOutputStream().write("ignored".getBytes());
        response.getWriter().write("ignored");
        assertEquals(List.of(), servlet.calls);
        assertNotSame(servlet.body, response.getOutputStream());
        assertEquals("", servlet.body.text());
    }

    @Test
    void aClientThatWentAwayBeforeTheStreamOpenedFailsTheUpgrade() {
        servlet.bodyUnavailable = true;
        assertThrows(IOException.class, response::upgrade);
        response.setStatus(500);
        assertTrue(servlet.calls.contains("setStatus(500)"), "still a plain response");
    }
}
