package dev.delegatemcp.api.resource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a CDI bean as the reader of every resource whose URI matches an RFC 6570 URI template (MCP
 * 2025-11-25, Server features, Resources, Resource Templates), e.g. {@code test://template/{id}/data}. Listed by
 * {@code resources/templates/list}; a {@code resources/read} of a URI that no fixed resource has and that the template
 * matches calls the method with the template's variables bound to its parameters.
 * <p>
 * Templates that can be matched, and so are accepted: {@code {var}} (one or more characters, no {@code /}, {@code ?}
 * or {@code #}), {@code {+var}} (may contain {@code /}), {@code {/var}} (a path segment), {@code {.var}} (a label
 * after a dot), {@code {?a,b}} and {@code {&c}} (query parameters, in any order, each optional) at the end, and
 * {@code {#var}} (the fragment, optional) last. Values are percent-decoded (UTF-8; {@code +} stays {@code +}). Prefix
 * ({@code {var:3}}) and explode ({@code {var*}}) modifiers, {@code {;var}}, several variables in one expression other
 * than a query, and two expressions that cannot be told apart (such as {@code {a}{b}}) fail the deployment.
 * <p>
 * Parameters: each template variable is bound to exactly one parameter, named by {@link TemplateVariable} or by the
 * parameter's name (compile with {@code -parameters}), of type {@code String}, {@code int}/{@code Integer},
 * {@code long}/{@code Long}, {@code boolean}/{@code Boolean}, {@code UUID}, an enum (by constant name) or
 * {@code Optional} of one of these. A value that does not convert means the template does not match that URI. A
 * query or fragment variable may be absent: {@code null} or {@code Optional.empty()}, so it cannot be a primitive.
 * {@link dev.delegatemcp.api.McpCaller} and the {@code @Downstream} types are filled as for {@link McpResource}.
 * <p>
 * Return and failures: as for {@link McpResource}; an item without a URI gets the URI that was read.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface McpResourceTemplate {

    /** The URI template (RFC 6570, the forms above), starting with a scheme, e.g. {@code file:///{+path}}. */
    String uriTemplate();

    /** The template's name (a programmatic identifier). Defaults to the method name. */
    String name() default "";

    /** A short human-readable title. */
    String title() default "";

    /** What its resources are, for the model. */
    String description() default "";

    /** The MIME type of every resource it matches, e.g. {@code application/json}; empty when they differ. */
    String mimeType() default "";

    /**
     * OAuth scopes the caller's token must carry to see the template and to read or subscribe to its resources
     * (403 {@code insufficient_scope} otherwise).
     */
    String[] scopes() default {};
}
