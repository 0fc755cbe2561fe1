package dev.delegatemcp.credentials;

import dev.delegatemcp.api.interaction.TraceContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

/**
 * The STS token endpoint (RFC 6749 section 3.2), as an MP Rest Client whose base URI is the endpoint's URL
 * ({@code mcp.sts.token-endpoint}). The request is a form ({@link TokenRequestWriter}); HTTP 200 is read as a
 * {@link TokenResponse}, anything else becomes a {@link CredentialException} ({@link TokenEndpointErrorMapper}).
 */
@RegisterProvider(TokenRequestWriter.class)
@RegisterProvider(TokenEndpointErrorMapper.class)
public interface TokenEndpointApi {

    /**
     * @param authorization the client authentication, {@code Basic ...} (RFC 6749 section 2.3.1)
     * @param traceparent the W3C {@code traceparent} header, or null for none (a null header value is not sent:
     *        Jakarta REST, {@code Invocation.Builder#header})
     * @param tracestate the W3C {@code tracestate} header, or null for none
     * @throws CredentialException when the STS answers with anything but HTTP 200
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    TokenResponse token(@HeaderParam("Authorization") String authorization,
            @HeaderParam(TraceContext.TRACEPARENT) String traceparent,
            @HeaderParam(TraceContext.TRACESTATE) String tracestate, TokenRequest request);
}
