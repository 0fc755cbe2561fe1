package dev.delegatemcp.server.protocol.stream;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.delegatemcp.api.interaction.ElicitationSchema;
import dev.delegatemcp.api.interaction.ElicitationSchema.Field;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

/**
 * Form-mode elicitation schemas (MCP 2025-11-25, Elicitation, Requested schema; schema.ts PrimitiveSchemaDefinition):
 * writes an {@link ElicitationSchema} as the {@code requestedSchema} object, with defaults (SEP-1034) and titled or
 * untitled single- and multi-select enumerations (SEP-1330), and reads the user's answer back, checking each value
 * against its field. Hand-written: the schema is a flat list of eight primitive shapes, so a general JSON Schema
 * validator would add a dependency for less than this class.
 */
public final class ElicitationForms {

    private static final JsonProvider JSON = JsonProvider.provider();
    /** The shape of an address, not its deliverability (a local part, an @, a domain with a dot). */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private ElicitationForms() {
    }

    /** The {@code requestedSchema}: {@code {"type":"object","properties":{...},"required":[...]}}. */
    public static JsonObject requestedSchema(ElicitationSchema schema) {
        JsonObjectBuilder properties = JSON.createObjectBuilder();
        JsonArrayBuilder required = JSON.createArrayBuilder();
        for (Field field : schema.fields()) {
            properties.add(field.name(), property(field));
            if (field.required()) {
                required.add(field.name());
            }
        }
        JsonObjectBuilder object = JSON.createObjectBuilder().add("type", "object").add("properties", properties);
        JsonArray names = required.build();
        if (!names.isEmpty()) {
            object.add("required", names);
        }
        return object.build();
    }

    private static JsonObject property(Field field) {
        JsonObjectBuilder property = JSON.createObjectBuilder();
        if (field instanceof ElicitationSchema.Text text) {
            property.add("type", "string");
            describe(property, field);
            if (text.minLength() != null) {
                property.add("minLength", text.minLength());
            }
            if (text.maxLength() != null) {
                property.add("maxLength", text.maxLength());
            }
            if (text.format() != null) {
                property.add("format", text.format().wireName());
            }
            if (text.defaultValue() != null) {
                property.add("default", text.defaultValue());
            }
        } else if (field instanceof ElicitationSchema.Number number) {
            property.add("type", number.wholeNumbers() ? "integer" : "number");
            describe(property, field);
            // Whole-number bounds are the whole numbers within the bounds given, as the answer is checked against
            // the bounds themselves: 0.5 to 9.5 is 1 to 9, not the truncated 0 to 9.
            if (number.minimum() != null) {
                property.add("minimum", numeric(number.wholeNumbers() ? Math.ceil(number.minimum()) : number.minimum(),
                        number.wholeNumbers()));
            }
            if (number.maximum() != null) {
                property.add("maximum", numeric(number.wholeNumbers() ? Math.floor(number.maximum()) : number.maximum(),
                        number.wholeNumbers()));
            }
            if (number.defaultValue() != null) {
                property.add("default", numeric(number.defaultValue(), number.wholeNumbers()));
            }
        } else if (field instanceof ElicitationSchema.Bool bool) {
            property.add("type", "boolean");
            describe(property, field);
            if (bool.defaultValue() != null) {
                property.add("default", bool.defaultValue());
            }
        } else if (field instanceof ElicitationSchema.SingleChoice choice) {
            property.add("type", "string");
            describe(property, field);
            if (choice.legacyEnumNames()) {
                property.add("enum", values(choice.options()));
                JsonArrayBuilder names = JSON.createArrayBuilder();
                choice.options().forEach(option -> names.add(option.title() != null ? option.title() : option.value()));
                property.add("enumNames", names);
            } else if (titled(choice.options())) {
                property.add("oneOf", options(choice.options()));
            } else {
                property.add("enum", values(choice.options()));
            }
            if (choice.defaultValue() != null) {
                property.add("default", choice.defaultValue());
            }
        } else if (field instanceof ElicitationSchema.MultiChoice choices) {
            property.add("type", "array");
            describe(property, field);
            if (choices.minItems() != null) {
                property.add("minItems", choices.minItems());
            }
            if (choices.maxItems() != null) {
                property.add("maxItems", choices.maxItems());
            }
            property.add("items", titled(choices.options())
                    ? JSON.createObjectBuilder().add("anyOf", options(choices.options()))
                    : JSON.createObjectBuilder().add("type", "string").add("enum", values(choices.options())));
            if (!choices.defaultValues().isEmpty()) {
                JsonArrayBuilder defaults = JSON.createArrayBuilder();
                choices.defaultValues().forEach(defaults::add);
                property.add("default", defaults);
            }
        }
        return property.build();
    }

    /**
     * The accepted answer as Java values by field name: {@code String}, {@code Long} (integer fields), {@code Double},
     * {@code Boolean} or {@code List<String>}. Properties the schema does not name are dropped.
     *
     * @return the values, or the list of problems in {@code problems} (then the map is incomplete)
     */
    public static Map<String, Object> read(ElicitationSchema schema, JsonObject content, List<String> problems) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field field : schema.fields()) {
            JsonValue value = content.get(field.name());
            if (value == null || value == JsonValue.NULL) {
                if (field.required()) {
                    problems.add(field.name() + ": is required");
                }
                continue;
            }
            Object read = read(field, value, problems);
            if (read != null) {
                values.put(field.name(), read);
            }
        }
        return values;
    }

    private static Object read(Field field, JsonValue value, List<String> problems) {
        String name = field.name();
        if (field instanceof ElicitationSchema.Text text) {
            if (!(value instanceof JsonString string)) {
                problems.add(name + ": must be a string");
                return null;
            }
            String s = string.getString();
            int length = s.codePointCount(0, s.length());
            if (text.minLength() != null && length < text.minLength()
                    || text.maxLength() != null && length > text.maxLength()) {
                problems.add(name + ": has the wrong length");
                return null;
            }
            if (text.format() != null && !matches(text.format(), s)) {
                problems.add(name + ": is not a valid " + text.format().wireName());
                return null;
            }
            return s;
        }
        if (field instanceof ElicitationSchema.Number number) {
            if (!(value instanceof JsonNumber n)) {
                problems.add(name + ": must be a number");
                return null;
            }
            double d = n.doubleValue();
            if (number.wholeNumbers() && !n.isIntegral() && d != Math.rint(d)) {
                problems.add(name + ": must be a whole number");
                return null;
            }
            if (number.minimum() != null && d < number.minimum() || number.maximum() != null && d > number.maximum()) {
                problems.add(name + ": is out of range");
                return null;
            }
            return number.wholeNumbers() ? (Object) (long) d : (Object) d;
        }
        if (field instanceof ElicitationSchema.Bool) {
            if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
                return value == JsonValue.TRUE;
            }
            problems.add(name + ": must be true or false");
            return null;
        }
        if (field instanceof ElicitationSchema.SingleChoice choice) {
            if (value instanceof JsonString string && isOption(choice.options(), string.getString())) {
                return string.getString();
            }
            problems.add(name + ": is not one of the choices");
            return null;
        }
        ElicitationSchema.MultiChoice choices = (ElicitationSchema.MultiChoice) field;
        if (!(value instanceof JsonArray array)) {
            problems.add(name + ": must be a list of choices");
            return null;
        }
        List<String> picked = new ArrayList<>();
        for (JsonValue item : array) {
            if (!(item instanceof JsonString string) || !isOption(choices.options(), string.getString())) {
                problems.add(name + ": holds something that is not one of the choices");
                return null;
            }
            picked.add(string.getString());
        }
        if (choices.minItems() != null && picked.size() < choices.minItems()
                || choices.maxItems() != null && picked.size() > choices.maxItems()) {
            problems.add(name + ": has the wrong number of choices");
            return null;
        }
        return List.copyOf(picked);
    }

    private static boolean matches(ElicitationSchema.Format format, String value) {
        try {
            switch (format) {
                case EMAIL:
                    return EMAIL.matcher(value).matches();
                case URI:
                    return new URI(value).isAbsolute();
                case DATE:
                    LocalDate.parse(value);
                    return true;
                case DATE_TIME:
                    OffsetDateTime.parse(value);
                    return true;
                default:
                    return false;
            }
        } catch (URISyntaxException | DateTimeParseException e) {
            return false;
        }
    }

    private static void describe(JsonObjectBuilder property, Field field) {
        if (field.title() != null) {
            property.add("title", field.title());
        }
        if (field.description() != null) {
            property.add("description", field.description());
        }
    }

    private static JsonValue numeric(double value, boolean whole) {
        return whole ? JSON.createValue((long) value) : JSON.createValue(value);
    }

    private static boolean titled(List<ElicitationSchema.Option> options) {
        return options.stream().anyMatch(option -> option.title() != null);
    }

    private static JsonArrayBuilder options(List<ElicitationSchema.Option> options) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (ElicitationSchema.Option option : options) {
            array.add(JSON.createObjectBuilder().add("const", option.value()).add("title",
                    option.title() != null ? option.title() : option.value()));
        }
        return array;
    }

    private static JsonArrayBuilder values(List<ElicitationSchema.Option> options) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        options.forEach(option -> array.add(option.value()));
        return array;
    }

    private static boolean isOption(List<ElicitationSchema.Option> options, String value) {
        return options.stream().anyMatch(option -> option.value().equals(value));
    }
}
