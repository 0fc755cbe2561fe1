package dev.delegatemcp.credentials;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fills a configuration class's {@code @ConfigProperty} fields from MicroProfile Config the way CDI injects them: each
 * from its key, else its {@code defaultValue}; converted as MP Config converts (String, int, long,
 * {@link Duration#parse}, {@link URI}, comma-separated {@code List<String>}, {@code Optional} of those). An empty value
 * counts as unset, as in MP Config.
 * <p>
 * Hand-written because the EJBs of this module cannot have their configuration injected: on Liberty 26.0.0.5, after a
 * deployment of the EAR has failed (e.g. a bad tool), the next deployment in the same server does not see this jar's
 * {@code @Dependent} configuration beans from the EJBs' injection points (WELD-001408), and {@code @ConfigProperties}
 * mappings are not found from request threads (SRCFG00027). The annotations stay the one declaration of each key.
 */
final class ConfigBinding {

    private ConfigBinding() {
    }

    /**
     * A new instance of {@code type} with its {@code @ConfigProperty} fields set from {@code config}.
     *
     * @throws java.util.NoSuchElementException naming the key when a required value is missing
     * @throws IllegalArgumentException naming the key when a value does not convert (e.g. a malformed duration)
     */
    static <T> T bind(Class<T> type, Config config) {
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
                String value = config.getOptionalValue(name, String.class).filter(v -> !v.isEmpty())
                        .orElse(ConfigProperty.UNCONFIGURED_VALUE.equals(property.defaultValue())
                                ? null : property.defaultValue());
                field.setAccessible(true);
                if (field.getType() == Optional.class) {
                    Class<?> element = (Class<?>) ((ParameterizedType) field.getGenericType())
                            .getActualTypeArguments()[0];
                    field.set(instance, Optional.ofNullable(value).map(v -> convert(name, v, element)));
                } else if (value == null) {
                    throw new java.util.NoSuchElementException(name + " is required and has no value");
                } else {
                    field.set(instance, convert(name, value, field.getType()));
                }
            }
            return instance;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object convert(String key, String value, Class<?> type) {
        try {
            return convert(value, type);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + " cannot be read as " + (type == Duration.class
                    ? "an ISO-8601 duration such as PT5S" : type.getSimpleName()) + ": '" + value + "'");
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
            return Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
        }
        throw new IllegalArgumentException("no converter for " + type);
    }
}
