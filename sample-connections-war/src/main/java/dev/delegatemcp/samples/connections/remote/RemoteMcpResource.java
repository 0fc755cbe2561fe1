package dev.delegatemcp.samples.connections.remote;

import java.util.Optional;
import java.util.logging.Logger;

import dev.delegatemcp.samples.connections.SampleMessages;
import dev.delegatemcp.samples.connections.apps.SampleApp;
import dev.delegatemcp.samples.connections.vault.TokenStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The remote MCP servers at {@code POST /mcp/scheduler}, {@code /mcp/crm} and {@code /mcp/docs}. Each accepts only
 * {@code Authorization: Bearer <token>} with a live vault token minted for its own app (not expired, not rotated
 * away); anything else is 401 with {@code WWW-Authenticate: Bearer error="invalid_token"} and a plain-text body.
 * GET and DELETE are 405 (no server stream; sessions simply age out).
 */
@Path("/mcp/{appId}")
@ApplicationScoped
public class RemoteMcpResource {

    static final String SESSION_HEADER = "Mcp-Session-Id";
    private static final Logger LOG = Logger.getLogger(RemoteMcpResource.class.getName());
    private static final String BEARER = "bearer ";

    @Inject
    TokenStore store;

    @Inject
    RemoteMcpServers servers;

    @POST
    public Response post(@PathParam("appId") String appId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(SESSION_HEADER) String sessionId, String body) {
        Optional<SampleApp> app = SampleApp.byId(appId);
        if (app.isEmpty()) {
            return plain(Response.Status.NOT_FOUND, "There is no remote MCP server named '" + appId + "'; there are "
                    + SampleApp.knownIds() + ".");
        }
        Optional<ConnectionView> connection = bearerToken(authorization)
                .flatMap(token -> store.findLive(app.get().id(), token)).map(ConnectionView::of);
        if (connection.isEmpty()) {
            SampleMessages.REMOTE_REFUSED.log(LOG, app.get().id(),
                    authorization == null ? "no bearer token" : "not a live vault token for " + app.get().id());
            return Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                    .type(MediaType.TEXT_PLAIN_TYPE)
                    .entity("This server accepts only a live token from the vault for the app '" + app.get().id()
                            + "'.")
                    .build();
        }
        RemoteMcpReply reply = servers.of(app.get()).handle(body, sessionId, connection.get());
        Response.ResponseBuilder response = Response.status(reply.status());
        String json = reply.body();
        if (json != null) {
            response.type(MediaType.APPLICATION_JSON_TYPE).entity(json);
        }
        if (reply.sessionId() != null) {
            response.header(SESSION_HEADER, reply.sessionId());
        }
        return response.build();
    }

    @GET
    public Response get() {
        return notAllowed();
    }

    @DELETE
    public Response delete() {
        return notAllowed();
    }

    private static Response notAllowed() {
        return Response.status(Response.Status.METHOD_NOT_ALLOWED).header("Allow", "POST").build();
    }

    private static Optional<String> bearerToken(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = authorization.substring(BEARER.length()).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    private static Response plain(Response.Status status, String text) {
        return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE).entity(text).build();
    }
}
