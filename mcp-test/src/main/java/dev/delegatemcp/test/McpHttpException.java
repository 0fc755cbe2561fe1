package dev.delegatemcp.test;

import java.net.http.HttpHeaders;

/**
 * The server answered an MCP request with an HTTP status other than the transport's success (Streamable HTTP, MCP
 * 2025-11-25): 401 without or with a bad token and 403 for missing scopes (both with {@code WWW-Authenticate}, MCP
 * Authorization section "Error Handling"), 404 for an unknown session, 400, 406, 415 for a malformed request, 429 or
 * 503 when the server sheds load.
 */
public final class McpHttpException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient HttpHeaders headers;
    private final String body;

    McpHttpException(String method, int status, HttpHeaders headers, String body) {
        super(method + " got HTTP " + status
                + headers.firstValue("WWW-Authenticate").map(value -> " (WWW-Authenticate: " + value + ")").orElse(""));
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The first value of a response header, or null. */
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** The {@code WWW-Authenticate} header (RFC 6750 section 3, RFC 9728 section 5.1), or null. */
    public String wwwAuthenticate() {
        return header("WWW-Authenticate");
    }

    /** The response body as text (empty when none). */
    public String body() {
        return body;
    }
}
