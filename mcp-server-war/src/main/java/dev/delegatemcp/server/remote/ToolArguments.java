package dev.delegatemcp.server.remote;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

/**
 * A remote tool's arguments given as a Java map, as the JSON object {@code tools/call} sends (MCP 2025-11-25 schema:
 * CallToolRequest {@code params.arguments}).
 * <p>
 * Accepted values: {@code null} (JSON null), {@link JsonValue}, {@link String}, {@link Boolean}, any {@link Number}
 * (Integer, Long, BigInteger, BigDecimal, Double as they are; Short, Byte, AtomicInteger, AtomicLong as a long; Float
 * by its decimal text, so {@code 1.1f} is {@code 1.1}; others by their {@code toString()}), maps with String keys,
 * collections and arrays of those, at any depth. Anything else, a non-String key, or a NaN or infinite number throws
 * {@link IllegalArgumentException} naming its path ({@code arguments.when.day}, {@code arguments.ids[2]}), before
 * anything is sent.
 */
final class ToolArguments {

    private static final JsonProvider JSON = JsonProvider.provider();

    private ToolArguments() {
    }

    /** The arguments as a JSON object; {@code null} is the empty object. */
    static JsonObject toJsonObject(Map<String, ?> arguments) {
        if (arguments == null) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        return JSON.createObjectBuilder(normalizeMap(arguments, "arguments")).build();
    }

    private static Map<String, Object> normalizeMap(Map<?, ?> map, String path) {
        Map<String, Object> normalized = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException(path + ": keys must be strings, not "
                        + (entry.getKey() == null ? "null" : entry.getKey().getClass().getName()));
            }
            normalized.put(key, normalize(entry.getValue(), path + "." + key));
        }
        return normalized;
    }

    /**
     * A value createObjectBuilder(Map) accepts with the same meaning on every provider: JSON values, strings,
     * booleans, numbers as BigDecimal/BigInteger/Integer/Long/Double, maps and lists of those.
     */
    private static Object normalize(Object value, String path) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number number) {
            return number(number, path);
        }
        if (value instanceof Map<?, ?> map) {
            return normalizeMap(map, path);
        }
        if (value instanceof Collection<?> collection) {
            List<Object> list = new ArrayList<>(collection.size());
            int index = 0;
            for (Object element : collection) {
                list.add(normalize(element, path + "[" + index++ + "]"));
            }
            return list;
        }
        if (value.getClass().isArray()) {
            int length = Array.getLength(value);
            List<Object> list = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                list.add(normalize(Array.get(value, i), path + "[" + i + "]"));
            }
            return list;
        }
        throw new IllegalArgumentException(path + ": a " + value.getClass().getName()
                + " has no JSON form; use String, Number, Boolean, null, Map, Collection or a JsonValue");
    }

    private static Object number(Number number, String path) {
        if (number instanceof Integer || number instanceof Long || number instanceof BigInteger
                || number instanceof BigDecimal) {
            return number;
        }
        if (number instanceof Short || number instanceof Byte || number instanceof AtomicInteger
                || number instanceof AtomicLong) {
            return number.longValue();
        }
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException(path + ": " + number + " has no JSON form");
            }
            // Float via its decimal text, so 1.1f is 1.1 and not 1.100000023841858.
            return number instanceof Float ? new BigDecimal(number.toString()) : number;
        }
        try {
            return new BigDecimal(number.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(path + ": " + number.getClass().getName() + " has no JSON form");
        }
    }
}
