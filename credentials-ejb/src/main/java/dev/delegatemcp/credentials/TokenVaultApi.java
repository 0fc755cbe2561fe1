package dev.delegatemcp.credentials;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The Outbound Apps token API (Descope's management API for stored connection tokens), as an MP Rest Client whose
 * base URI is {@code mcp.outbound.base-url}. Bodies are JSON; the answer is read by {@link TokenVaultClient}.
 */
@Path("/v1/mgmt/outbound/app")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface TokenVaultApi {

    /** The user's token for the app holding at least the given scopes. */
    @POST
    @Path("/user/token")
    Response userToken(@HeaderParam("Authorization") String authorization, String body);

    /** The user's most recent token for the app. */
    @POST
    @Path("/user/token/latest")
    Response latestUserToken(@HeaderParam("Authorization") String authorization, String body);

    /** The tenant's token for the app holding at least the given scopes. */
    @POST
    @Path("/tenant/token")
    Response tenantToken(@HeaderParam("Authorization") String authorization, String body);

    /** The tenant's most recent token for the app. */
    @POST
    @Path("/tenant/token/latest")
    Response latestTenantToken(@HeaderParam("Authorization") String authorization, String body);
}
