package dev.delegatemcp.server.schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Checks a JSON value against the schemas {@link JsonSchemaGenerator} makes (type, enum, properties, required,
 * additionalProperties, items, uniqueItems, minimum/maximum, minLength/maxLength, pattern and the date, time,
 * date-time and uuid formats) and names every problem by its JSON path, in document order: a model that reads them
 * can correct all of them in one go. A value of the wrong type is one problem; what is inside it is not checked.
 */
public final class SchemaValidator {

    /**
     * The most problems gathered for one value: past it the check stops (one more is kept, so the caller can tell
     * there were more). A body of a few MiB can hold millions of wrong array items; their list must not be larger.
     */
    public static final int MAX_PROBLEMS = 20;

    private SchemaValidator() {
    }

    /**
     * Every problem, e.g. {@code ["days: expected integer but got string", "to: is required"]}, up to
     * {@link #MAX_PROBLEMS} + 1; empty when valid.
     */
    public static List<String> problems(JsonValue value, JsonObject schema, String path) {
        List<String> problems = new ArrayList<>();
        check(value, schema, path, problems);
        return problems;
    }

    /** The first problem, e.g. {@code "days: expected integer but got string"}; empty when the value is valid. */
    public static Optional<String> firstProblem(JsonValue value, JsonObject schema, String path) {
        return problems(value, schema, path).stream().findFirst();
    }

    private static void check(JsonValue value, JsonObject schema, String path, List<String> problems) {
        if (problems.size() > MAX_PROBLEMS) {
            return;
        }
        String type = schema.getString("type", null);
        if (type != null && !hasType(value, type)) {
            problems.add(problem(path, "expected " + type + " but got " + describe(value)));
            return;
        }
        JsonArray allowed = schema.getJsonArray("enum");
        if (allowed != null && !allowed.contains(value)) {
            problems.add(problem(path, "must be one of " + allowed.stream()
                    .map(v -> v instanceof JsonString s ? s.getString() : v.toString())
                    .collect(Collectors.joining(", "))));
            return;
        }
        if (value instanceof JsonNumber number) {
            checkRange(number, schema, path).ifPresent(problems::add);
        } else if (value instanceof JsonString string) {
            checkString(string.getString(), schema, path).ifPresent(problems::add);
        } else if (value instanceof JsonArray array) {
            checkArray(array, schema, path, problems);
        } else if (value instanceof JsonObject object) {
            checkObject(object, schema, path, problems);
        }
    }

    private static void checkObject(JsonObject object, JsonObject schema, String path, List<String> problems) {
        JsonArray required = schema.getJsonArray("required");
        if (required != null) {
            for (JsonString name : required.getValuesAs(JsonString.class)) {
                JsonValue member = object.get(name.getString());
                if (member == null || member == JsonValue.NULL) {
                    problems.add(problem(join(path, name.getString()), "is required"));
                }
            }
        }
        JsonObject properties = schema.getJsonObject("properties");
        JsonValue additional = schema.get("additionalProperties");
        for (var member : object.entrySet()) {
            if (problems.size() > MAX_PROBLEMS) {
                return;
            }
            JsonObject memberSchema = properties == null ? null : properties.getJsonObject(member.getKey());
            if (memberSchema == null && additional instanceof JsonObject additionalSchema) {
                memberSchema = additionalSchema;
            }
            if (memberSchema == null && additional == JsonValue.FALSE) {
                problems.add(problem(join(path, member.getKey()), "is not a known property"));
            }
            if (memberSchema != null && member.getValue() != JsonValue.NULL) {
                check(member.getValue(), memberSchema, join(path, member.getKey()), problems);
            }
        }
    }

    private static void checkArray(JsonArray array, JsonObject schema, String path, List<String> problems) {
        JsonObject items = schema.getJsonObject("items");
        for (int i = 0; items != null && i < array.size() && problems.size() <= MAX_PROBLEMS; i++) {
            check(array.get(i), items, path + "[" + i + "]", problems);
        }
        if (schema.getBoolean("uniqueItems", false)
                && array.stream().map(SchemaValidator::canonical).distinct().count() != array.size()) {
            problems.add(problem(path, "must not contain duplicate items"));
        }
    }

    private static Optional<String> checkRange(JsonNumber number, JsonObject schema, String path) {
        BigDecimal value = number.bigDecimalValue();
        if (schema.containsKey("minimum") && value.compareTo(schema.getJsonNumber("minimum").bigDecimalValue()) < 0) {
            return Optional.of(problem(path, "must be at least " + schema.getJsonNumber("minimum")));
        }
        if (schema.containsKey("maximum") && value.compareTo(schema.getJsonNumber("maximum").bigDecimalValue()) > 0) {
            return Optional.of(problem(path, "must be at most " + schema.getJsonNumber("maximum")));
        }
        return Optional.empty();
    }

    private static Optional<String> checkString(String value, JsonObject schema, String path) {
        int length = value.codePointCount(0, value.length());
        if (schema.containsKey("minLength") && length < schema.getInt("minLength")) {
            return Optional.of(problem(path, "must have at least " + schema.getInt("minLength") + " characters"));
        }
        if (schema.containsKey("maxLength") && length > schema.getInt("maxLength")) {
            return Optional.of(problem(path, "must have at most " + schema.getInt("maxLength") + " characters"));
        }
        String pattern = schema.getString("pattern", null);
        if (pattern != null && !Pattern.compile(pattern).matcher(value).find()) {
            return Optional.of(problem(path, "does not match the expected form " + pattern));
        }
        String format = schema.getString("format", null);
        if (format != null && !hasFormat(value, format)) {
            return Optional.of(problem(path, "is not a valid " + format));
        }
        return Optional.empty();
    }

    /** Equal JSON values map to equal objects: numbers compare by value, whatever their scale (1 = 1.0). */
    private static Object canonical(JsonValue value) {
        return value instanceof JsonNumber number ? number.bigDecimalValue().stripTrailingZeros() : value;
    }

    private static boolean hasFormat(String value, String format) {
        try {
            switch (format) {
                case "date-time" -> OffsetDateTime.parse(value);
                case "date" -> LocalDate.parse(value);
                case "time" -> OffsetTime.parse(value);
                case "uuid" -> UUID.fromString(value);
                default -> {
                    // other formats are annotations only
                }
            }
            return true;
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean hasType(JsonValue value, String type) {
        return switch (type) {
            case "object" -> value.getValueType() == JsonValue.ValueType.OBJECT;
            case "array" -> value.getValueType() == JsonValue.ValueType.ARRAY;
            case "string" -> value.getValueType() == JsonValue.ValueType.STRING;
            case "boolean" -> value == JsonValue.TRUE || value == JsonValue.FALSE;
            case "number" -> value.getValueType() == JsonValue.ValueType.NUMBER;
            case "integer" -> value instanceof JsonNumber n && isIntegral(n);
            default -> true;
        };
    }

    private static boolean isIntegral(JsonNumber number) {
        BigDecimal value = number.bigDecimalValue();
        return value.signum() == 0 || value.scale() <= 0 || value.stripTrailingZeros().scale() <= 0;
    }

    private static String describe(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> "object";
            case ARRAY -> "array";
            case STRING -> "string";
            case NUMBER -> isIntegral((JsonNumber) value) ? "integer" : "number";
            case TRUE, FALSE -> "boolean";
            case NULL -> "null";
        };
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String problem(String path, String message) {
        return (path.isEmpty() ? "value" : path) + ": " + message;
    }
}
