package dev.delegatemcp.server.feature.tool;

import java.io.StringReader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.delegatemcp.api.Content;
import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.DownstreamCredentials;
import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.RemoteMcpServer;
import dev.delegatemcp.api.RemoteToolResult;
import dev.delegatemcp.api.Tool;
import dev.delegatemcp.api.ToolArg;
import dev.delegatemcp.api.ToolResponse;
import dev.delegatemcp.api.interaction.McpRequest;
import dev.delegatemcp.server.MethodReferences;
import dev.delegatemcp.server.schema.JsonSchemaGenerator;
import dev.delegatemcp.server.schema.SchemaValidator;
import dev.delegatemcp.server.schema.UnsupportedTypeException;
import dev.delegatemcp.wire.mcp.ToolAnnotations;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

/** Reads a {@link Tool} method into a {@link ToolDefinition}, or says why it cannot be a tool. */
public final class ToolDefinitionReader {

    /** Looked up once: {@code Json.createXxx} looks the provider up again on every call (a class-loader lock). */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");
    private static final Pattern SYNTHETIC_PARAMETER_NAME = Pattern.compile("arg[0-9]+");

    private ToolDefinitionReader() {
    }

    /** @throws InvalidToolException naming the method when it cannot be a tool */
    public static ToolDefinition read(Class<?> beanClass, Method method) {
        String where = "Tool method " + MethodReferences.describe(beanClass, method) + ": ";
        Tool tool = method.getAnnotation(Tool.class);
        String name = tool.name().isEmpty() ? method.getName() : tool.name();
        if (!TOOL_NAME.matcher(name).matches()) {
            throw new InvalidToolException(where + "the tool name '" + name
                    + "' is invalid; use 1 to 128 characters of A-Z, a-z, 0-9, '_', '-' and '.'");
        }
        if (!Modifier.isPublic(method.getModifiers()) || Modifier.isStatic(method.getModifiers())) {
            throw new InvalidToolException(where + "a tool method must be public and not static");
        }
        boolean handWritten = !tool.inputSchema().isBlank();
        List<ToolParameter> parameters = new ArrayList<>();
        JsonObjectBuilder properties = JSON.createObjectBuilder();
        JsonArrayBuilder required = JSON.createArrayBuilder();
        Set<String> argumentNames = new LinkedHashSet<>();
        for (Parameter parameter : method.getParameters()) {
            if (parameter.getType() == McpCaller.class) {
                parameters.add(new ToolParameter.Caller());
                continue;
            }
            if (parameter.getType() == McpRequest.class) {
                parameters.add(new ToolParameter.Request());
                continue;
            }
            if (parameter.getType() == DownstreamCredential.class || parameter.getType() == DownstreamCredentials.class
                    || parameter.getType() == RemoteMcpServer.class) {
                parameters.add(new ToolParameter.Credential());
                continue;
            }
            if (handWritten) {
                parameters.add(allArguments(where, parameter, parameters));
                continue;
            }
            ToolParameter.Argument argument = readArgument(where, parameter);
            if (!argumentNames.add(argument.name())) {
                throw new InvalidToolException(where + "two parameters are named '" + argument.name() + "'");
            }
            parameters.add(argument);
            JsonObjectBuilder property = JSON.createObjectBuilder(argument.schema());
            ToolArg toolArg = parameter.getAnnotation(ToolArg.class);
            if (toolArg != null && !toolArg.description().isEmpty()) {
                property.add("description", toolArg.description());
            }
            if (argument.defaultValue() != null) {
                property.add("default", argument.defaultValue());
            }
            if (toolArg != null && !toolArg.header().isEmpty()) {
                property.add(ParameterHeaderReader.KEYWORD, toolArg.header()); // checked with the whole schema below
            }
            properties.add(argument.name(), property);
            if (argument.required()) {
                required.add(argument.name());
            }
        }
        JsonObject inputSchema;
        if (handWritten) {
            inputSchema = HandWrittenInputSchema.read(beanClass, tool.inputSchema(), where);
        } else {
            JsonObjectBuilder generated =
                    JSON.createObjectBuilder().add("type", "object").add("properties", properties);
            var requiredNames = required.build();
            if (!requiredNames.isEmpty()) {
                generated.add("required", requiredNames);
            }
            inputSchema = generated.build();
        }
        ParameterHeaders parameterHeaders = ParameterHeaderReader.read(inputSchema, where);
        JsonObject outputSchema = outputSchema(where, method);

        Tool.Annotations hints = tool.annotations();
        String title = tool.title().isEmpty() ? null : tool.title();
        dev.delegatemcp.wire.mcp.Tool descriptor = new dev.delegatemcp.wire.mcp.Tool(name, title,
                tool.description().isEmpty() ? name : tool.description(), inputSchema, outputSchema,
                new ToolAnnotations(title, hints.readOnlyHint(), hints.destructiveHint(), hints.idempotentHint(),
                        hints.openWorldHint()));
        Set<String> scopes = new LinkedHashSet<>(List.of(tool.scopes()));
        return new ToolDefinition(name, descriptor, Set.copyOf(scopes), beanClass, method, List.copyOf(parameters),
                outputSchema, parameterHeaders);
    }

    /** With a hand-written input schema, the one {@code JsonObject} parameter that receives all arguments. */
    private static ToolParameter allArguments(String where, Parameter parameter, List<ToolParameter> earlier) {
        if (parameter.getType() != JsonObject.class || parameter.isAnnotationPresent(ToolArg.class)) {
            throw new InvalidToolException(where + "parameter '" + parameter.getName() + "' cannot be used with an "
                    + "inputSchema: such a tool takes its arguments as one jakarta.json.JsonObject parameter (without "
                    + "@ToolArg), besides McpCaller, McpRequest and the @Downstream types");
        }
        if (earlier.stream().anyMatch(ToolParameter.AllArguments.class::isInstance)) {
            throw new InvalidToolException(where + "parameter '" + parameter.getName()
                    + "' is a second JsonObject; a tool with an inputSchema takes its arguments as one");
        }
        return new ToolParameter.AllArguments();
    }

    private static ToolParameter.Argument readArgument(String where, Parameter parameter) {
        ToolArg toolArg = parameter.getAnnotation(ToolArg.class);
        String name = toolArg != null && !toolArg.name().isEmpty() ? toolArg.name() : parameter.getName();
        if (toolArg == null || toolArg.name().isEmpty()) {
            if (!parameter.isNamePresent() && SYNTHETIC_PARAMETER_NAME.matcher(name).matches()) {
                throw new InvalidToolException(where + "parameter '" + name
                        + "' has no name; compile with -parameters or name it with @ToolArg(name = ...)");
            }
        }
        Type type = parameter.getParameterizedType();
        JsonObject schema;
        try {
            schema = JsonSchemaGenerator.schemaFor(type);
        } catch (UnsupportedTypeException e) {
            throw new InvalidToolException(
                    where + "parameter '" + name + "' has an unsupported type: " + e.getMessage());
        }
        JsonValue defaultValue = null;
        if (toolArg != null && !ToolArg.NO_DEFAULT.equals(toolArg.defaultValue())) {
            defaultValue = parseDefault(toolArg.defaultValue(), schema);
            var problem = SchemaValidator.firstProblem(defaultValue, schema, name);
            if (problem.isPresent()) {
                throw new InvalidToolException(where + "the default value of parameter '" + name + "' is invalid: "
                        + problem.get());
            }
        }
        boolean required = (toolArg == null || toolArg.required()) && defaultValue == null
                && !JsonSchemaGenerator.isOptional(type);
        return new ToolParameter.Argument(name, type, required, defaultValue, schema);
    }

    /** A default is JSON text; for string-typed arguments a bare word is taken as the string itself. */
    private static JsonValue parseDefault(String text, JsonObject schema) {
        if ("string".equals(schema.getString("type", null)) && !text.startsWith("\"")) {
            return JSON.createValue(text);
        }
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (JsonException e) {
            return JSON.createValue(text);
        }
    }

    /** The structured output schema for record/POJO results; null for text, content and void results. */
    private static JsonObject outputSchema(String where, Method method) {
        Type returnType = method.getGenericReturnType();
        Class<?> raw = method.getReturnType();
        if (raw == void.class || raw == ToolResponse.class || raw == RemoteToolResult.class
                || Content.class.isAssignableFrom(raw)
                || isContentList(returnType)) {
            return null;
        }
        try {
            JsonObject schema = JsonSchemaGenerator.outputSchemaFor(returnType);
            return JsonSchemaGenerator.isObjectType(returnType) ? schema : null;
        } catch (UnsupportedTypeException e) {
            throw new InvalidToolException(where + "the return type is unsupported: " + e.getMessage());
        }
    }

    static boolean isContentList(Type type) {
        Class<?> raw = JsonSchemaGenerator.rawClass(type);
        return raw != null && Collection.class.isAssignableFrom(raw)
                && type instanceof java.lang.reflect.ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> item && Content.class.isAssignableFrom(item);
    }
}
