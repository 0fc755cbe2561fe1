package dev.delegatemcp.server.feature.completion;

import java.lang.reflect.Method;
import java.util.List;

import dev.delegatemcp.server.MethodReferences;

/**
 * A completer as discovered at deployment.
 *
 * @param target the argument it completes
 * @param beanClass the CDI bean class declaring the method
 * @param method the completer method
 * @param parameters how each method parameter is filled, in order
 */
public record CompleterDefinition(CompletionTarget target, Class<?> beanClass, Method method,
        List<CompleterParameter> parameters) {

    /** The method as people read it, e.g. {@code com.acme.Completions#languages(String)}, for messages. */
    public String methodReference() {
        return MethodReferences.describe(beanClass, method);
    }
}
