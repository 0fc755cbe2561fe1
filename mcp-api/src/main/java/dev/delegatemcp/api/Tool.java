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
 *
 * <p>A tool whose arguments a Java signature cannot describe gives its own schema with {@link #inputSchema()} and
 * takes the arguments as one {@code jakarta.json.JsonObject} parameter.
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

    /**
     * A hand-written input schema, listed exactly as written instead of one generated from the parameters (MCP
     * 2025-11-25 schema: {@code Tool.inputSchema}): either the JSON text of the schema (it starts with <code>{</code>;
     * a text block reads well), or the name of a classpath resource holding it, resolved as
     * {@link Class#getResource(String)} resolves it against the bean class (relative to the class's package, or from
     * the classpath root with a leading {@code /}). The schema is a JSON Schema (2020-12 unless its {@code $schema}
     * says otherwise) whose {@code type} is {@code "object"}; {@code properties}, if present, maps names to objects and
     * {@code required}, if present, is an array of strings.
     *
     * <p>The method then takes the arguments as one {@code jakarta.json.JsonObject} parameter (the {@code arguments}
     * of {@code tools/call}, empty when the client sent none), besides {@link McpCaller},
     * {@link dev.delegatemcp.api.interaction.McpRequest} and the {@link Downstream} types; no {@link ToolArg}. The
     * server does not check the arguments against this schema: the method must (throw {@link ToolCallException} with
     * what is wrong, for an {@code isError} result the model can correct its call from).
     *
     * <p>Deployment fails, naming the method, when the text or resource is missing, is not JSON, or is not such a
     * schema, or when the method has any other parameter. Empty (the default): the schema is generated from the
     * parameters.
     */
    String inputSchema() default "";

    /** Behaviour hints for clients (MCP tool annotations). */
    Annotations annotations() default @Annotations;

    /**
     * MCP tool annotations. Defaults are those of the MCP specification. The server reads two of them too: when the
     * tool may have acted before it failed (a service it calls answered with a 5xx status or with an answer that
     * could not be read, or the tool threw any exception other than a {@code ToolCallException}), the user is told to
     * try again later only when {@link #readOnlyHint} or {@link #idempotentHint} is true, and otherwise to check
     * whether it was done before trying again.
     */
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
