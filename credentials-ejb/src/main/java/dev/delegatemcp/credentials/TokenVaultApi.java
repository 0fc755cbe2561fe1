package dev.delegatemcp.credentials;

import dev.delegatemcp.api.interaction.TraceContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

/**
 * The token vault's token API, as an MP Rest Client whose base URI is {@code mcp.outbound.base-url}. Its wire format
 * is Descope's Outbound Apps management API ({@code /v1/mgmt/outbound/app/...}). Bodies are JSON (JSON-B); HTTP 200
 * is read as a {@link VaultTokenResponse}, anything else becomes a {@link CredentialException}
 * ({@link TokenVaultErrorMapper}). Every method: {@code authorization} is {@code Bearer <projectId>:<secret>};
 * {@code traceparent} and {@code tracestate} are the W3C trace context headers, null for none (a null header value is
 * not sent: Jakarta REST, {@code Invocation.Builder#header}).
 *
 * @throws CredentialException on any answer but HTTP 200
 */
@Path("/v1/mgmt/outbound/app")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RegisterProvider(TokenVaultErrorMapper.class)
public interface TokenVaultApi {

    /** The user's token for the app holding at least the given scopes. */
    @POST
    @Path("/user/token")
    VaultTokenResponse userToken(@HeaderParam("Authorization") String authorization,
            @HeaderParam(TraceContext.TRACEPARENT) String traceparent,
            @HeaderParam(TraceContext.TRACESTATE) String tracestate, VaultTokenQuery query);

    /** The user's most recent token for the app. */
    @POST
    @Path("/user/token/latest")
    VaultTokenResponse latestUserToken(@HeaderParam("Authorization") String authorization,
            @HeaderParam(TraceContext.TRACEPARENT) String traceparent,
            @HeaderParam(TraceContext.TRACESTATE) String tracestate, VaultTokenQuery query);

    /** The tenant's token for the app holding at least the given scopes. */
    @POST
    @Path("/tenant/token")
    VaultTokenResponse tenantToken(@HeaderParam("Authorization") String authorization,
            @HeaderParam(TraceContext.TRACEPARENT) String traceparent,
            @HeaderParam(TraceContext.TRACESTATE) String tracestate, VaultTokenQuery query);

    /** The tenant's most recent token for the app. */
    @POST
    @Path("/tenant/token/latest")
    VaultTokenResponse latestTenantToken(@HeaderParam("Authorization") String authorization,
            @HeaderParam(TraceContext.TRACEPARENT) String traceparent,
            @HeaderParam(TraceContext.TRACESTATE) String tracestate, VaultTokenQuery query);
}
