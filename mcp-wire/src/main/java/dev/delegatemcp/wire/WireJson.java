package dev.delegatemcp.wire;

import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;

/**
 * The one configured JSON-B instance for the protocol's records (Jakarta JSON Binding 3.0; Yasson on Liberty):
 * compact output, null members left out (MCP's optional members are absent, never {@code null}), records bound
 * through their canonical constructors, MCP's type-keyed content through {@code @JsonbTypeInfo}. Thread-safe; built
 * once per class loader (each web module has its own).
 */
public final class WireJson {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(false)
            .withFormatting(false));

    private WireJson() {
    }

    /** The shared instance, for callers that need the JSON-B API itself (e.g. to bind a tool's result type). */
    public static Jsonb jsonb() {
        return JSONB;
    }

    /** The JSON text of a record of this module (or any value JSON-B writes). */
    public static String toJson(Object value) {
        return JSONB.toJson(value);
    }

    /**
     * A record of this module from its JSON text.
     *
     * @throws JsonbException when the text is not JSON or does not have the record's shape
     */
    public static <T> T fromJson(String json, Class<T> type) {
        return JSONB.fromJson(json, type);
    }

    /**
     * A record of this module from a JSON-P object already read (e.g. the {@code result} of a {@link
     * dev.delegatemcp.wire.jsonrpc.JsonRpcReply}).
     *
     * @throws JsonbException when the object does not have the record's shape
     */
    public static <T> T fromJson(JsonObject json, Class<T> type) {
        return JSONB.fromJson(json.toString(), type);
    }
}
