package dev.delegatemcp.server.security;

import java.time.Duration;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.credentials.CredentialKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Makes the request's {@link McpCaller} from the token Liberty's MP-JWT validated.
 * <p>
 * The caller read from a token is kept for the next requests with the same token, which MP-JWT validates again for each
 * of them: reading the claims from Liberty's token object cost 2-3 % of the server's CPU under {@code tools/call echo}
 * load ({@code bench/peers/run}, JFR), and a client sends the same token for many requests. The key is the signature
 * of a signed token (JWS compact serialization, RFC 7515 section 7.1: the third of its three parts), which identifies
 * the signed claims without being usable as a credential; a caller holds no token. An encrypted token (JWE, five parts,
 * whose last is an authentication tag that anyone with the public encryption key can make) is read each time. At most
 * {@value #CALLERS} callers are kept, each for at most 10 minutes: fixed, not settings, since a caller costs a few
 * hundred bytes and is made again cheaply after it left. A caller kept this way also keeps its token's digest for the
 * credential cache ({@link #subjectTokenDigest}): the signature identifies the whole token, since MP-JWT validated it
 * against this server's trusted keys over the token's header and claims (RFC 7515 section 5.2), and another token
 * with the same signature would need a signature forged or collided under one of those keys.
 */
@ApplicationScoped
public class CallerProducer {

    static final int CALLERS = 1_000;

    @Inject
    SecurityConfig config;

    private final Cache<String, JwtCaller> callers = Caffeine.newBuilder().maximumSize(CALLERS)
            .expireAfterWrite(Duration.ofMinutes(10)).executor(Runnable::run).build();

    @Produces
    @RequestScoped
    McpCaller caller(InboundToken token) {
        McpCaller handedOver = token.handedOverCaller();
        return handedOver != null ? handedOver : callerOf(token.current());
    }

    /**
     * The caller a validated token names (its {@code sub}, {@code azp} or {@code client_id}, tenant claim and
     * {@code scope} or {@code scp}); what the request-scoped {@link McpCaller} bean is made from, for code that has
     * the token at hand and hands the caller on itself (the MCP endpoint: one bean fewer per request).
     */
    public McpCaller callerOf(JsonWebToken jwt) {
        String raw = jwt.getRawToken();
        int payloadEnd = raw == null ? -1 : raw.indexOf('.', raw.indexOf('.') + 1);
        if (payloadEnd < 0 || payloadEnd == raw.length() - 1 || raw.indexOf('.', payloadEnd + 1) >= 0) {
            return JwtCaller.from(jwt, config.tenantClaim(), null); // not a signed compact token (JWS): not kept
        }
        return callers.get(raw.substring(payloadEnd + 1),
                key -> JwtCaller.from(jwt, config.tenantClaim(), CredentialKey.digestOf(raw)));
    }

    /**
     * This instance itself, not its client proxy: for callers inside an interceptor (every {@code @Downstream} tool
     * call), where each call through the proxy looks the instance up again. Safe to keep: the bean lives as long as
     * the application.
     */
    public Supplier<CallerProducer> instance() {
        return () -> this;
    }

    /**
     * The digest of the token {@code caller} was read from, as the credential cache keys it
     * ({@link CredentialKey#digestOf}), when kept with a caller read from a signed token ({@link #callerOf}); else
     * null. Kept with the caller so that it is computed once per token rather than on every {@code @Downstream}
     * tool call (the digest and its string's hash code, about 1.4 us per call, JFR).
     */
    public String subjectTokenDigest(McpCaller caller) {
        return caller instanceof JwtCaller read ? read.subjectTokenDigest() : null;
    }
}
