package dev.delegatemcp.server.feature.tool;

import java.io.StringReader;
import java.lang.reflect.Method;
import java.util.Arrays;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/** Shared helpers of the tools tests: read a fixture tool method, parse JSON text. */
final class TestTools {

    private TestTools() {
    }

    /** The method of that name declared by a fixture class. */
    static Method method(Class<?> type, String name) {
        return Arrays.stream(type.getDeclaredMethods()).filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no method " + name));
    }

    /** The definition of the method of that name in a fixture class. */
    static ToolDefinition read(Class<?> type, String methodName) {
        return ToolDefinitionReader.read(type, method(type, methodName));
    }

    /** A wire record as the client reads it. */
    static JsonObject written(Object record) {
        return dev.delegatemcp.wire.WireJson.jsonb().fromJson(dev.delegatemcp.wire.WireJson.toJson(record),
                JsonObject.class);
    }

    static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
