package dev.delegatemcp.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Describes one argument of a {@link Tool} method. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface ToolArg {

    /** The argument's name in the input schema; defaults to the Java parameter name (compile with -parameters). */
    String name() default "";

    /** What the argument means, for the model. */
    String description() default "";

    /**
     * Whether the client must send the argument. Ignored (false) for {@code Optional} parameters and for arguments
     * with a {@link #defaultValue()}.
     */
    boolean required() default true;

    /** The value used when the client omits the argument, as JSON text ({@code "5"}, {@code "\"abc\""}) or a bare string. */
    String defaultValue() default NO_DEFAULT;

    /**
     * The name of the HTTP header the client mirrors this argument into, {@code Mcp-Param-{header}} (MCP 2026-07-28,
     * Streamable HTTP, Custom Headers from Tool Parameters): e.g. {@code @ToolArg(header = "Region") String region}
     * has clients send {@code Mcp-Param-Region: us-west1}, so that a load balancer or gateway can route on it. The
     * input schema then marks the argument with {@code "x-mcp-header": "Region"}, and the server refuses a call whose
     * header is missing or does not equal the argument (HeaderMismatch, HTTP 400). Empty (the default): no header.
     * <p>
     * Allowed on string, integer and boolean arguments only (not floating point, not objects or arrays); the name
     * must be an HTTP token (letters, digits and {@code !#$%&'*+-.^_`|~}) and differ, ignoring case, from the other
     * headers of the tool. Otherwise the deployment fails. Sessions of MCP 2025-11-25 carry no such headers.
     */
    String header() default "";

    /** Marker for "no default value". */
    String NO_DEFAULT = "<<no default>>";
}
