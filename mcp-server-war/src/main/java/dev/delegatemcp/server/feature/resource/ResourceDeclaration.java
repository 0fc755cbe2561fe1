package dev.delegatemcp.server.feature.resource;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;

import dev.delegatemcp.server.MethodReferences;
import dev.delegatemcp.wire.mcp.Resource;
import dev.delegatemcp.wire.mcp.ResourceTemplate;

/**
 * A resource method as read at deployment ({@link ResourceDeclarationReader}): what the lists show of it, the scopes
 * it needs, and what the invoker needs.
 */
public sealed interface ResourceDeclaration permits ResourceDeclaration.Fixed, ResourceDeclaration.Templated {

    /** Scopes the caller's token must carry to see, read and subscribe. */
    Set<String> scopes();

    /** The CDI bean class declaring the method. */
    Class<?> beanClass();

    Method method();

    /** How each method parameter is filled, in order. */
    List<ResourceParameter> parameters();

    /** How the return value becomes contents. */
    ReturnShape returns();

    /** The declared MIME type, or null. */
    String mimeType();

    /** The URI or URI template as declared, for messages. */
    String declared();

    /** The method as people read it, e.g. {@code com.acme.Docs#readme()}, for messages. */
    default String methodReference() {
        return MethodReferences.describe(beanClass(), method());
    }

    /** An {@code @McpResource} method: one resource at a fixed URI. */
    record Fixed(Resource descriptor, Set<String> scopes, Class<?> beanClass, Method method,
            List<ResourceParameter> parameters, ReturnShape returns) implements ResourceDeclaration {

        @Override
        public String mimeType() {
            return descriptor.mimeType();
        }

        @Override
        public String declared() {
            return descriptor.uri();
        }
    }

    /** An {@code @McpResourceTemplate} method: every resource whose URI its template matches. */
    record Templated(UriTemplate template, ResourceTemplate descriptor, Set<String> scopes, Class<?> beanClass,
            Method method, List<ResourceParameter> parameters, ReturnShape returns) implements ResourceDeclaration {

        @Override
        public String mimeType() {
            return descriptor.mimeType();
        }

        @Override
        public String declared() {
            return template.text();
        }
    }
}
