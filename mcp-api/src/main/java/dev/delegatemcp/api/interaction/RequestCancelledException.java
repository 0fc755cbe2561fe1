package dev.delegatemcp.api.interaction;

/**
 * The client cancelled the request being served. Let it propagate: the server sends no response for a cancelled
 * request (MCP 2025-11-25, Utilities, Cancellation), and releases what the method holds as any exception does.
 */
public class RequestCancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RequestCancelledException() {
        super("The client cancelled the request.");
    }
}
