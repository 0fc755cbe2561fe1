package dev.delegatemcp.server.tools;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;

import jakarta.json.JsonObject;

/**
 * A tool as discovered at deployment: its tools/list entry (built once) and what the invoker needs.
 *
 * @param name the tool name
 * @param descriptor the tools/list entry: name, title, description, inputSchema, outputSchema, annotations
 * @param requiredScopes scopes the caller's token must carry
 * @param beanClass the CDI bean class declaring the method
 * @param method the tool method
 * @param parameters how each method parameter is filled, in order
 * @param outputSchema the structured output schema, or null when the result is not structured
 * @param downstreamTargets the logical names of its {@code @Downstream} targets, in declaration order
 */
public record ToolDefinition(String name, JsonObject descriptor, Set<String> requiredScopes, Class<?> beanClass,
        Method method, List<ToolParameter> parameters, JsonObject outputSchema, List<String> downstreamTargets) {

    /** The method as people read it, e.g. {@code com.acme.Tools#search(String, int)}, for messages. */
    public String methodReference() {
        return describe(beanClass, method);
    }

    static String describe(Class<?> beanClass, Method method) {
        StringBuilder text = new StringBuilder(beanClass.getName()).append('#').append(method.getName()).append('(');
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            text.append(i == 0 ? "" : ", ").append(types[i].getSimpleName());
        }
        return text.append(')').toString();
    }
}
