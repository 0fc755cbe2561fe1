package dev.delegatemcp.server.feature.completion;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.DownstreamCredentials;
import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.RemoteMcpServer;
import dev.delegatemcp.api.completion.CompleteArgument;
import dev.delegatemcp.api.completion.Completion;
import dev.delegatemcp.api.interaction.McpRequest;
import dev.delegatemcp.server.MethodReferences;
import dev.delegatemcp.wire.mcp.CompletionReference;

/**
 * Reads a {@link CompleteArgument} method into a {@link CompleterDefinition}, or says why it cannot be a completer. A
 * resource template's URI template is checked here (RFC 6570 syntax, and the argument is one of its variables); that
 * the prompt or template exists is checked once every feature is deployed ({@link CompleterChecks}).
 */
public final class CompleterDefinitionReader {

    private CompleterDefinitionReader() {
    }

    /** @throws InvalidCompleterException naming the method when it cannot be a completer */
    public static CompleterDefinition read(Class<?> beanClass, Method method) {
        String where = "Completer method " + MethodReferences.describe(beanClass, method) + ": ";
        CompleteArgument annotation = method.getAnnotation(CompleteArgument.class);
        CompletionTarget target = target(where, annotation);
        if (!Modifier.isPublic(method.getModifiers()) || Modifier.isStatic(method.getModifiers())) {
            throw new InvalidCompleterException(where + "a completer method must be public and not static");
        }
        Type returned = method.getGenericReturnType();
        if (returned != Completion.class && !isListOfStrings(returned)) {
            throw new InvalidCompleterException(where + "the return type " + returned.getTypeName()
                    + " is unsupported; return List<String> or Completion");
        }
        List<CompleterParameter> parameters = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            Type type = parameter.getParameterizedType();
            if (type == McpCaller.class) {
                parameters.add(new CompleterParameter.Caller());
            } else if (type == McpRequest.class) {
                parameters.add(new CompleterParameter.Request());
            } else if (type == DownstreamCredential.class || type == DownstreamCredentials.class
                    || type == RemoteMcpServer.class) {
                parameters.add(new CompleterParameter.Credential());
            } else if (type == String.class) {
                parameters.add(once(where, parameters, new CompleterParameter.Value(), "String (the value typed)"));
            } else if (isMapOfStrings(type)) {
                parameters.add(once(where, parameters, new CompleterParameter.Arguments(),
                        "Map<String, String> (the resolved arguments)"));
            } else {
                throw new InvalidCompleterException(where + "parameter '" + parameter.getName()
                        + "' has the unsupported type " + type.getTypeName() + "; a completer takes a String (the"
                        + " value typed), and may take a Map<String, String> (the resolved arguments), an McpCaller"
                        + " and credentials of @Downstream");
            }
        }
        if (!parameters.contains(new CompleterParameter.Value())) {
            throw new InvalidCompleterException(where + "it has no String parameter to receive the value typed");
        }
        return new CompleterDefinition(target, beanClass, method, List.copyOf(parameters));
    }

    private static CompletionTarget target(String where, CompleteArgument annotation) {
        boolean prompt = !annotation.prompt().isEmpty();
        boolean template = !annotation.resourceTemplate().isEmpty();
        if (prompt == template) {
            throw new InvalidCompleterException(where + "set exactly one of prompt and resourceTemplate on"
                    + " @CompleteArgument");
        }
        if (annotation.argument().isEmpty()) {
            throw new InvalidCompleterException(where + "@CompleteArgument needs the argument's name");
        }
        if (prompt) {
            return new CompletionTarget(CompletionReference.PROMPT, annotation.prompt(), annotation.argument());
        }
        List<String> variables;
        try {
            variables = UriTemplates.variables(annotation.resourceTemplate());
        } catch (IllegalArgumentException e) {
            throw new InvalidCompleterException(where + "the URI template '" + annotation.resourceTemplate()
                    + "' is malformed: " + e.getMessage());
        }
        if (!variables.contains(annotation.argument())) {
            throw new InvalidCompleterException(where + "the URI template '" + annotation.resourceTemplate()
                    + "' has no variable '" + annotation.argument() + "' (its variables: "
                    + (variables.isEmpty() ? "none" : String.join(", ", variables)) + ")");
        }
        return new CompletionTarget(CompletionReference.RESOURCE_TEMPLATE, annotation.resourceTemplate(),
                annotation.argument());
    }

    private static CompleterParameter once(String where, List<CompleterParameter> parameters,
            CompleterParameter parameter, String what) {
        if (parameters.contains(parameter)) {
            throw new InvalidCompleterException(where + "it has two parameters of type " + what);
        }
        return parameter;
    }

    private static boolean isListOfStrings(Type type) {
        return type instanceof ParameterizedType list && list.getRawType() == List.class
                && list.getActualTypeArguments()[0] == String.class;
    }

    private static boolean isMapOfStrings(Type type) {
        return type instanceof ParameterizedType map && map.getRawType() == Map.class
                && map.getActualTypeArguments()[0] == String.class && map.getActualTypeArguments()[1] == String.class;
    }
}
