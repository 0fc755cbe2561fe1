package dev.delegatemcp.server.protocol;

import java.util.Optional;
import java.util.Set;

import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import jakarta.json.JsonObject;

/**
 * The extension point of the protocol layer: one MCP feature (tools, and next resources, prompts, completions), a CDI
 * bean the dispatcher finds at start-up. It serves its methods and announces its capability at {@code initialize};
 * adding a primitive means adding a feature, not editing the dispatcher, the transport or {@code initialize}.
 * <p>
 * A feature throws {@link JsonRpcException} for protocol faults, a {@code security} exception for missing scopes, and
 * lets {@link dev.delegatemcp.api.interaction.ConnectionRequiredException} through: the protocol layer renders that
 * outcome ({@link dev.delegatemcp.server.protocol.outcome.OutcomeRenderer}).
 */
public interface McpFeature {

    /** A capability announced in the result of {@code initialize}: its name and its options (a wire record). */
    record Capability(String name, Object options) {
    }

    /** The methods this feature serves, e.g. {@code tools/list} and {@code tools/call}; no two features share one. */
    Set<String> methods();

    /** What {@code initialize} announces for this feature; empty for none. */
    default Optional<Capability> capability() {
        return Optional.empty();
    }

    /**
     * Whether a result of {@code method} is cacheable (MCP 2026-07-28, Caching: lists, {@code resources/read},
     * {@code server/discover}) and by whom; empty for results that are not.
     */
    default Optional<CacheScope> cacheScope(String method) {
        return Optional.empty();
    }

    /**
     * Serves one request.
     *
     * @param params the request's params (an empty object when absent)
     * @return the result: a record of the wire module (or a JSON-P value), written by the transport
     * @throws JsonRpcException for a protocol fault, e.g. -32602 for bad params
     */
    Object handle(JsonObject params, RequestContext context);
}
