package dev.delegatemcp.server.schema;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.json.spi.JsonProvider;

/**
 * Generates JSON Schema 2020-12 from Java types: primitives and wrappers, String, enums, java.time types, UUID/URI,
 * BigDecimal/BigInteger, List/Set/Collection/arrays, Map with String keys, Optional, records and POJOs (nested,
 * inlined). In input schemas, records' components are required unless Optional; in output schemas (which a result
 * must match even when a component is null and so left out) only primitive components are. POJOs' properties are
 * required when primitive.
 * Recursive types and types with no JSON form are rejected with {@link UnsupportedTypeException}.
 */
public final class JsonSchemaGenerator {

    /** Looked up once: {@code Json.createXxx} looks the provider up again on every call (a class-loader lock). */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final Map<Class<?>, JsonObject> SIMPLE = new LinkedHashMap<>();

    static {
        JsonObject bool = type("boolean");
        SIMPLE.put(boolean.class, bool);
        SIMPLE.put(Boolean.class, bool);
        for (Class<?>[] pair : new Class<?>[][] {{byte.class, Byte.class}, {short.class, Short.class},
            {int.class, Integer.class}}) {
            long min = pair[0] == byte.class ? Byte.MIN_VALUE
                    : pair[0] == short.class ? Short.MIN_VALUE : Integer.MIN_VALUE;
            long max = pair[0] == byte.class ? Byte.MAX_VALUE
                    : pair[0] == short.class ? Short.MAX_VALUE : Integer.MAX_VALUE;
            JsonObject schema =
                    JSON.createObjectBuilder().add("type", "integer").add("minimum", min).add("maximum", max)
                            .build();
            SIMPLE.put(pair[0], schema);
            SIMPLE.put(pair[1], schema);
        }
        JsonObject int64 = JSON.createObjectBuilder().add("type", "integer").add("minimum", Long.MIN_VALUE)
                .add("maximum", Long.MAX_VALUE).build();
        SIMPLE.put(long.class, int64);
        SIMPLE.put(Long.class, int64);
        SIMPLE.put(BigInteger.class, type("integer"));
        JsonObject number = type("number");
        for (Class<?> c : List.of(float.class, Float.class, double.class, Double.class, BigDecimal.class)) {
            SIMPLE.put(c, number);
        }
        SIMPLE.put(String.class, type("string"));
        JsonObject oneChar = JSON.createObjectBuilder().add("type", "string").add("minLength", 1).add("maxLength", 1)
                .build();
        SIMPLE.put(char.class, oneChar);
        SIMPLE.put(Character.class, oneChar);
        SIMPLE.put(Instant.class, format("date-time"));
        SIMPLE.put(OffsetDateTime.class, format("date-time"));
        SIMPLE.put(ZonedDateTime.class, format("date-time"));
        SIMPLE.put(LocalDate.class, format("date"));
        SIMPLE.put(LocalTime.class, JSON.createObjectBuilder().add("type", "string")
                .add("pattern", "^\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$").build());
        SIMPLE.put(OffsetTime.class, format("time"));
        SIMPLE.put(LocalDateTime.class, JSON.createObjectBuilder().add("type", "string")
                .add("pattern", "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$").build());
        SIMPLE.put(Duration.class, format("duration"));
        SIMPLE.put(Period.class, format("duration"));
        SIMPLE.put(UUID.class, format("uuid"));
        SIMPLE.put(URI.class, format("uri"));
        SIMPLE.put(URL.class, format("uri"));
        SIMPLE.put(OptionalInt.class, SIMPLE.get(int.class));
        SIMPLE.put(OptionalLong.class, int64);
        SIMPLE.put(OptionalDouble.class, number);
    }

    private JsonSchemaGenerator() {
    }

    /** The schema of an input value (a tool argument) of {@code type}. */
    public static JsonObject schemaFor(Type type) {
        return new Walk(false).schemaFor(type);
    }

    /** The schema of an output value (a tool result) of {@code type}. */
    public static JsonObject outputSchemaFor(Type type) {
        return new Walk(true).schemaFor(type);
    }

    /** Whether a value of this type may be left out (Optional and its primitive variants). */
    public static boolean isOptional(Type type) {
        Class<?> raw = rawClass(type);
        return raw == Optional.class || raw == OptionalInt.class || raw == OptionalLong.class
                || raw == OptionalDouble.class;
    }

    /** Whether this type is described by an object schema with properties (a record or POJO). */
    public static boolean isObjectType(Type type) {
        Class<?> raw = rawClass(type);
        return raw != null && !SIMPLE.containsKey(raw) && !raw.isEnum() && !raw.isArray() && !isOptional(type)
                && !Collection.class.isAssignableFrom(raw) && !Map.class.isAssignableFrom(raw)
                && !raw.isPrimitive() && !raw.isInterface() && raw != Object.class
                && !Modifier.isAbstract(raw.getModifiers());
    }

    /** One schema generation: remembers the types on the current path to reject recursion. */
    private static final class Walk {

        private final boolean output;
        private final Deque<Class<?>> path = new ArrayDeque<>();

        Walk(boolean output) {
            this.output = output;
        }

        JsonObject schemaFor(Type type) {
            if (type instanceof WildcardType || type instanceof TypeVariable<?>) {
                throw new UnsupportedTypeException(
                        "type " + type.getTypeName() + " is not concrete; use a concrete type");
            }
            if (type instanceof GenericArrayType) {
                throw new UnsupportedTypeException("generic array type " + type.getTypeName()
                        + " is not supported; use a List");
            }
            Class<?> raw = rawClass(type);
            if (raw == null) {
                throw new UnsupportedTypeException("type " + type.getTypeName() + " is not supported");
            }
            JsonObject simple = SIMPLE.get(raw);
            if (simple != null) {
                return simple;
            }
            if (raw.isEnum()) {
                JsonArrayBuilder values = JSON.createArrayBuilder();
                for (Object constant : raw.getEnumConstants()) {
                    values.add(((Enum<?>) constant).name());
                }
                return JSON.createObjectBuilder().add("type", "string").add("enum", values).build();
            }
            if (raw.isArray()) {
                return arraySchema(raw.getComponentType(), false);
            }
            if (raw == Optional.class) {
                return schemaFor(typeArgument(type, 0, "Optional"));
            }
            if (Collection.class.isAssignableFrom(raw)) {
                if (!raw.isAssignableFrom(List.class) && !raw.isAssignableFrom(Set.class) && raw.isInterface()) {
                    throw new UnsupportedTypeException(
                            "collection type " + raw.getName() + " is not supported; use List or Set");
                }
                return arraySchema(typeArgument(type, 0, raw.getSimpleName()), Set.class.isAssignableFrom(raw));
            }
            if (Map.class.isAssignableFrom(raw)) {
                Type keyType = typeArgument(type, 0, "Map");
                if (keyType != String.class) {
                    throw new UnsupportedTypeException("map type " + type.getTypeName() + " needs String keys");
                }
                return JSON.createObjectBuilder().add("type", "object")
                        .add("additionalProperties", schemaFor(typeArgument(type, 1, "Map"))).build();
            }
            if (!isObjectType(raw)) {
                throw new UnsupportedTypeException("type " + type.getTypeName()
                        + " has no JSON form; use a record, a class with properties, or a supported value type");
            }
            if (path.contains(raw)) {
                throw new UnsupportedTypeException(
                        "type " + raw.getName() + " is recursive; recursive types are not supported");
            }
            path.push(raw);
            try {
                return raw.isRecord() ? recordSchema(raw) : pojoSchema(raw);
            } finally {
                path.pop();
            }
        }

        private JsonObject recordSchema(Class<?> record) {
            JsonObjectBuilder properties = JSON.createObjectBuilder();
            JsonArrayBuilder required = JSON.createArrayBuilder();
            for (RecordComponent component : record.getRecordComponents()) {
                if (component.isAnnotationPresent(JsonbTransient.class)
                        || component.getAccessor().isAnnotationPresent(JsonbTransient.class)) {
                    continue;
                }
                String name = propertyName(component.getName(), component.getAnnotation(JsonbProperty.class),
                        component.getAccessor().getAnnotation(JsonbProperty.class));
                properties.add(name, schemaFor(component.getGenericType()));
                boolean isRequired =
                        output ? component.getType().isPrimitive() : !isOptional(component.getGenericType());
                if (isRequired) {
                    required.add(name);
                }
            }
            return objectSchema(properties, required);
        }

        private JsonObject pojoSchema(Class<?> pojo) {
            JsonObjectBuilder properties = JSON.createObjectBuilder();
            JsonArrayBuilder required = JSON.createArrayBuilder();
            Map<String, Type> seen = new LinkedHashMap<>();
            for (Class<?> c = pojo; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    int mod = field.getModifiers();
                    Method getter = getter(c, field);
                    if (Modifier.isStatic(mod) || Modifier.isTransient(mod)
                            || field.isAnnotationPresent(JsonbTransient.class)
                            || !(Modifier.isPublic(mod) || getter != null)) {
                        continue;
                    }
                    String name = propertyName(field.getName(), field.getAnnotation(JsonbProperty.class),
                            getter == null ? null : getter.getAnnotation(JsonbProperty.class));
                    if (seen.putIfAbsent(name, field.getGenericType()) == null) {
                        properties.add(name, schemaFor(field.getGenericType()));
                        if (field.getType().isPrimitive()) {
                            required.add(name);
                        }
                    }
                }
            }
            if (seen.isEmpty()) {
                throw new UnsupportedTypeException(
                        "type " + pojo.getName() + " has no properties (public fields or getters)");
            }
            return objectSchema(properties, required);
        }

        /** The field's public getter ({@code getX} or {@code isX}) unless it is @JsonbTransient; null when none. */
        private static Method getter(Class<?> owner, Field field) {
            String suffix = Character.toUpperCase(field.getName().charAt(0)) + field.getName().substring(1);
            for (String prefix : new String[] {"get", "is"}) {
                try {
                    Method getter = owner.getMethod(prefix + suffix);
                    return getter.isAnnotationPresent(JsonbTransient.class) ? null : getter;
                } catch (NoSuchMethodException e) {
                    // try the next form
                }
            }
            return null;
        }

        private static JsonObject objectSchema(JsonObjectBuilder properties, JsonArrayBuilder required) {
            JsonObjectBuilder schema = JSON.createObjectBuilder().add("type", "object").add("properties", properties);
            var requiredArray = required.build();
            if (!requiredArray.isEmpty()) {
                schema.add("required", requiredArray);
            }
            return schema.build();
        }

        private JsonObject arraySchema(Type itemType, boolean unique) {
            JsonObjectBuilder schema =
                    JSON.createObjectBuilder().add("type", "array").add("items", schemaFor(itemType));
            if (unique) {
                schema.add("uniqueItems", true);
            }
            return schema.build();
        }
    }

    private static String propertyName(String javaName, JsonbProperty first, JsonbProperty second) {
        JsonbProperty annotation = first != null ? first : second;
        return annotation != null && !annotation.value().isEmpty() ? annotation.value() : javaName;
    }

    private static Type typeArgument(Type type, int index, String what) {
        if (type instanceof ParameterizedType parameterized) {
            return parameterized.getActualTypeArguments()[index];
        }
        throw new UnsupportedTypeException("raw " + what + " is not supported; give its type arguments");
    }

    public static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    private static JsonObject type(String name) {
        return JSON.createObjectBuilder().add("type", name).build();
    }

    private static JsonObject format(String format) {
        return JSON.createObjectBuilder().add("type", "string").add("format", format).build();
    }
}
