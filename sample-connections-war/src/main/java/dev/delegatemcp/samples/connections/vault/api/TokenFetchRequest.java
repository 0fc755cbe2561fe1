package dev.delegatemcp.samples.connections.vault.api;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import dev.delegatemcp.samples.connections.vault.ConnectionLevel;
import dev.delegatemcp.samples.connections.vault.TokenQuery;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * A parsed body of one of the four fetch operations: {@code {"appId", "userId" | "tenantId", "scopes"?,
 * "tenantId"?, "options"?: {"withRefreshToken", "forceRefresh"}}}. Unknown members are ignored (as Descope does
 * with e.g. {@code externalIdentifier}); a missing {@code scopes} on a "by scopes" operation means none required.
 *
 * @param query            what to fetch
 * @param withRefreshToken whether the answer includes the refresh token
 */
public record TokenFetchRequest(TokenQuery query, boolean withRefreshToken) {

    /**
     * Parses {@code body} for the operation of this level, "by scopes" or "latest".
     *
     * @throws InvalidVaultRequestException when the body is not JSON or lacks or mistypes a member
     */
    public static TokenFetchRequest parse(String body, ConnectionLevel level, boolean byScopes)
            throws InvalidVaultRequestException {
        JsonObject json = readObject(body);
        String appId = requiredString(json, "appId");
        List<String> scopes = byScopes ? stringList(json, "scopes") : null;
        JsonObject options = optionalObject(json, "options");
        boolean forceRefresh = optionalBoolean(options, "forceRefresh");
        boolean withRefreshToken = optionalBoolean(options, "withRefreshToken");
        TokenQuery query;
        if (level == ConnectionLevel.USER) {
            String userId = requiredString(json, "userId");
            String tenantId = optionalString(json, "tenantId");
            query = byScopes ? TokenQuery.userByScopes(appId, userId, tenantId, scopes, forceRefresh)
                    : TokenQuery.userLatest(appId, userId, tenantId, forceRefresh);
        } else {
            String tenantId = requiredString(json, "tenantId");
            query = byScopes ? TokenQuery.tenantByScopes(appId, tenantId, scopes, forceRefresh)
                    : TokenQuery.tenantLatest(appId, tenantId, forceRefresh);
        }
        return new TokenFetchRequest(query, withRefreshToken);
    }

    private static JsonObject readObject(String body) throws InvalidVaultRequestException {
        if (body == null || body.isBlank()) {
            throw new InvalidVaultRequestException("the request body must be a JSON object");
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidVaultRequestException("the request body must be a JSON object");
            }
            return value.asJsonObject();
        } catch (JsonException e) {
            throw new InvalidVaultRequestException("the request body is not valid JSON");
        }
    }

    private static String requiredString(JsonObject json, String name) throws InvalidVaultRequestException {
        String value = optionalString(json, name);
        if (value == null || value.isBlank()) {
            throw new InvalidVaultRequestException(name + " is required");
        }
        return value;
    }

    /** The member's string, or null when it is absent, JSON null or empty. */
    private static String optionalString(JsonObject json, String name) throws InvalidVaultRequestException {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new InvalidVaultRequestException(name + " must be a string");
        }
        String text = ((JsonString) value).getString();
        return text.isEmpty() ? null : text;
    }

    private static List<String> stringList(JsonObject json, String name) throws InvalidVaultRequestException {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidVaultRequestException(name + " must be an array of strings");
        }
        List<String> strings = new ArrayList<>();
        for (JsonValue item : value.asJsonArray()) {
            if (item.getValueType() != JsonValue.ValueType.STRING) {
                throw new InvalidVaultRequestException(name + " must be an array of strings");
            }
            strings.add(((JsonString) item).getString());
        }
        return strings;
    }

    private static JsonObject optionalObject(JsonObject json, String name) throws InvalidVaultRequestException {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidVaultRequestException(name + " must be an object");
        }
        return value.asJsonObject();
    }

    private static boolean optionalBoolean(JsonObject json, String name) throws InvalidVaultRequestException {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return false;
        }
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            throw new InvalidVaultRequestException("options." + name + " must be a boolean");
        }
        return value == JsonValue.TRUE;
    }
}
