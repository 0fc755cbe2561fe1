package dev.delegatemcp.server.feature.tool;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import dev.delegatemcp.api.Tool;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

/**
 * Reads the input schema a tool gives with {@link Tool#inputSchema()}: JSON text, or a classpath resource named
 * relative to the bean class, and checks that it is what MCP 2025-11-25 allows as {@code Tool.inputSchema}: a JSON
 * object whose {@code type} is {@code "object"}, whose {@code properties} (if present) maps names to objects and whose
 * {@code required} (if present) is an array of strings. Nothing else is checked or changed here (its
 * {@code x-mcp-header} annotations are checked by {@link ParameterHeaderReader}): every other keyword
 * ({@code $schema}, {@code $defs}, {@code allOf}, {@code if}, ...) is listed exactly as written.
 */
final class HandWrittenInputSchema {

    private static final JsonProvider JSON = JsonProvider.provider();

    private HandWrittenInputSchema() {
    }

    /**
     * @param beanClass the class that resolves a resource name
     * @param declared the annotation's value: JSON text (starts with <code>{</code>) or a resource name
     * @param where the start of an error message, naming the method
     * @throws InvalidToolException saying what is missing or wrong
     */
    static JsonObject read(Class<?> beanClass, String declared, String where) {
        String text = declared.strip();
        String origin = "the inputSchema";
        if (!text.startsWith("{")) {
            origin = "the inputSchema resource '" + text + "'";
            text = resource(beanClass, text, where + origin);
        }
        JsonValue schema;
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            schema = reader.readValue();
        } catch (JsonException e) {
            throw new InvalidToolException(where + origin + " is not JSON: " + e.getMessage());
        }
        if (!(schema instanceof JsonObject object)) {
            throw new InvalidToolException(where + origin + " is not a JSON object");
        }
        if (!(object.get("type") instanceof JsonString type) || !"object".equals(type.getString())) {
            throw new InvalidToolException(where + origin + " must have \"type\": \"object\" (an input schema is an "
                    + "object schema, MCP 2025-11-25 Tool.inputSchema)");
        }
        JsonValue properties = object.get("properties");
        if (properties != null && !(properties instanceof JsonObject
                && ((JsonObject) properties).values().stream().allMatch(JsonObject.class::isInstance))) {
            throw new InvalidToolException(where + origin + ": \"properties\" must be an object of schemas (objects)");
        }
        JsonValue required = object.get("required");
        if (required != null && !(required.getValueType() == JsonValue.ValueType.ARRAY
                && required.asJsonArray().stream().allMatch(JsonString.class::isInstance))) {
            throw new InvalidToolException(where + origin + ": \"required\" must be an array of strings");
        }
        return object;
    }

    private static String resource(Class<?> beanClass, String name, String what) {
        try (InputStream in = beanClass.getResourceAsStream(name)) {
            if (in == null) {
                throw new InvalidToolException(what + " is not on the classpath (resolved as "
                        + beanClass.getSimpleName() + ".class.getResource does: relative to package "
                        + beanClass.getPackageName() + ", or from the root with a leading '/')");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidToolException(what + " cannot be read: " + e.getMessage());
        }
    }
}
