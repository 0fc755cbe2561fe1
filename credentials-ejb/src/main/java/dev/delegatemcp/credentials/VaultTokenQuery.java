package dev.delegatemcp.credentials;

import java.util.List;

import dev.delegatemcp.api.Downstream;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The JSON body of a token request at the vault (Descope Outbound Apps: {@code /v1/mgmt/outbound/app/user/token},
 * {@code .../tenant/token} and their {@code /latest} forms), written by JSON-B; null members are left out.
 *
 * @param appId {@code appId}: the connected app
 * @param userId {@code userId}: the user, for a user's token; else null
 * @param tenantId {@code tenantId}: the tenant, for a tenant's token; else null
 * @param scopes {@code scopes} the token must hold; null when asking for the latest token
 * @param options {@code options}
 */
@JsonbPropertyOrder({"appId", "userId", "tenantId", "scopes", "options"})
public record VaultTokenQuery(String appId, String userId, String tenantId, List<String> scopes, Options options) {

    /**
     * @param withRefreshToken {@code withRefreshToken}: always false, refresh tokens stay in the vault
     * @param forceRefresh {@code forceRefresh}: have the vault refresh the provider token first
     */
    @JsonbPropertyOrder({"withRefreshToken", "forceRefresh"})
    public record Options(boolean withRefreshToken, boolean forceRefresh) {
    }

    /** The body for a request: by scopes when it names any, else for the latest token. */
    public static VaultTokenQuery of(StoredTokenRequest request) {
        boolean user = request.level() == Downstream.Level.USER;
        return new VaultTokenQuery(request.appId(), user ? request.userId() : null, user ? null : request.tenantId(),
                request.scopes().isEmpty() ? null : request.scopes(), new Options(false, request.forceRefresh()));
    }
}
