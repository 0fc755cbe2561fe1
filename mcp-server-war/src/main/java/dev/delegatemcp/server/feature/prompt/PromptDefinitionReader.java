package dev.delegatemcp.server.feature.prompt;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.DownstreamCredentials;
import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.RemoteMcpServer;
import dev.delegatemcp.api.interaction.McpRequest;
import dev.delegatemcp.api.prompt.Prompt;
import dev.delegatemcp.api.prompt.PromptArg;
import dev.delegatemcp.api.prompt.PromptMessage;
import dev.delegatemcp.api.prompt.PromptResponse;
import dev.delegatemcp.server.MethodReferences;
import dev.delegatemcp.wire.mcp.PromptArgument;

/** Reads a {@link Prompt} method into a {@link PromptDefinition}, or says why it cannot be a prompt. */
public final class PromptDefinitionReader {

    /**
     * The specification does not restrict prompt names; this server holds them to its tool names' rule (MCP
     * 2025-11-25, Tools, Tool names), so that a name works as a slash command and in a URL.
     */
    private static final Pattern PROMPT_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");
    private static final Pattern SYNTHETIC_PARAMETER_NAME = Pattern.compile("arg[0-9]+");

    private PromptDefinitionReader() {
    }

    /** @throws InvalidPromptException naming the method when it cannot be a prompt */
    public static PromptDefinition read(Class<?> beanClass, Method method) {
        String where = "Prompt method " + MethodReferences.describe(beanClass, method) + ": ";
        Prompt prompt = method.getAnnotation(Prompt.class);
        String name = prompt.name().isEmpty() ? method.getName() : prompt.name();
        if (!PROMPT_NAME.matcher(name).matches()) {
            throw new InvalidPromptException(where + "the prompt name '" + name
                    + "' is invalid; use 1 to 128 characters of A-Z, a-z, 0-9, '_', '-' and '.'");
        }
        if (!Modifier.isPublic(method.getModifiers()) || Modifier.isStatic(method.getModifiers())) {
            throw new InvalidPromptException(where + "a prompt method must be public and not static");
        }
        if (!isSupportedReturnType(method.getGenericReturnType())) {
            throw new InvalidPromptException(where + "the return type " + method.getGenericReturnType().getTypeName()
                    + " is unsupported; return String, PromptMessage, List<PromptMessage> or PromptResponse");
        }
        List<PromptParameter> parameters = new ArrayList<>();
        List<PromptArgument> arguments = new ArrayList<>();
        Set<String> argumentNames = new LinkedHashSet<>();
        for (Parameter parameter : method.getParameters()) {
            if (parameter.getType() == McpRequest.class) {
                parameters.add(new PromptParameter.Request());
                continue;
            }
            if (parameter.getType() == McpCaller.class) {
                parameters.add(new PromptParameter.Caller());
                continue;
            }
            if (parameter.getType() == DownstreamCredential.class || parameter.getType() == DownstreamCredentials.class
                    || parameter.getType() == RemoteMcpServer.class) {
                parameters.add(new PromptParameter.Credential());
                continue;
            }
            PromptArg annotation = parameter.getAnnotation(PromptArg.class);
            String argumentName = annotation != null && !annotation.name().isEmpty() ? annotation.name()
                    : parameter.getName();
            if ((annotation == null || annotation.name().isEmpty()) && !parameter.isNamePresent()
                    && SYNTHETIC_PARAMETER_NAME.matcher(argumentName).matches()) {
                throw new InvalidPromptException(where + "parameter '" + argumentName
                        + "' has no name; compile with -parameters or name it with @PromptArg(name = ...)");
            }
            boolean optional = isOptionalString(parameter.getParameterizedType());
            if (!optional && parameter.getType() != String.class) {
                throw new InvalidPromptException(where + "parameter '" + argumentName + "' has the unsupported type "
                        + parameter.getParameterizedType().getTypeName()
                        + "; prompt arguments are strings: declare String or Optional<String>"
                        + " (or McpCaller for the caller, McpRequest for the request, or a credential of @Downstream)");
            }
            if (!argumentNames.add(argumentName)) {
                throw new InvalidPromptException(where + "two parameters are named '" + argumentName + "'");
            }
            boolean required = !optional && (annotation == null || annotation.required());
            parameters.add(new PromptParameter.Argument(argumentName, required, optional));
            arguments.add(new PromptArgument(argumentName, blankToNull(annotation == null ? "" : annotation.title()),
                    blankToNull(annotation == null ? "" : annotation.description()), required));
        }
        dev.delegatemcp.wire.mcp.Prompt descriptor = new dev.delegatemcp.wire.mcp.Prompt(name,
                blankToNull(prompt.title()), prompt.description().isEmpty() ? name : prompt.description(),
                List.copyOf(arguments));
        return new PromptDefinition(name, descriptor,
                Collections.unmodifiableSet(new LinkedHashSet<>(List.of(prompt.scopes()))),
                beanClass, method, List.copyOf(parameters));
    }

    private static boolean isSupportedReturnType(Type type) {
        if (type == String.class || type == PromptMessage.class || type == PromptResponse.class) {
            return true;
        }
        return type instanceof ParameterizedType list && list.getRawType() == List.class
                && list.getActualTypeArguments()[0] == PromptMessage.class;
    }

    private static boolean isOptionalString(Type type) {
        return type instanceof ParameterizedType optional && optional.getRawType() == Optional.class
                && optional.getActualTypeArguments()[0] == String.class;
    }

    private static String blankToNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
