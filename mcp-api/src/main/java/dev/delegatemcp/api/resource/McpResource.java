package dev.delegatemcp.api.resource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a CDI bean as the reader of an MCP resource at a fixed URI (MCP 2025-11-25, Server features,
 * Resources). The resource is found when the application deploys and listed by {@code resources/list}; each
 * {@code resources/read} of its URI calls the method on the bean (so interceptors such as {@code @Downstream} run).
 * An invalid declaration (a URI that is not absolute, a URI another resource has, an unsupported parameter or return
 * type) fails the deployment with a message naming the method.
 * <p>
 * Parameters: {@link dev.delegatemcp.api.McpCaller} receives the caller; {@link dev.delegatemcp.api.DownstreamCredential},
 * {@link dev.delegatemcp.api.DownstreamCredentials} and {@link dev.delegatemcp.api.RemoteMcpServer} receive what
 * {@code @Downstream} declares. Nothing else.
 * <p>
 * Return: {@code String} (one text item with {@link #mimeType()}), {@code byte[]} (one blob item, base64 on the wire),
 * {@link ResourceContents} (one item; its URI and MIME type default to the resource's), or a
 * {@code List<ResourceContents>} (several items, e.g. sub-resources). {@code null} is no contents.
 * <p>
 * Failures: throw {@link ResourceNotFoundException} when there is nothing at the URI after all (JSON-RPC -32002);
 * throw {@link dev.delegatemcp.api.ToolCallException} with a sentence for the user for any other failure the user can
 * act on (JSON-RPC -32603 with that sentence). Any other exception becomes -32603 with only a reference that is also in
 * the server's log.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface McpResource {

    /** The resource's URI: absolute (RFC 3986, with a scheme such as {@code file:} or a custom one), ASCII. */
    String uri();

    /** The resource's name (a programmatic identifier). Defaults to the method name. */
    String name() default "";

    /** A short human-readable title. */
    String title() default "";

    /** What the resource is, for the model. */
    String description() default "";

    /** Its MIME type, e.g. {@code text/plain}; empty when unknown. */
    String mimeType() default "";

    /** Its raw size in bytes (before base64), when known; {@code -1} for unknown. */
    long size() default -1;

    /**
     * OAuth scopes the caller's token must carry to see, read and subscribe to the resource. Reading or subscribing
     * without them gets HTTP 403 with an {@code insufficient_scope} challenge listing the scopes needed.
     */
    String[] scopes() default {};
}
