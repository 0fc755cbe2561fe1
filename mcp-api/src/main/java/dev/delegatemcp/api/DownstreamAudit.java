package dev.delegatemcp.api;

import java.time.Instant;
import java.util.List;

/**
 * One attempt to obtain a downstream credential, as an audit record. The server logs each one as a JSON line on
 * the {@code dev.delegatemcp.audit} logger and fires it as a CDI event: {@code void on(@Observes DownstreamAudit a)}.
 * It never holds a token or secret.
 *
 * @param time when the attempt started
 * @param subject the user (the inbound token's sub)
 * @param tenant the user's tenant, or null
 * @param mcpClient the MCP client that obtained the inbound token (azp/client_id), or null
 * @param serverClientId this server's client id at the STS
 * @param target the logical target name
 * @param level USER or TENANT
 * @param scopes the requested scopes
 * @param outcome GRANTED, DENIED, NOT_CONNECTED or ERROR
 * @param stsError the STS's error code (RFC 6749), or null
 * @param cacheHit whether the credential came from the cache (no STS call)
 * @param durationMillis how long it took
 * @param traceId the W3C trace id (32 lower-case hex digits) of the request's trace: the one OpenTelemetry records
 *        it in, else the one of the client's {@code traceparent}; null without either. The same id as the request's
 *        spans and log lines
 */
public record DownstreamAudit(Instant time, String subject, String tenant, String mcpClient, String serverClientId,
        String target, String level, List<String> scopes, Outcome outcome, String stsError, boolean cacheHit,
        long durationMillis, String traceId) {

    /** The result of the attempt. */
    public enum Outcome {
        /** A credential was handed to the tool. */
        GRANTED,
        /** The STS's policy refused it, or the target is not available to the user or this server. */
        DENIED,
        /** The user (or tenant) has not connected the service, or not with the needed scopes. */
        NOT_CONNECTED,
        /** The STS failed or could not be reached. */
        ERROR
    }

    /** A record without a trace id (as before 0.1's OpenTelemetry support). */
    public DownstreamAudit(Instant time, String subject, String tenant, String mcpClient, String serverClientId,
            String target, String level, List<String> scopes, Outcome outcome, String stsError, boolean cacheHit,
            long durationMillis) {
        this(time, subject, tenant, mcpClient, serverClientId, target, level, scopes, outcome, stsError, cacheHit,
                durationMillis, null);
    }

    public DownstreamAudit {
        scopes = List.copyOf(scopes);
    }
}
