package dev.delegatemcp.server.remote;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import dev.delegatemcp.wire.mcp.ProtocolVersion.Era;

/**
 * The era each remote MCP server was found to speak, by endpoint URL, kept for the life of the application (MCP
 * 2026-07-28, Versioning, Backward Compatibility: "The era determination is a property of the server ... Clients
 * SHOULD cache the result ... re-probing if the cached assumption later fails"). Keyed by the endpoint rather than
 * the origin, since two endpoints of one origin may be different servers. Its size is bounded by the configured
 * targets: URLs come from configuration ({@code mcp.downstream.<name>.mcp-url}), never from a request. Thread-safe.
 */
final class RemoteEras {

    private final ConcurrentMap<URI, Era> eras = new ConcurrentHashMap<>();

    /** The era found for this endpoint, if any. */
    Optional<Era> get(URI url) {
        return Optional.ofNullable(eras.get(url.normalize()));
    }

    void remember(URI url, Era era) {
        eras.put(url.normalize(), era);
    }

    /** Forgets the era found, so that the next use probes again. */
    void forget(URI url) {
        eras.remove(url.normalize());
    }
}
