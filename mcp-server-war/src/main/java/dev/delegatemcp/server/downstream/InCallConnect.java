package dev.delegatemcp.server.downstream;

import java.time.Duration;
import java.util.function.Supplier;

import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.ToolCallException;
import dev.delegatemcp.api.interaction.ClientInteractionException;
import dev.delegatemcp.api.interaction.ConnectionRequiredException;
import dev.delegatemcp.api.interaction.ElicitationResult;
import dev.delegatemcp.api.interaction.McpRequest;
import dev.delegatemcp.api.interaction.RequestCancelledException;

/**
 * Connecting a service inside the call that needs it (MCP 2025-11-25, Elicitation, URL mode: "the server needs the
 * user to authorize a third party"): the connect URL goes to the client as a URL elicitation; once the user agreed,
 * the vault is asked every {@code mcp.connect.poll-interval} whether the connection exists, for at most
 * {@code mcp.connect.wait}; when it does, {@code notifications/elicitation/complete} tells the client and the call goes
 * on with the new credential. The user's own connection only: a tenant connection needs an administrator. A client of
 * MCP 2026-07-28 answers the URL elicitation on its retry, once the user acted: then the vault is asked once, without
 * waiting (the elicitation carries no id there, and nothing is sent on completion).
 * <p>
 * Falls back to the answer of clients without this ({@link ConnectionRequiredException}, rendered as -32042 or an
 * {@code isError} text) when the client does not do URL elicitation, refuses the request, or is not reachable.
 */
final class InCallConnect {

    /** Waits between polls; a test replaces it. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final ConnectConfig config;
    private final Sleeper sleeper;

    InCallConnect(ConnectConfig config, Sleeper sleeper) {
        this.config = config;
        this.sleeper = sleeper;
    }

    /**
     * @param request the request being served, or null outside one
     * @param required what the first attempt said
     * @param attempt asks for the credential again
     * @return the credential once the user connected
     * @throws ConnectionRequiredException when connecting inside the call is not possible here
     * @throws ToolCallException when the user declined, or did not finish connecting in time
     * @throws RequestCancelledException when the client cancelled the call meanwhile
     */
    DownstreamCredential connect(McpRequest request, ConnectionRequiredException required,
            Supplier<DownstreamCredential> attempt) {
        if (!config.inCall() || request == null || required.connectUrl().isEmpty() || !urlSupported(request)) {
            throw required;
        }
        ElicitationResult answer;
        try {
            answer = request.elicitation().url(required.elicitationMessage(), required.connectUrl().orElseThrow());
        } catch (ClientInteractionException e) {
            throw required;
        }
        if (!answer.accepted()) {
            throw new ToolCallException("You chose not to connect " + required.target()
                    + " now, and this tool needs it. Call it again when you want to connect.");
        }
        if (answer.elicitationId() == null) {
            // MCP 2026-07-28: the answer came with the client's retry, after the user acted; there is no completion to
            // send and nothing to wait for. One look at the vault: connected, or the not-connected answer again (the
            // protocol layer says so; never a wait that holds this thread while nobody may be listening).
            return attempt.get();
        }
        long deadline = System.nanoTime() + config.waitLimit().toNanos();
        while (true) {
            request.cancellation().check();
            try {
                DownstreamCredential credential = attempt.get();
                request.elicitation().complete(answer.elicitationId());
                return credential;
            } catch (ConnectionRequiredException stillMissing) {
                if (System.nanoTime() - deadline >= 0) {
                    throw new ToolCallException("Connecting " + required.target() + " did not finish within "
                            + config.waitLimit().toMinutes() + " minutes. " + required.getMessage());
                }
            }
            try {
                sleeper.sleep(config.pollInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RequestCancelledException();
            }
        }
    }

    private static boolean urlSupported(McpRequest request) {
        try {
            return request.elicitation().urlSupported();
        } catch (IllegalStateException | jakarta.enterprise.context.ContextNotActiveException e) {
            return false; // not in a request (a list, a background use): no client to ask
        }
    }
}
