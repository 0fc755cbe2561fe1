package dev.delegatemcp.api.resource;

/**
 * Thrown by a resource method when there is no resource at the URI after all, e.g. a template whose {@code id} names
 * no record: the client gets the same answer as for a URI no resource matches, JSON-RPC -32002 "Resource not found"
 * with {@code data: {"uri": ...}} (MCP 2025-11-25, Server features, Resources, Error Handling).
 */
public class ResourceNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ResourceNotFoundException() {
        super("Resource not found", null, false, false);
    }
}
