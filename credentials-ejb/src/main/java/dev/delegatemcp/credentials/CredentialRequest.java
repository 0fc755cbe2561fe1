package dev.delegatemcp.credentials;

import java.util.List;
import java.util.Objects;

import dev.delegatemcp.api.Downstream;
import dev.delegatemcp.api.interaction.TraceContext;

/**
 * A request for a downstream credential on behalf of the current caller.
 *
 * @param subjectToken the caller's validated inbound access token (exchanged, never forwarded)
 * @param subjectTokenDigest {@link CredentialKey#digestOf}{@code (subjectToken)} when the caller keeps it for the
 *        token (it must be exactly that: it keys the cache in place of the token), or null to have it computed here
 * @param subject the caller's sub, for audit
 * @param tenant the caller's tenant, or null
 * @param mcpClient the MCP client (azp/client_id), or null, for audit
 * @param target the logical target name
 * @param level user or tenant credential
 * @param scopes requested scopes; empty means the target's defaults
 * @param trace the W3C trace context of the MCP request being served, or null: sent on to the STS and the vault as
 *        {@code traceparent}/{@code tracestate} headers; no part of the cache key (a cached credential serves any
 *        trace)
 */
public record CredentialRequest(String subjectToken, String subjectTokenDigest, String subject, String tenant,
        String mcpClient, String target, Downstream.Level level, List<String> scopes, TraceContext trace) {

    public CredentialRequest {
        Objects.requireNonNull(subjectToken, "subjectToken");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(level, "level");
        scopes = List.copyOf(scopes);
        // It keys the cache in place of the token: a digest of another token would serve that token's credential.
        // Checked where assertions are on (the tests); computing it again here would undo what keeping it saves.
        assert subjectTokenDigest == null || subjectTokenDigest.equals(CredentialKey.digestOf(subjectToken))
                : "subjectTokenDigest is not the digest of subjectToken";
    }

    /** A request whose token's digest is computed when needed. */
    public CredentialRequest(String subjectToken, String subject, String tenant, String mcpClient, String target,
            Downstream.Level level, List<String> scopes, TraceContext trace) {
        this(subjectToken, null, subject, tenant, mcpClient, target, level, scopes, trace);
    }

    /** A request without trace context, whose token's digest is computed when needed. */
    public CredentialRequest(String subjectToken, String subject, String tenant, String mcpClient, String target,
            Downstream.Level level, List<String> scopes) {
        this(subjectToken, null, subject, tenant, mcpClient, target, level, scopes, null);
    }

    /** The digest of the subject token: the one handed in, else computed. */
    String digest() {
        return subjectTokenDigest != null ? subjectTokenDigest : CredentialKey.digestOf(subjectToken);
    }

    @Override
    public String toString() {
        return "CredentialRequest[subject=" + subject + ", tenant=" + tenant + ", target=" + target + ", level=" + level
                + ", scopes=" + scopes + "]";
    }
}
