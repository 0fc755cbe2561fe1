package dev.delegatemcp.credentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import dev.delegatemcp.api.Downstream;
import dev.delegatemcp.api.DownstreamAudit;
import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.interaction.TraceContext;
import io.opentelemetry.api.trace.Span;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * Obtains downstream credentials for callers: from the cache when it holds a live one for the same subject token,
 * target, scopes and tenant, else from the target's source: one token exchange at the STS, or one fetch of the
 * stored connection token from the token vault. Audits every request. The request's trace context goes on to the STS
 * or the vault; it is no part of the cache key.
 */
@ApplicationScoped
public class CredentialService {

    @EJB
    TokenExchangeClient sts;

    @EJB
    TokenVaultClient vault;

    @Inject
    CredentialAuditor auditor;

    @Inject
    Config config;

    /** This server's client id at the STS, for the audit records. */
    @Inject
    StsConfig stsConfig;

    @Inject
    CredentialCacheConfig cacheConfig;

    @Inject
    CredentialTelemetry telemetry;

    /** The time source of the cache and of the audit records; a test sets another before {@link #init()}. */
    Clock clock = Clock.systemUTC();

    private CredentialCache cache;
    private Consumer<DownstreamAudit> recordAudit;
    private AutoCloseable cacheGauge;
    private final Map<String, DownstreamTarget> targets = new java.util.concurrent.ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        cache = new CredentialCache(cacheConfig.maxEntries(), cacheConfig.maxEntriesPerSubject(),
                cacheConfig.expirySkew(), cacheConfig.defaultLifetime(), clock);
        recordAudit = auditor.recorder();
        cacheGauge = telemetry.observeCache(cache::size);
    }

    @PreDestroy
    void close() throws Exception {
        cacheGauge.close();
    }

    /**
     * The credential for the request's target.
     *
     * @throws CredentialException when the STS or the vault refuses or cannot be reached (already audited)
     */
    public DownstreamCredential credentialFor(CredentialRequest request) {
        return obtain(request, false);
    }

    private DownstreamCredential obtain(CredentialRequest request, boolean forceRefresh) {
        DownstreamTarget target = target(request.target());
        List<String> scopes = request.scopes().isEmpty() ? target.defaultScopes() : request.scopes();
        String tenant = request.level() == Downstream.Level.TENANT ? request.tenant() : null;
        boolean tenantWide = target.source() == DownstreamTarget.Source.OUTBOUND_APP
                && request.level() == Downstream.Level.TENANT;
        CredentialKey key = tenantWide ? CredentialKey.ofTenant(target.name(), scopes, tenant)
                : CredentialKey.of(request.subjectToken(), target.name(), scopes, request.level().name(), tenant);
        Instant start = clock.instant();
        CredentialTelemetry.Request measured = telemetry.request(target.name(), target.source(), request.level());
        try {
            CredentialCache.Lookup lookup =
                    cache.get(key, tenantWide ? null : request.subject(), () -> switch (target.source()) {
                        case TOKEN_EXCHANGE -> exchange(request, target, scopes, tenant);
                        case OUTBOUND_APP -> fetchStored(request, target, scopes, tenant, forceRefresh);
                    }, forceRefresh);
            audit(request, scopes, start, DownstreamAudit.Outcome.GRANTED, null, lookup.hit(), measured.traceId());
            measured.end(DownstreamAudit.Outcome.GRANTED, lookup.hit(), null);
            IssuedToken token = lookup.token();
            return new DownstreamCredential(target.name(), token.accessToken(), target.credentialType(),
                    target.apiKeyHeader(), lookup.expiresAt(), token.scopes(), () -> obtain(request, true));
        } catch (CredentialException e) {
            DownstreamAudit.Outcome outcome = switch (e.reason()) {
                case DENIED, INVALID_TARGET -> DownstreamAudit.Outcome.DENIED;
                case NOT_CONNECTED -> DownstreamAudit.Outcome.NOT_CONNECTED;
                default -> DownstreamAudit.Outcome.ERROR;
            };
            audit(request, scopes, start, outcome, e.errorCode(), false, measured.traceId());
            measured.end(outcome, false, e.reason().name().toLowerCase(Locale.ROOT));
            throw e;
        } catch (FaultToleranceException e) {
            audit(request, scopes, start, DownstreamAudit.Outcome.ERROR, null, false, measured.traceId());
            measured.end(DownstreamAudit.Outcome.ERROR, false, e.getClass().getName());
            throw new CredentialException.Unavailable(null, "The STS did not answer in time or is failing ("
                    + e.getClass().getSimpleName() + ")");
        } catch (RuntimeException e) {
            measured.end(DownstreamAudit.Outcome.ERROR, false, e.getClass().getName());
            throw e;
        }
    }

    private IssuedToken exchange(CredentialRequest request, DownstreamTarget target, List<String> scopes,
            String tenant) {
        Map<String, String> parameters = new HashMap<>(target.parameters());
        if (tenant != null) {
            parameters.put(target.tenantParameter(), tenant);
        }
        TokenExchangeRequest exchange = new TokenExchangeRequest(request.subjectToken(), target.resource(),
                target.audiences(), scopes, parameters, outgoingTrace(request));
        return telemetry.call(target.source(), target.name(), () -> sts.exchange(exchange));
    }

    /**
     * The stored token of the user (or tenant). A token the vault returns without the needed scopes counts as not
     * connected: the user has to connect again, granting them.
     */
    private IssuedToken fetchStored(CredentialRequest request, DownstreamTarget target, List<String> scopes,
            String tenant, boolean forceRefresh) {
        StoredTokenRequest fetch = new StoredTokenRequest(target.appId(), request.level(), request.subject(), tenant,
                scopes, forceRefresh, outgoingTrace(request));
        IssuedToken token = telemetry.call(target.source(), target.name(), () -> vault.fetch(fetch));
        if (!token.scopes().isEmpty() && !token.scopes().containsAll(scopes)) {
            throw CredentialException.of(CredentialException.Reason.NOT_CONNECTED, null,
                    "The stored token for " + target.name() + " lacks some of the scopes " + scopes);
        }
        return token;
    }

    /**
     * The trace context for the STS or vault request: none when OpenTelemetry records this one (Liberty's MicroProfile
     * Rest Client instrumentation then sends its CLIENT span's), else the request's as received.
     */
    private static TraceContext outgoingTrace(CredentialRequest request) {
        return Span.current().getSpanContext().isValid() ? null : request.trace();
    }

    /** The configured target of that name. @throws IllegalArgumentException when it is not configured */
    public DownstreamTarget target(String name) {
        return targets.computeIfAbsent(name, n -> DownstreamTarget.fromConfig(config, n));
    }

    private void audit(CredentialRequest request, List<String> scopes, Instant start, DownstreamAudit.Outcome outcome,
            String stsError, boolean cacheHit, String traceId) {
        recordAudit.accept(new DownstreamAudit(start, request.subject(), request.tenant(), request.mcpClient(),
                stsConfig.clientId(), request.target(), request.level().name(), scopes, outcome, stsError, cacheHit,
                Duration.between(start, clock.instant()).toMillis(), traceId));
    }
}
