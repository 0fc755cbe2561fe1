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

    /** Marker for "no default value". */
    String NO_DEFAULT = "<<no default>>";
}
