package dev.delegatemcp.credentials;

import java.util.Map;

/** {@link ConfigBinding} over a map of values, for unit tests. */
final class ConfigPropertiesBinder {

    private ConfigPropertiesBinder() {
    }

    static <T> T defaults(Class<T> type) {
        return bind(type, Map.of());
    }

    static <T> T bind(Class<T> type, Map<String, String> values) {
        FakeConfig config = new FakeConfig();
        values.forEach(config::with);
        return ConfigBinding.bind(type, config);
    }
}
