package dev.delegatemcp.samples.connections.vault.api;

import java.util.Optional;

import dev.delegatemcp.samples.connections.vault.ConnectionLevel;
import dev.delegatemcp.samples.connections.vault.StoredToken;
import dev.delegatemcp.samples.connections.vault.TokenStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Descope's Outbound Apps token API (management key authentication), on the demo vault:
 * {@code POST /v1/mgmt/outbound/app/user/token}, {@code .../user/token/latest}, {@code .../tenant/token} and
 * {@code .../tenant/token/latest}. 200 with the token, 401 without the management key, 400 for a malformed body,
 * 404 when no stored token matches.
 */
@Path("/v1/mgmt/outbound/app")
@ApplicationScoped
public class OutboundTokenResource {

    @Inject
    TokenStore store;

    @Inject
    ManagementKeyVerifier managementKey;

    @POST
    @Path("/user/token")
    public Response userTokenByScopes(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        return fetch(authorization, body, ConnectionLevel.USER, true);
    }

    @POST
    @Path("/user/token/latest")
    public Response latestUserToken(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        return fetch(authorization, body, ConnectionLevel.USER, false);
    }

    @POST
    @Path("/tenant/token")
    public Response tenantTokenByScopes(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        return fetch(authorization, body, ConnectionLevel.TENANT, true);
    }

    @POST
    @Path("/tenant/token/latest")
    public Response latestTenantToken(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        return fetch(authorization, body, ConnectionLevel.TENANT, false);
    }

    private Response fetch(String authorization, String body, ConnectionLevel level, boolean byScopes) {
        if (!managementKey.accepts(authorization)) {
            return DescopeError.unauthorized().toResponse();
        }
        TokenFetchRequest request;
        try {
            request = TokenFetchRequest.parse(body, level, byScopes);
        } catch (InvalidVaultRequestException e) {
            return DescopeError.badRequest(e.getMessage()).toResponse();
        }
        Optional<StoredToken> token = store.fetch(request.query());
        if (token.isEmpty()) {
            return DescopeError.tokenNotFound().toResponse();
        }
        return Response.ok(TokenJson.answer(token.get(), request.withRefreshToken()).toString(),
                MediaType.APPLICATION_JSON_TYPE).build();
    }
}
