package dev.delegatemcp.server.protocol.stream;

import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.interaction.Cancellation;
import dev.delegatemcp.api.interaction.Elicitation;
import dev.delegatemcp.api.interaction.McpLog;
import dev.delegatemcp.api.interaction.McpRequest;
import dev.delegatemcp.api.interaction.Progress;
import dev.delegatemcp.api.interaction.Roots;
import dev.delegatemcp.api.interaction.Sampling;
import jakarta.enterprise.context.RequestScoped;

/**
 * The {@link McpRequest} being served in this HTTP request, for {@code @Inject McpRequest}: a request-scoped bean that
 * forwards to the interaction the transport started; outside one, every call fails with
 * {@link IllegalStateException}.
 */
@RequestScoped
public class CurrentRequest implements McpRequest {

    private McpRequest interaction;

    public void set(McpRequest started) {
        this.interaction = started;
    }

    private McpRequest interaction() {
        if (interaction == null) {
            throw new IllegalStateException("no MCP request is being served on this thread");
        }
        return interaction;
    }

    @Override
    public McpCaller caller() {
        return interaction().caller();
    }

    @Override
    public Progress progress() {
        return interaction().progress();
    }

    @Override
    public McpLog log() {
        return interaction().log();
    }

    @Override
    public Cancellation cancellation() {
        return interaction().cancellation();
    }

    @Override
    public Sampling sampling() {
        return interaction().sampling();
    }

    @Override
    public Elicitation elicitation() {
        return interaction().elicitation();
    }

    @Override
    public Roots roots() {
        return interaction().roots();
    }

    @Override
    public void releaseConnection() {
        interaction().releaseConnection();
    }
}
