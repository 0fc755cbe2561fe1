package dev.delegatemcp.server.feature.resource;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * A Java type a template variable can be bound to, and how its text becomes a value: {@code String},
 * {@code int}/{@code Integer}, {@code long}/{@code Long}, {@code boolean}/{@code Boolean} ({@code true} or
 * {@code false}), {@code UUID} (its canonical form), an enum (by constant name), or {@code Optional} of any of these
 * but the primitives. Text that does not convert means the URI is not one of the template's resources.
 *
 * @param name the type as messages show it
 * @param primitive whether the parameter is a primitive, which an absent variable cannot fill
 * @param optional whether the parameter is an {@code Optional}
 * @param parse text to value; throws {@link IllegalArgumentException} when the text does not convert
 */
record VariableType(String name, boolean primitive, boolean optional, Function<String, Object> parse) {

    /** The type of a parameter, when a template variable can fill it. */
    static Optional<VariableType> of(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == Optional.class) {
            return of(parameterized.getActualTypeArguments()[0])
                    .filter(inner -> !inner.optional() && !inner.primitive()).map(inner -> new VariableType(
                            "Optional<" + inner.name() + ">", false, true, inner.parse()));
        }
        if (!(type instanceof Class<?> raw)) {
            return Optional.empty();
        }
        Function<String, Object> parse;
        if (raw == String.class) {
            parse = text -> text;
        } else if (raw == int.class || raw == Integer.class) {
            parse = Integer::valueOf;
        } else if (raw == long.class || raw == Long.class) {
            parse = Long::valueOf;
        } else if (raw == boolean.class || raw == Boolean.class) {
            parse = VariableType::parseBoolean;
        } else if (raw == UUID.class) {
            parse = VariableType::parseUuid;
        } else if (raw.isEnum()) {
            parse = text -> enumConstant(raw, text);
        } else {
            return Optional.empty();
        }
        return Optional.of(new VariableType(raw.getSimpleName(), raw.isPrimitive(), false, parse));
    }

    /**
     * The parameter's value.
     *
     * @param text the variable's decoded text, or null when the URI leaves it out (an optional variable)
     * @throws IllegalArgumentException when the text does not convert
     */
    Object convert(String text) {
        if (text == null) {
            if (primitive) {
                throw new IllegalArgumentException("no value for a primitive");
            }
            return optional ? Optional.empty() : null;
        }
        Object value = parse.apply(text);
        return optional ? Optional.of(value) : value;
    }

    private static Boolean parseBoolean(String text) {
        return switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not true or false");
        };
    }

    private static UUID parseUuid(String text) {
        UUID uuid = UUID.fromString(text);
        if (!uuid.toString().equals(text.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("not a UUID in its canonical form");
        }
        return uuid;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String text) {
        return Enum.valueOf((Class<? extends Enum>) type.asSubclass(Enum.class), text);
    }
}
