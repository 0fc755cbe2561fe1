package dev.delegatemcp.api.prompt;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one argument of a {@link Prompt} method (MCP 2025-11-25 schema: PromptArgument). The parameter is a
 * {@code String} or an {@code Optional<String>}: prompt argument values are strings.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface PromptArg {

    /** The argument's name; defaults to the Java parameter name (compile with -parameters). */
    String name() default "";

    /** A short human-readable title. */
    String title() default "";

    /** What the argument means, for the user. */
    String description() default "";

    /**
     * Whether {@code prompts/get} must carry the argument. Ignored (false) for {@code Optional<String>} parameters; a
     * {@code String} parameter that is not required is null when the argument is absent.
     */
    boolean required() default true;
}
