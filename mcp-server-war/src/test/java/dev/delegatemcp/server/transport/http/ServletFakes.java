package dev.delegatemcp.server.transport.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Servlet objects for the transport's unit tests: a response that records what is done to it, a request. */
final class ServletFakes {

    private ServletFakes() {
    }

    /** A servlet body that keeps what is written, and can be made to fail like a connection the client left. */
    static final class Body extends ServletOutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean failing;
        boolean closed;
        int flushes;

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void write(int b) throws IOException {
            if (failing) {
                throw new IOException("Broken pipe");
            }
            bytes.write(b);
        }

        @Override
        public void flush() throws IOException {
            if (failing) {
                throw new IOException("Broken pipe");
            }
            flushes++;
        }

        @Override
        public void close() throws IOException {
            closed = true;
            if (failing) {
                throw new IOException("Broken pipe");
            }
        }

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    /** A response that records every call made to it, as {@code name(arg, ...)}. */
    static final class Response {
        final List<String> calls = new ArrayList<>();
        final Body body = new Body();
        boolean bodyUnavailable;
        boolean committed;
        final HttpServletResponse proxy = (HttpServletResponse) Proxy.newProxyInstance(
                ServletFakes.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (self, method, args) -> {
                    calls.add(method.getName() + (args == null ? "()"
                            : "(" + String.join(", ", java.util.Arrays.stream(args).map(String::valueOf).toList())
                                    + ")"));
                    if (method.getName().equals("getOutputStream")) {
                        if (bodyUnavailable) {
                            throw new IOException("the client went away");
                        }
                        return body;
                    }
                    if (method.getName().equals("isCommitted")) {
                        return committed;
                    }
                    Class<?> type = method.getReturnType();
                    if (type == boolean.class) {
                        return false;
                    }
                    if (type == int.class) {
                        return 0;
                    }
                    if (type == long.class) {
                        return 0L;
                    }
                    return null;
                });
    }

    /** A request with a method and attributes, at the MCP endpoint's own path ({@code <context root>/mcp}). */
    static HttpServletRequest request(String method, Map<String, Object> attributes) {
        return requestAt(method, "", "/mcp", attributes);
    }

    /** A request with a method and attributes, at a servlet path and path info of the web module. */
    static HttpServletRequest requestAt(String method, String servletPath, String pathInfo,
            Map<String, Object> attributes) {
        Map<String, Object> values = new HashMap<>(attributes);
        return (HttpServletRequest) Proxy.newProxyInstance(ServletFakes.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (self, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getServletPath" -> servletPath;
                    case "getPathInfo" -> pathInfo;
                    case "getAttribute" -> values.get((String) args[0]);
                    case "setAttribute" -> {
                        values.put((String) args[0], args[1]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    /** A request with these headers (names looked up in any case, as the servlet API does). */
    static HttpServletRequest requestWithHeaders(Map<String, List<String>> headers) {
        java.util.TreeMap<String, List<String>> byName = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        return (HttpServletRequest) Proxy.newProxyInstance(ServletFakes.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (self, m, args) -> switch (m.getName()) {
                    case "getHeaderNames" -> java.util.Collections.enumeration(headers.keySet());
                    case "getHeaders" -> java.util.Collections
                            .enumeration(byName.getOrDefault((String) args[0], List.of()));
                    case "getHeader" -> byName.getOrDefault((String) args[0], List.of()).stream().findFirst()
                            .orElse(null);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
