package dev.delegatemcp.server.transport.http;

import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses, before JAX-RS matches the request to the endpoint, a request whose {@code Accept} or
 * {@code Content-Type} header JAX-RS cannot parse ({@code Accept: application/json; q=abc}): 400 with a JSON-RPC
 * error body. Without it, Liberty's JAX-RS fails while matching, answers 400 with its own text and logs the failure
 * with a stack trace at level E, once per such request. The headers are parsed here by JAX-RS itself, and each
 * weight ({@code q}) is checked against RFC 9110's grammar, which is stricter than what JAX-RS reads while matching.
 */
@Provider
@PreMatching
public class UnreadableHeadersFilter implements ContainerRequestFilter {

    /** A weight: RFC 9110 section 12.4.2, {@code qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )}. */
    private static final Pattern QVALUE = Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");

    /**
     * Whether each {@code Accept} value seen lately is readable, so that the usual few values a client sends are read
     * once rather than on every request (reading one cost 1.3 % of CPU per request, bench/peers, JFR). Bounded: the
     * header is the client's choice, so at most 256 values of at most {@value #CACHED_ACCEPT_LENGTH} characters are
     * kept; longer ones are read each time.
     */
    static final int CACHED_ACCEPT_LENGTH = 256;

    private final Cache<String, Boolean> readableAccepts = Caffeine.newBuilder().maximumSize(256)
            .executor(Runnable::run).build();

    @Override
    public void filter(ContainerRequestContext request) {
        boolean readable;
        try {
            // Liberty's JAX-RS takes a malformed weight here, and fails on it only while matching (a q parameter
            // of Content-Type too, with a 500).
            MediaType contentType = request.getMediaType();
            readable = (contentType == null || hasValidWeight(contentType)) && readableAccept(request);
        } catch (RuntimeException e) {
            readable = false;
        }
        if (!readable) {
            request.abortWith(Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                    .entity(RejectedRequestMapper.body(400)).build());
        }
    }

    private boolean readableAccept(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept == null) {
            return true;
        }
        if (accept.length() > CACHED_ACCEPT_LENGTH) {
            return readAccept(request);
        }
        return readableAccepts.get(accept, value -> readAccept(request));
    }

    private static boolean readAccept(ContainerRequestContext request) {
        try {
            return request.getAcceptableMediaTypes().stream().allMatch(UnreadableHeadersFilter::hasValidWeight);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean hasValidWeight(MediaType type) {
        String weight = type.getParameters().get("q");
        return weight == null || QVALUE.matcher(weight.trim()).matches();
    }
}
