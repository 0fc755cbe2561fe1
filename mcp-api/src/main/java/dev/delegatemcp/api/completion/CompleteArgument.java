package dev.delegatemcp.api.completion;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.delegatemcp.api.McpCaller;

/**
 * Marks a method of a CDI bean as the completer of one argument (MCP 2025-11-25, Server utilities, Completion): of a
 * prompt ({@code @CompleteArgument(prompt = "code_review", argument = "language")}) or of a resource template's
 * variable ({@code @CompleteArgument(resourceTemplate = "file:///{path}", argument = "path")}). Set exactly one of
 * {@link #prompt()} and {@link #resourceTemplate()}.
 *
 * <p>Parameters: one {@code String}, the value typed so far (possibly empty); optionally a {@code Map<String, String>},
 * the arguments the client already resolved ({@code context.arguments}, empty when it sent none); optionally an
 * {@link McpCaller}; with {@link dev.delegatemcp.api.Downstream @Downstream}, credentials as a tool's. The method returns the suggestions, most relevant first: a {@code List<String>} (all matches) or a
 * {@link Completion} (with a total or a "more" flag). At most 100 values are sent; past that, the rest are cut and
 * {@code hasMore} is true.
 *
 * <p>Deployment fails, naming the method, when two methods complete the same argument, when the prompt or its
 * argument does not exist, when the URI template is malformed or lacks the variable, or when a parameter or the return
 * type is unsupported. A caller gets suggestions only for a prompt (or template) its token's scopes allow.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CompleteArgument {

    /** The name of the prompt whose argument this method completes; empty when it completes a resource template's. */
    String prompt() default "";

    /**
     * The URI template (RFC 6570) of the resource template whose variable this method completes, exactly as the
     * resource template declares it; empty when it completes a prompt's argument.
     */
    String resourceTemplate() default "";

    /** The argument's name: a prompt argument, or a variable of the URI template. */
    String argument();
}
