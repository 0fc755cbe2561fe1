package dev.delegatemcp.credentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

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

    /** The instance itself, not its client proxy ({@link CredentialTelemetry#instance}): used on every request. */
    CredentialTelemetry telemetry;

    @Inject
    void setTelemetry(CredentialTelemetry proxy) {
        telemetry = proxy.instance().get();
    }

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

    /** Unregisters the cache gauge. A lifecycle callback throws no checked exception (Jakarta Interceptors 2.1, 2.6). */
    @PreDestroy
    void close() {
        if (cacheGauge == null) {
            return;
        }
        try {
            cacheGauge.close();
        } catch (Exception e) {
            // The meter goes with the application being stopped either way; nothing to do about it here.
        }
    }

    /**
     * This instance itself, not its client proxy: for callers inside an interceptor (every {@code @Downstream} tool
     * call), where each call through the proxy looked the instance up again and pushed and popped Weld's interception
     * stack (about 0.8 us per tool call, JFR). Safe to keep: the bean lives as long as the application.
     */
    public Supplier<CredentialService> instance() {
        return () -> this;
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
                : CredentialKey.ofDigest(request.digest(), target.name(), scopes, request.level().name(), tenant);
        // A credential a downstream rejected is obtained afresh, from a vault too (its forceRefresh).
        boolean refresh = forceRefresh || cache.takeRejected(key);
        Instant start = clock.instant();
        CredentialTelemetry.Request measured = telemetry.request(target.name(), target.source(), request.level());
        String traceId = measured.traceId() != null ? measured.traceId() : clientTraceId(request);
        // How it ended, for the measurement; ended in finally so that nothing (an Error, a failing audit) leaves the
        // request's span current on this pooled thread.
        DownstreamAudit.Outcome outcome = DownstreamAudit.Outcome.ERROR;
        boolean hit = false;
        String errorType = null;
        try {
            CredentialCache.Lookup lookup =
                    cache.get(key, tenantWide ? null : request.subject(), () -> switch (target.source()) {
                        case TOKEN_EXCHANGE -> exchange(request, target, scopes, tenant);
                        case OUTBOUND_APP -> fetchStored(request, target, scopes, tenant, refresh);
                    }, refresh);
            IssuedToken token = lookup.token();
            DownstreamCredential credential = new DownstreamCredential(target.name(), token.accessToken(),
                    target.credentialType(), target.apiKeyHeader(), lookup.expiresAt(), token.scopes(),
                    () -> obtain(request, true), () -> cache.invalidateRejected(key, token.accessToken()));
            outcome = DownstreamAudit.Outcome.GRANTED;
            hit = lookup.hit();
            audit(request, scopes, start, outcome, null, hit, traceId);
            return credential;
        } catch (CredentialException e) {
            outcome = switch (e.reason()) {
                case DENIED, INVALID_TARGET -> DownstreamAudit.Outcome.DENIED;
                case NOT_CONNECTED -> DownstreamAudit.Outcome.NOT_CONNECTED;
                default -> DownstreamAudit.Outcome.ERROR;
            };
            errorType = e.reason().name().toLowerCase(Locale.ROOT);
            audit(request, scopes, start, outcome, e.errorCode(), false, traceId);
            throw e;
        } catch (FaultToleranceException e) {
            errorType = e.getClass().getName();
            audit(request, scopes, start, DownstreamAudit.Outcome.ERROR, null, false, traceId);
            throw new CredentialException.Unavailable(null, "The STS did not answer in time or is failing ("
                    + e.getClass().getSimpleName() + ")");
        } catch (RuntimeException | Error e) {
            errorType = e.getClass().getName();
            throw e;
        } finally {
            measured.end(outcome, hit, outcome == DownstreamAudit.Outcome.GRANTED ? null : errorType);
        }
    }

    /**
     * The trace id of the client's W3C trace context, for the audit record when OpenTelemetry does not record the
     * request; null without one.
     */
    private static String clientTraceId(CredentialRequest request) {
        TraceContext trace = request.trace();
        // traceparent: version "-" 32-hex trace id "-" ... (W3C Trace Context, validated by TraceContext)
        return trace == null ? null : trace.traceparent().substring(3, 35);
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
    private TraceContext outgoingTrace(CredentialRequest request) {
        return telemetry.isRecording() && Span.current().getSpanContext().isValid() ? null : request.trace();
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
