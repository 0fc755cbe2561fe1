package dev.delegatemcp.samples.connections.vault.api;

import dev.delegatemcp.samples.connections.vault.StoredToken;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * A stored token as Descope's fetch operations answer it: {@code {"token": {"id", "appId", "userId", "tokenSub",
 * "accessToken", "accessTokenType", "accessTokenExpiry", "hasRefreshToken", "refreshToken"?, "lastRefreshTime",
 * "lastRefreshError", "scopes", "tenantId", "grantedBy"}}}, times in unix seconds. {@code userId} is absent on tenant
 * tokens and {@code tenantId} on user tokens connected outside a tenant.
 */
public final class TokenJson {

    private TokenJson() {
    }

    public static JsonObject answer(StoredToken token, boolean withRefreshToken) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", token.id())
                .add("appId", token.appId());
        if (token.userId() != null) {
            json.add("userId", token.userId());
        }
        json.add("tokenSub", token.userId() != null ? token.userId() : token.tenantId())
                .add("accessToken", token.accessToken())
                .add("accessTokenType", "bearer")
                .add("accessTokenExpiry", token.accessTokenExpiry().getEpochSecond())
                .add("hasRefreshToken", true);
        if (withRefreshToken) {
            json.add("refreshToken", token.refreshToken());
        }
        json.add("lastRefreshTime", token.lastRefreshTime().getEpochSecond())
                .add("lastRefreshError", "")
                .add("scopes", Json.createArrayBuilder(token.scopes()));
        if (token.tenantId() != null) {
            json.add("tenantId", token.tenantId());
        }
        if (token.grantedBy() != null) {
            json.add("grantedBy", token.grantedBy());
        }
        return Json.createObjectBuilder().add("token", json).build();
    }
}
