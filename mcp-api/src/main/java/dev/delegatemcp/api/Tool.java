package dev.delegatemcp.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a CDI bean as an MCP tool. The tool is found when the application is deployed; an invalid tool
 * (bad or duplicate name, unsupported parameter type) fails the deployment with a message naming the method.
 *
 * <p>Parameters become the tool's input schema (annotate them with {@link ToolArg}); a parameter of type
 * {@link McpCaller} is not part of the schema and receives the authenticated caller. The return value becomes the
 * result: {@code String} is text content, {@link Content} or {@link ToolResponse} are sent as they are, and any record
 * or POJO becomes {@code structuredContent} with a generated {@code outputSchema}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Tool {

    /** The tool's name: 1 to 128 of {@code [A-Za-z0-9_.-]}. Defaults to the method name. */
    String name() default "";

    /** A short human-readable title. */
    String title() default "";

    /** What the tool does, for the model. */
    String description() default "";

    /**
     * OAuth scopes the caller's token must carry to see and call this tool. A call without them gets HTTP 403 with
     * an {@code insufficient_scope} challenge listing the scopes needed.
     */
    String[] scopes() default {};

    /** Behaviour hints for clients (MCP tool annotations). */
    Annotations annotations() default @Annotations;

    /** MCP tool annotations. Defaults are those of the MCP specification. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({})
    @interface Annotations {
        /** The tool does not modify its environment. */
        boolean readOnlyHint() default false;

        /** The tool may perform destructive updates (meaningful only when not read-only). */
        boolean destructiveHint() default true;

        /** Calling the tool repeatedly with the same arguments has no additional effect. */
        boolean idempotentHint() default false;

        /** The tool may interact with an open world of external entities. */
        boolean openWorldHint() default true;
    }
}
