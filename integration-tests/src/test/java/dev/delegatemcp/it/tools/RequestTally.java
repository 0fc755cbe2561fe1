package dev.delegatemcp.it.tools;

import jakarta.enterprise.context.RequestScoped;

/** A tool author's own request-scoped bean: one per MCP request, wherever the request is served. Test deployments. */
@RequestScoped
public class RequestTally {

    private int count;

    /** Counts one more use within the current request. */
    public int next() {
        return ++count;
    }
}
