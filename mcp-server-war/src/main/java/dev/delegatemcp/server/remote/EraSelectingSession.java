package dev.delegatemcp.server.remote;

import java.net.URI;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.delegatemcp.wire.mcp.ProtocolVersion.Era;
import jakarta.json.JsonObject;

/**
 * Speaks to a remote server in its era (MCP 2026-07-28, Versioning, Backward Compatibility: a dual-era client): the
 * era {@link RemoteEras} remembers for the endpoint, else the one {@link RemoteEraProbe} finds (then remembered),
 * and sends through {@link StatelessRemoteSession} (modern) or {@link RemoteMcpSession} (legacy).
 *
 * <ul>
 * <li>Each request begins the credential's budget ({@link RemoteCredential#beginRequest()}): the probe and the
 * request share its one refresh.</li>
 * <li>When a modern request gets a legacy answer ({@link NotModernAnswerException}), the era is forgotten and probed
 * again, once per request: legacy now, the request goes to the legacy session; still modern, the answer's own
 * failure is thrown.</li>
 * <li>A probe that ends in a failure (no answer, 403, 5xx...) throws it and remembers nothing.</li>
 * <li>Logging: FINE, the target name and the era found. Nothing else.</li>
 * </ul>
 * Not thread-safe: {@link StreamableHttpRemoteMcpServer} serializes the calls.
 */
final class EraSelectingSession implements RemoteSession {

    private static final Logger LOG = Logger.getLogger(EraSelectingSession.class.getName());

    private final URI url;
    private final RemoteEras eras;
    private final RemoteEraProbe probe;
    private final RemoteCredential credential;
    private final RemoteSession legacy;
    private final RemoteSession modern;
    private final String target;

    /**
     * @param url the endpoint, the key in {@code eras}
     * @param eras the eras found so far (shared by every client)
     * @param probe finds the era
     * @param credential the caller's credential, shared by the probe and both sessions
     * @param legacy the session for a legacy server (nothing sent before its first request)
     * @param modern the session for a modern server
     * @param target the logical target name, for the log
     */
    EraSelectingSession(URI url, RemoteEras eras, RemoteEraProbe probe, RemoteCredential credential,
            RemoteSession legacy, RemoteSession modern, String target) {
        this.url = url;
        this.eras = eras;
        this.probe = probe;
        this.credential = credential;
        this.legacy = legacy;
        this.modern = modern;
        this.target = target;
    }

    @Override
    public JsonObject request(String method, Object params) {
        credential.beginRequest();
        boolean probedAgain = false;
        while (true) {
            Era era = eras.get(url).orElseGet(this::probe);
            if (era == Era.SESSION) {
                return legacy.request(method, params);
            }
            try {
                return modern.request(method, params);
            } catch (NotModernAnswerException e) {
                if (probedAgain) {
                    throw e.failure();
                }
                probedAgain = true;
                eras.forget(url);
                if (probe() == Era.STATELESS) {
                    throw e.failure();
                }
            }
        }
    }

    private Era probe() {
        Era era = probe.probe();
        eras.remember(url, era);
        LOG.log(Level.FINE, "Remote MCP {0} speaks the {1} era", new Object[] {target, era});
        return era;
    }
}
