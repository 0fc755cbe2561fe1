package dev.delegatemcp.server.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

class DetachedResponseTest {

    private final ServletFakes.Response servlet = new ServletFakes.Response();
    private final List<String> asyncCalls = new ArrayList<>();
    private final AsyncContext async = (AsyncContext) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {AsyncContext.class}, (proxy, method, args) -> {
                asyncCalls.add(method.getName() + (args == null ? "" : "(" + args[0] + ")"));
                return null;
            });

    @Test
    void detachingMakesTheServletRequestAsynchronousWithoutATimeLimitAndTakesTheResponseFromJaxRs() {
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    assertEquals("startAsync", method.getName());
                    assertEquals(null, args, "startAsync() with the container's own request and response");
                    return async;
                });
        UpgradableResponse wrapped = new UpgradableResponse(null, servlet.proxy);
        DetachedResponse detached = DetachedResponse.detach(request, wrapped);
        assertEquals(List.of("setTimeout(0)"), asyncCalls);
        wrapped.setStatus(204); // what JAX-RS does when the method returned null
        assertEquals(List.of(), servlet.calls, "dropped: the answer is the worker's to write");
        detached.finish(Response.ok("{}", MediaType.APPLICATION_JSON).build());
        assertTrue(servlet.calls.contains("setStatus(200)"));
    }

    @Test
    void theAnswersStatusHeadersContentTypeAndUtf8BodyAreWrittenThenTheRequestEnds() {
        DetachedResponse detached = new DetachedResponse(async, servlet.proxy);
        detached.finish(Response.status(403).type(MediaType.APPLICATION_JSON)
                .header("WWW-Authenticate", "Bearer error=\"insufficient_scope\"").entity("{\"m\":\"é\"}").build());
        assertEquals(
                List.of("isCommitted()", "setStatus(403)",
                        "addHeader(WWW-Authenticate, Bearer error=\"insufficient_scope\")",
                        "setContentType(application/json)", "setContentLength(10)", "getOutputStream()"),
                servlet.calls);
        assertEquals("{\"m\":\"é\"}", servlet.body.text());
        assertEquals(List.of("complete"), asyncCalls);
    }

    @Test
    void aTextAnswerNamesItsUtf8CharsetAsJaxRsDoesAndJsonIsLeftAsItIs() {
        new DetachedResponse(async, servlet.proxy)
                .finish(Response.ok("event: message\ndata: {}\n\n", "text/event-stream")
                        .build());
        assertTrue(servlet.calls.contains("setContentType(text/event-stream;charset=UTF-8)"), servlet.calls.toString());
        ServletFakes.Response json = new ServletFakes.Response();
        new DetachedResponse(async, json.proxy).finish(Response.ok("{}", MediaType.APPLICATION_JSON).build());
        assertTrue(json.calls.contains("setContentType(application/json)"), json.calls.toString());
    }

    @Test
    void onlyTheFirstAnswerIsWritten() {
        DetachedResponse detached = new DetachedResponse(async, servlet.proxy);
        detached.finish(null); // ended: the application stopping
        detached.finish(Response.ok("late").build());
        assertEquals(List.of(), servlet.calls);
        assertEquals(List.of("complete"), asyncCalls);
    }

    @Test
    void aClientThatWentAwayStillEndsTheRequestAndNothingIsThrown() {
        servlet.bodyUnavailable = true;
        new DetachedResponse(async, servlet.proxy).finish(Response.ok("{}").build());
        assertEquals(List.of("complete"), asyncCalls);
    }

    @Test
    void anEventStreamAlreadyWrittenIsEndedWithNothingWrittenOverIt() {
        new DetachedResponse(async, servlet.proxy).finish(null);
        assertEquals(List.of(), servlet.calls);
        assertEquals(List.of("complete"), asyncCalls);
    }

    @Test
    void anAnswerAfterAnEventStreamWasCommittedIsDroppedAndTheRequestEnds() {
        servlet.committed = true; // a request that streamed, then failed: its 500 cannot replace the stream
        new DetachedResponse(async, servlet.proxy).finish(Response.serverError().entity("{}").build());
        assertEquals(List.of("isCommitted()"), servlet.calls);
        assertEquals(List.of("complete"), asyncCalls);
    }
}
