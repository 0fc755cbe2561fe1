package dev.delegatemcp.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * Declares a downstream target a tool calls, and has the server obtain a credential for it on the caller's behalf:
 * the caller's token is exchanged at the STS (RFC 8693) for a credential scoped to that one target. The tool never
 * sees the caller's token. Receive the credential as a {@link DownstreamCredential} parameter (one per target, in
 * the order the annotations are written) or as a {@link DownstreamCredentials} parameter (all, by name).
 *
 * <pre>
 * &#64;Tool(name = "events")
 * &#64;Downstream(resource = "calendar", scopes = "calendar.read")
 * public List&lt;Event&gt; events(&#64;ToolArg String day, DownstreamCredential calendar) { ... }
 * </pre>
 *
 * The logical name ("calendar") maps in MP Config to what the STS needs: {@code mcp.downstream.calendar.*}.
 * Repeat the annotation for several targets. When the exchange fails the tool is not called and the client gets a
 * tool result with {@code isError: true} and a sentence the user can act on.
 * <p>
 * On a MicroProfile Rest Client interface (or one of its methods: the method's wins), it puts the caller's credential
 * on every request the client sends while an MCP request is served on the calling thread; one target per method:
 *
 * <pre>
 * &#64;RegisterRestClient(configKey = "calendar")
 * &#64;Downstream(resource = "calendar")
 * public interface CalendarApi {
 *     &#64;GET String events();
 * }
 * </pre>
 *
 * A 401 from the service renews the credential and repeats the request once when its HTTP method is idempotent
 * (RFC 9110, 9.2.2), never a POST or PATCH; a failure to obtain the credential is thrown from the client's method as
 * from a tool's; outside an MCP request the client sends nothing and throws {@link IllegalStateException}.
 */
@Documented
@Inherited
@InterceptorBinding
@Repeatable(Downstream.List.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Downstream {

    /** A Resource target: the STS returns a token for that audience. Set this or {@link #connection()}. */
    @Nonbinding
    String resource() default "";

    /** A Connection target: the STS returns a stored OAuth token or API key. Set this or {@link #resource()}. */
    @Nonbinding
    String connection() default "";

    /** Scopes to request; when empty, the target's configured default scopes. */
    @Nonbinding
    String[] scopes() default {};

    /** Whether the credential belongs to the user or to the user's tenant. */
    @Nonbinding
    Level level() default Level.USER;

    /** Whose credential is requested. */
    enum Level {
        /** The calling user's own credential. */
        USER,
        /** The credential connected once for the caller's tenant (the token's tenant claim). */
        TENANT
    }

    /** Several {@code @Downstream} targets on one method. */
    @Documented
    @Inherited
    @InterceptorBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @interface List {
        @Nonbinding
        Downstream[] value();
    }
}
