package dev.delegatemcp.credentials;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fills a configuration bean's {@code @ConfigProperty} fields the way MP Config injects them, for unit tests: each
 * from its key in the given values, else its {@code defaultValue}; converted as MP Config converts
 * (String, int, long, {@link Duration#parse}, {@link URI}, comma-separated {@code List<String>}, {@code Optional}).
 * An empty value counts as unset, as in MP Config. A required field without value or default fails.
 */
final class ConfigPropertiesBinder {

    private ConfigPropertiesBinder() {
    }

    static <T> T defaults(Class<T> type) {
        return bind(type, Map.of());
    }

    static <T> T bind(Class<T> type, Map<String, String> values) {
        try {
            T instance = type.getDeclaredConstructor().newInstance();
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                ConfigProperty property = field.getAnnotation(ConfigProperty.class);
                if (property == null) {
                    continue;
                }
                String name = property.name();
                String value = Optional.ofNullable(values.get(name)).filter(v -> !v.isEmpty())
                        .orElse(ConfigProperty.UNCONFIGURED_VALUE.equals(property.defaultValue())
                                ? null : property.defaultValue());
                field.setAccessible(true);
                if (field.getType() == Optional.class) {
                    Class<?> element = (Class<?>) ((ParameterizedType) field.getGenericType())
                            .getActualTypeArguments()[0];
                    field.set(instance, Optional.ofNullable(value).map(v -> convert(v, element)));
                } else if (value == null) {
                    throw new IllegalStateException("no value for " + name);
                } else {
                    field.set(instance, convert(value, field.getType()));
                }
            }
            return instance;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object convert(String value, Class<?> type) {
        if (type == String.class) {
            return value;
        }
        if (type == int.class) {
            return Integer.parseInt(value.trim());
        }
        if (type == long.class) {
            return Long.parseLong(value.trim());
        }
        if (type == Duration.class) {
            return Duration.parse(value.trim());
        }
        if (type == URI.class) {
            return URI.create(value.trim());
        }
        if (type == List.class) {
            return Arrays.stream(value.split(",")).filter(v -> !v.isEmpty()).toList();
        }
        throw new IllegalArgumentException("no converter for " + type);
    }
}
