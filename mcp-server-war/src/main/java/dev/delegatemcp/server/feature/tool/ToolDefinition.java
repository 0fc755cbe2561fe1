package dev.delegatemcp.server.feature.tool;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;

import dev.delegatemcp.server.MethodReferences;
import dev.delegatemcp.wire.mcp.Tool;
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
 * @param parameterHeaders the arguments clients mirror into {@code Mcp-Param-*} headers ({@code x-mcp-header})
 */
public record ToolDefinition(String name, Tool descriptor, Set<String> requiredScopes, Class<?> beanClass,
        Method method, List<ToolParameter> parameters, JsonObject outputSchema, ParameterHeaders parameterHeaders) {

    /** A tool whose arguments are mirrored into no header. */
    public ToolDefinition(String name, Tool descriptor, Set<String> requiredScopes, Class<?> beanClass, Method method,
            List<ToolParameter> parameters, JsonObject outputSchema) {
        this(name, descriptor, requiredScopes, beanClass, method, parameters, outputSchema, ParameterHeaders.NONE);
    }

    /** The method as people read it, e.g. {@code com.acme.Tools#search(String, int)}, for messages. */
    public String methodReference() {
        return MethodReferences.describe(beanClass, method);
    }
}
