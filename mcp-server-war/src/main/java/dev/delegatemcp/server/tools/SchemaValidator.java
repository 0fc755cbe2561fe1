package dev.delegatemcp.server.tools;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Checks a JSON value against the schemas {@link JsonSchemaGenerator} makes (type, enum, properties, required,
 * additionalProperties, items, uniqueItems, minimum/maximum, minLength/maxLength, pattern and the date, time,
 * date-time and uuid formats) and names the first problem by its JSON path.
 */
public final class SchemaValidator {

    private SchemaValidator() {
    }

    /** The first problem found, e.g. {@code "days: expected integer but got string"}; empty when the value is valid. */
    public static Optional<String> firstProblem(JsonValue value, JsonObject schema, String path) {
        String type = schema.getString("type", null);
        if (type != null && !hasType(value, type)) {
            return problem(path, "expected " + type + " but got " + describe(value));
        }
        JsonArray allowed = schema.getJsonArray("enum");
        if (allowed != null && !allowed.contains(value)) {
            return problem(path, "must be one of " + allowed);
        }
        if (value instanceof JsonNumber number) {
            return checkRange(number, schema, path);
        }
        if (value instanceof JsonString string) {
            return checkString(string.getString(), schema, path);
        }
        if (value instanceof JsonArray array) {
            return checkArray(array, schema, path);
        }
        if (value instanceof JsonObject object) {
            return checkObject(object, schema, path);
        }
        return Optional.empty();
    }

    private static Optional<String> checkObject(JsonObject object, JsonObject schema, String path) {
        JsonArray required = schema.getJsonArray("required");
        if (required != null) {
            for (JsonString name : required.getValuesAs(JsonString.class)) {
                JsonValue member = object.get(name.getString());
                if (member == null || member == JsonValue.NULL) {
                    return problem(join(path, name.getString()), "is required");
                }
            }
        }
        JsonObject properties = schema.getJsonObject("properties");
        JsonValue additional = schema.get("additionalProperties");
        for (var member : object.entrySet()) {
            JsonObject memberSchema = properties == null ? null : properties.getJsonObject(member.getKey());
            if (memberSchema == null && additional instanceof JsonObject additionalSchema) {
                memberSchema = additionalSchema;
            }
            if (memberSchema == null && additional == JsonValue.FALSE) {
                return problem(join(path, member.getKey()), "is not a known property");
            }
            if (memberSchema != null && member.getValue() != JsonValue.NULL) {
                Optional<String> problem = firstProblem(member.getValue(), memberSchema, join(path, member.getKey()));
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> checkArray(JsonArray array, JsonObject schema, String path) {
        JsonObject items = schema.getJsonObject("items");
        for (int i = 0; items != null && i < array.size(); i++) {
            Optional<String> problem = firstProblem(array.get(i), items, path + "[" + i + "]");
            if (problem.isPresent()) {
                return problem;
            }
        }
        if (schema.getBoolean("uniqueItems", false)
                && array.stream().map(SchemaValidator::canonical).distinct().count() != array.size()) {
            return problem(path, "must not contain duplicate items");
        }
        return Optional.empty();
    }

    private static Optional<String> checkRange(JsonNumber number, JsonObject schema, String path) {
        BigDecimal value = number.bigDecimalValue();
        if (schema.containsKey("minimum") && value.compareTo(schema.getJsonNumber("minimum").bigDecimalValue()) < 0) {
            return problem(path, "must be at least " + schema.getJsonNumber("minimum"));
        }
        if (schema.containsKey("maximum") && value.compareTo(schema.getJsonNumber("maximum").bigDecimalValue()) > 0) {
            return problem(path, "must be at most " + schema.getJsonNumber("maximum"));
        }
        return Optional.empty();
    }

    private static Optional<String> checkString(String value, JsonObject schema, String path) {
        int length = value.codePointCount(0, value.length());
        if (schema.containsKey("minLength") && length < schema.getInt("minLength")) {
            return problem(path, "must have at least " + schema.getInt("minLength") + " characters");
        }
        if (schema.containsKey("maxLength") && length > schema.getInt("maxLength")) {
            return problem(path, "must have at most " + schema.getInt("maxLength") + " characters");
        }
        String pattern = schema.getString("pattern", null);
        if (pattern != null && !Pattern.compile(pattern).matcher(value).find()) {
            return problem(path, "does not match the expected form " + pattern);
        }
        String format = schema.getString("format", null);
        if (format != null && !hasFormat(value, format)) {
            return problem(path, "is not a valid " + format);
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

    private static Optional<String> problem(String path, String message) {
        return Optional.of((path.isEmpty() ? "value" : path) + ": " + message);
    }
}
