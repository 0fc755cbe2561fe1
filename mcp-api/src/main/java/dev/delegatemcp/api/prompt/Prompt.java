package dev.delegatemcp.api.prompt;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.delegatemcp.api.McpCaller;

/**
 * Marks a method of a CDI bean as an MCP prompt (MCP 2025-11-25, Server features, Prompts): a template of messages the
 * user picks in the client, e.g. as a slash command. The prompt is found when the application is deployed; an invalid
 * one (bad or duplicate name, unsupported parameter or return type) fails the deployment with a message naming the
 * method.
 *
 * <p>Parameters are the prompt's arguments, whose values are strings on the wire: declare {@code String} (required
 * unless {@link PromptArg#required()} is false, then null when absent) or {@code Optional<String>} (never required),
 * and describe them with {@link PromptArg}. A parameter of type {@link McpCaller} is not an argument and receives the
 * authenticated caller; with {@link dev.delegatemcp.api.Downstream @Downstream}, parameters of type
 * {@link dev.delegatemcp.api.DownstreamCredential}, {@link dev.delegatemcp.api.DownstreamCredentials} or
 * {@link dev.delegatemcp.api.RemoteMcpServer} receive credentials as a tool's do. The method returns the messages: {@code String} (one user text message), a
 * {@link PromptMessage}, a {@code List<PromptMessage>} or a {@link PromptResponse} (messages and a description).
 *
 * <p>Throw {@link dev.delegatemcp.api.ToolCallException} with a sentence for the user when the prompt cannot be made:
 * the client gets a JSON-RPC error with that sentence. Any other exception becomes an error with a reference that is
 * also in the server log; its message is never sent.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Prompt {

    /** The prompt's name in {@code prompts/get}: 1 to 128 of {@code [A-Za-z0-9_.-]}. Defaults to the method name. */
    String name() default "";

    /** A short human-readable title. */
    String title() default "";

    /** What the prompt provides; defaults to the name. */
    String description() default "";

    /**
     * OAuth scopes the caller's token must carry to see and get this prompt, and to complete its arguments. Getting it
     * without them is HTTP 403 with an {@code insufficient_scope} challenge listing the scopes needed.
     */
    String[] scopes() default {};
}
