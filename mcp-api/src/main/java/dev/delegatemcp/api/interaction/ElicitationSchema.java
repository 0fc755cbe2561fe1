package dev.delegatemcp.api.interaction;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The form of a form-mode elicitation: a flat list of fields of the primitive types MCP 2025-11-25 allows
 * (schema: PrimitiveSchemaDefinition): text with an optional format, numbers, booleans, and single- or multi-choice
 * enumerations with optional titles (SEP-1330), each with an optional default (SEP-1034). The server writes it as the
 * {@code requestedSchema} JSON Schema object and checks the user's answer against it.
 *
 * <pre>{@code
 * ElicitationSchema.of(
 *     ElicitationSchema.text("email", "Your e-mail").format(ElicitationSchema.Format.EMAIL),
 *     ElicitationSchema.number("guests", "Guests").integer().range(1, 10).defaultValue(2),
 *     ElicitationSchema.choice("size", "Size", Option.of("s", "Small"), Option.of("l", "Large")).optional())
 * }</pre>
 *
 * @param fields the fields in display order, names unique
 */
public record ElicitationSchema(List<Field> fields) {

    public ElicitationSchema {
        fields = List.copyOf(Objects.requireNonNull(fields, "fields"));
        Set<String> names = new HashSet<>();
        for (Field field : fields) {
            if (!names.add(field.name())) {
                throw new IllegalArgumentException("two fields are named " + field.name());
            }
        }
    }

    public static ElicitationSchema of(Field... fields) {
        return new ElicitationSchema(List.of(fields));
    }

    /** A required text field. */
    public static Text text(String name, String title) {
        return new Text(name, title, null, true, null, null, null, null);
    }

    /** A required number field (any number; {@link Number#integer()} for whole numbers). */
    public static Number number(String name, String title) {
        return new Number(name, title, null, true, false, null, null, null);
    }

    /** A required yes/no field. */
    public static Bool bool(String name, String title) {
        return new Bool(name, title, null, true, null);
    }

    /** A required single choice among options. */
    public static SingleChoice choice(String name, String title, Option... options) {
        return new SingleChoice(name, title, null, true, List.of(options), null, false);
    }

    /** A multiple choice among options (any number of them unless bounded). */
    public static MultiChoice choices(String name, String title, Option... options) {
        return new MultiChoice(name, title, null, true, List.of(options), null, null, List.of());
    }

    /** One field of the form. */
    public sealed interface Field permits Text, Number, Bool, SingleChoice, MultiChoice {
        /** The property name in the submitted content. */
        String name();

        /** The label shown to the user, or null. */
        String title();

        /** A longer explanation, or null. */
        String description();

        /** Whether the user must fill it in. */
        boolean required();
    }

    /** Formats of a text field (JSON Schema {@code format}). */
    public enum Format {
        EMAIL("email"), URI("uri"), DATE("date"), DATE_TIME("date-time");

        private final String wireName;

        Format(String wireName) {
            this.wireName = wireName;
        }

        /** The JSON Schema format name, e.g. {@code "date-time"}. */
        public String wireName() {
            return wireName;
        }
    }

    /** A choice: the value submitted and the label shown (null for the value itself). */
    public record Option(String value, String title) {
        public Option {
            Objects.requireNonNull(value, "value");
        }

        public static Option of(String value, String title) {
            return new Option(value, title);
        }

        public static Option of(String value) {
            return new Option(value, null);
        }
    }

    /** A text field; lengths in characters. */
    public record Text(String name, String title, String description, boolean required, Format format,
            Integer minLength, Integer maxLength, String defaultValue) implements Field {
        public Text {
            Objects.requireNonNull(name, "name");
        }

        public Text description(String text) {
            return new Text(name, title, text, required, format, minLength, maxLength, defaultValue);
        }

        public Text optional() {
            return new Text(name, title, description, false, format, minLength, maxLength, defaultValue);
        }

        public Text format(Format value) {
            return new Text(name, title, description, required, value, minLength, maxLength, defaultValue);
        }

        public Text length(Integer min, Integer max) {
            return new Text(name, title, description, required, format, min, max, defaultValue);
        }

        public Text defaultValue(String value) {
            return new Text(name, title, description, required, format, minLength, maxLength, value);
        }
    }

    /** A number field. */
    public record Number(String name, String title, String description, boolean required, boolean wholeNumbers,
            Double minimum, Double maximum, Double defaultValue) implements Field {
        public Number {
            Objects.requireNonNull(name, "name");
        }

        public Number description(String text) {
            return new Number(name, title, text, required, wholeNumbers, minimum, maximum, defaultValue);
        }

        public Number optional() {
            return new Number(name, title, description, false, wholeNumbers, minimum, maximum, defaultValue);
        }

        /** Whole numbers only (JSON Schema type {@code integer}). */
        public Number integer() {
            boolean integer = true;
            return new Number(name, title, description, required, integer, minimum, maximum, defaultValue);
        }

        public Number range(double min, double max) {
            return new Number(name, title, description, required, wholeNumbers, min, max, defaultValue);
        }

        public Number defaultValue(double value) {
            return new Number(name, title, description, required, wholeNumbers, minimum, maximum, value);
        }
    }

    /** A yes/no field. */
    public record Bool(String name, String title, String description, boolean required, Boolean defaultValue)
            implements Field {
        public Bool {
            Objects.requireNonNull(name, "name");
        }

        public Bool description(String text) {
            return new Bool(name, title, text, required, defaultValue);
        }

        public Bool optional() {
            return new Bool(name, title, description, false, defaultValue);
        }

        public Bool defaultValue(boolean value) {
            return new Bool(name, title, description, required, value);
        }
    }

    /**
     * One value among options. With titles, written as {@code oneOf} of {@code const}/{@code title} pairs (SEP-1330),
     * or, for clients of the 2025-06-18 era, as {@code enum} with {@code enumNames} ({@link #legacyTitles()}).
     */
    public record SingleChoice(String name, String title, String description, boolean required, List<Option> options,
            String defaultValue, boolean legacyEnumNames) implements Field {
        public SingleChoice {
            Objects.requireNonNull(name, "name");
            options = List.copyOf(options);
            if (options.isEmpty()) {
                throw new IllegalArgumentException(name + ": a choice needs at least one option");
            }
        }

        public SingleChoice description(String text) {
            return new SingleChoice(name, title, text, required, options, defaultValue, legacyEnumNames);
        }

        public SingleChoice optional() {
            return new SingleChoice(name, title, description, false, options, defaultValue, legacyEnumNames);
        }

        public SingleChoice defaultValue(String value) {
            return new SingleChoice(name, title, description, required, options, value, legacyEnumNames);
        }

        /** Writes the option titles as the deprecated {@code enumNames} beside {@code enum}. */
        public SingleChoice legacyTitles() {
            return new SingleChoice(name, title, description, required, options, defaultValue, true);
        }
    }

    /** Several values among options. */
    public record MultiChoice(String name, String title, String description, boolean required, List<Option> options,
            Integer minItems, Integer maxItems, List<String> defaultValues) implements Field {
        public MultiChoice {
            Objects.requireNonNull(name, "name");
            options = List.copyOf(options);
            if (options.isEmpty()) {
                throw new IllegalArgumentException(name + ": a choice needs at least one option");
            }
            defaultValues = defaultValues == null ? List.of() : List.copyOf(defaultValues);
        }

        public MultiChoice description(String text) {
            return new MultiChoice(name, title, text, required, options, minItems, maxItems, defaultValues);
        }

        public MultiChoice optional() {
            return new MultiChoice(name, title, description, false, options, minItems, maxItems, defaultValues);
        }

        public MultiChoice items(Integer min, Integer max) {
            return new MultiChoice(name, title, description, required, options, min, max, defaultValues);
        }

        public MultiChoice defaultValues(String... values) {
            return new MultiChoice(name, title, description, required, options, minItems, maxItems, List.of(values));
        }
    }
}
