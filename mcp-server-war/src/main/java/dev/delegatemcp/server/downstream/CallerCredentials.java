package dev.delegatemcp.server.downstream;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import dev.delegatemcp.api.Downstream;
import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.ToolCallException;
import dev.delegatemcp.api.interaction.ConnectionRequiredException;
import dev.delegatemcp.api.interaction.McpRequest;
import dev.delegatemcp.credentials.CredentialException;
import dev.delegatemcp.credentials.CredentialRequest;
import dev.delegatemcp.credentials.CredentialService;
import dev.delegatemcp.credentials.DownstreamTarget;
import dev.delegatemcp.server.security.CallerProducer;
import dev.delegatemcp.server.security.InboundToken;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The current caller's credential for a downstream target: asks the credential service with the caller's raw inbound
 * token (exchanged or used to find the stored token, never forwarded) and turns every failure into what the user
 * reads: a {@link ConnectionRequiredException} when the service is not connected yet, else a
 * {@link ToolCallException} with a sentence to act on. The trace context of the request being served goes with the
 * credential request, on to the STS or the vault, and so does the digest of the caller's token when the caller keeps
 * it ({@link CallerProducer#subjectTokenDigest}). Dependent: it holds no state of its own (it holds shared beans:
 * the application-scoped ones' instances themselves and dependent thread-local views), so those who use it call it
 * directly, not through a client proxy of its own.
 */
@Dependent
public class CallerCredentials {

    @Inject
    InboundToken inboundToken;

    /**
     * The caller is the one handed over with the token, or read from it here, rather than injected: a request-scoped
     * bean per request costs more. The instance itself, not its client proxy ({@link CallerProducer#instance}).
     */
    CallerProducer callers;

    @Inject
    void setCallers(CallerProducer proxy) {
        callers = proxy.instance().get();
    }

    /** The request being served, for its trace context (none outside a request). */
    @Inject
    McpRequest request;

    /** The instance itself, not its client proxy ({@link CredentialService#instance}). */
    CredentialService credentials;

    @Inject
    void setCredentials(CredentialService proxy) {
        credentials = proxy.instance().get();
    }

    /** The instance itself, not its client proxy ({@link NotConnectedCallers#instance}). */
    NotConnectedCallers notConnected;

    @Inject
    void setNotConnected(NotConnectedCallers proxy) {
        notConnected = proxy.instance().get();
    }

    /**
     * @param scopes the scopes to ask for; empty means the target's defaults
     * @throws ConnectionRequiredException when the caller (or tenant) has not connected the service
     * @throws ToolCallException for any other failure, with the user's sentence
     */
    public DownstreamCredential obtain(String target, Downstream.Level level, List<String> scopes) {
        JsonWebToken token = inboundToken.current();
        McpCaller caller = caller(token);
        String tenant = caller.tenant().orElse(null);
        if (level == Downstream.Level.TENANT && tenant == null) {
            throw new ToolCallException(DownstreamFailureMessages.noTenant(target));
        }
        CredentialRequest asked = new CredentialRequest(token.getRawToken(), callers.subjectTokenDigest(caller),
                caller.subject(), tenant, caller.clientId().orElse(null), target, level, scopes,
                request.traceContext().orElse(null));
        DownstreamCredential credential = userFacing(() -> credentials.credentialFor(asked), target, level, scopes,
                tenant);
        notConnected.forget(caller.subject(), target, level);
        return credential;
    }

    /**
     * For listing what the caller can use: like {@link #obtain} but empty when the caller has not connected the
     * service, and without asking the vault again while that answer is fresh ({@link NotConnectedCallers}).
     *
     * @throws ToolCallException for any failure other than not connected, with the user's sentence
     */
    public Optional<DownstreamCredential> obtainIfConnected(String target, Downstream.Level level,
            List<String> scopes) {
        McpCaller caller = caller(inboundToken.current());
        if (notConnected.isRemembered(caller.subject(), target, level)) {
            return Optional.empty();
        }
        try {
            return Optional.of(obtain(target, level, scopes));
        } catch (ConnectionRequiredException e) {
            notConnected.remember(caller.subject(), target, level);
            return Optional.empty();
        }
    }

    /** The caller handed over with the token being served, else the one read from it. */
    private McpCaller caller(JsonWebToken token) {
        McpCaller handedOver = inboundToken.handedOverCaller();
        return handedOver != null ? handedOver : callers.callerOf(token);
    }

    /**
     * The credential from {@code source}, with failures turned into what the user reads, also when the tool calls
     * {@link DownstreamCredential#refresh()} later (the connection may have been removed meanwhile).
     */
    private DownstreamCredential userFacing(Supplier<DownstreamCredential> source, String target,
            Downstream.Level level, List<String> scopes, String tenant) {
        DownstreamCredential credential;
        try {
            credential = source.get();
        } catch (CredentialException.NotConnected e) {
            DownstreamTarget configured = credentials.target(target);
            throw ConnectLinks.required(configured, level, scopes.isEmpty() ? configured.defaultScopes() : scopes,
                    tenant);
        } catch (CredentialException e) {
            throw new ToolCallException(DownstreamFailureMessages.forFailure(target, e));
        }
        return new DownstreamCredential(credential.target(), credential.secret(), credential.type(),
                credential.headerName(), credential.expiresAt().orElse(null), credential.scopes(),
                () -> userFacing(credential::refresh, target, level, scopes, tenant), credential::invalidate);
    }

    /** The configured target of that name. */
    public DownstreamTarget target(String name) {
        return credentials.target(name);
    }
}
