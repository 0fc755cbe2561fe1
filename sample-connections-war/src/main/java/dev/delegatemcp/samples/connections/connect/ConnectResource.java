package dev.delegatemcp.samples.connections.connect;

import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import dev.delegatemcp.samples.connections.SampleMessages;
import dev.delegatemcp.samples.connections.apps.SampleApp;
import dev.delegatemcp.samples.connections.vault.ConnectionLevel;
import dev.delegatemcp.samples.connections.vault.StoredToken;
import dev.delegatemcp.samples.connections.vault.TokenStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * How a user (or a tenant admin, for the whole tenant) stores a token in the vault, authenticated with their own
 * sign-in token (MP-JWT, see web.xml): {@code POST /connect/{appId}?scopes=a,b&level=user|tenant} connects,
 * {@code DELETE /connect/{appId}?level=...} disconnects, and the unauthenticated {@code GET} is the page that
 * explains how to connect (the MCP server's "connect URL"). Answers never contain the token.
 */
@Path("/connect/{appId}")
@RequestScoped
public class ConnectResource {

    private static final Logger LOG = Logger.getLogger(ConnectResource.class.getName());

    @Inject
    TokenStore store;

    @Inject
    @ConfigProperty(name = "mcp.security.tenant-claim", defaultValue = "tenant")
    String tenantClaim;

    @Context
    SecurityContext security;

    @POST
    public Response connect(@PathParam("appId") String appId, @QueryParam("scopes") String scopes,
            @QueryParam("level") @DefaultValue("user") String level) {
        Optional<SampleApp> app = SampleApp.byId(appId);
        Optional<ConnectionLevel> connectionLevel = ConnectionLevel.fromWireName(level);
        Optional<JsonWebToken> caller = caller();
        if (app.isEmpty()) {
            return problem(Response.Status.NOT_FOUND, unknownApp(appId));
        }
        if (connectionLevel.isEmpty()) {
            return problem(Response.Status.BAD_REQUEST, badLevel());
        }
        if (caller.isEmpty()) {
            return problem(Response.Status.UNAUTHORIZED, "Sign in first: send your own access token as "
                    + "Authorization: Bearer <token>.");
        }
        List<String> granted;
        try {
            granted = RequestedScopes.parse(scopes, app.get());
        } catch (IllegalArgumentException e) {
            return problem(Response.Status.BAD_REQUEST, e.getMessage());
        }
        String subject = caller.get().getSubject();
        String tenant = tenantOf(caller.get());
        JsonObjectBuilder answer = Json.createObjectBuilder().add("connected", app.get().id())
                .add("level", connectionLevel.get().wireName())
                .add("scopes", Json.createArrayBuilder(granted));
        StoredToken token;
        if (connectionLevel.get() == ConnectionLevel.TENANT) {
            if (tenant == null) {
                return problem(Response.Status.BAD_REQUEST, noTenant(app.get()));
            }
            token = store.connectTenant(app.get().id(), tenant, granted, subject);
            answer.add("tenant", tenant);
        } else {
            token = store.connectUser(app.get().id(), subject, tenant, granted, subject);
            answer.add("user", subject);
        }
        SampleMessages.CONNECTED.log(LOG, app.get().id(), connectionLevel.get().wireName(),
                token.userId() != null ? token.userId() : token.tenantId(), granted, token.id(), subject);
        return Response.ok(answer.build().toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @DELETE
    public Response disconnect(@PathParam("appId") String appId,
            @QueryParam("level") @DefaultValue("user") String level) {
        Optional<SampleApp> app = SampleApp.byId(appId);
        Optional<ConnectionLevel> connectionLevel = ConnectionLevel.fromWireName(level);
        Optional<JsonWebToken> caller = caller();
        if (app.isEmpty()) {
            return problem(Response.Status.NOT_FOUND, unknownApp(appId));
        }
        if (connectionLevel.isEmpty()) {
            return problem(Response.Status.BAD_REQUEST, badLevel());
        }
        if (caller.isEmpty()) {
            return problem(Response.Status.UNAUTHORIZED, "Sign in first: send your own access token as "
                    + "Authorization: Bearer <token>.");
        }
        String subject = caller.get().getSubject();
        JsonObjectBuilder answer = Json.createObjectBuilder().add("disconnected", app.get().id())
                .add("level", connectionLevel.get().wireName());
        int removed;
        if (connectionLevel.get() == ConnectionLevel.TENANT) {
            String tenant = tenantOf(caller.get());
            if (tenant == null) {
                return problem(Response.Status.BAD_REQUEST, noTenant(app.get()));
            }
            removed = store.disconnectTenant(app.get().id(), tenant);
            answer.add("tenant", tenant);
        } else {
            removed = store.disconnectUser(app.get().id(), subject);
            answer.add("user", subject);
        }
        SampleMessages.DISCONNECTED.log(LOG, app.get().id(), connectionLevel.get().wireName(), removed, subject);
        return Response.ok(answer.add("removed", removed).build().toString(), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    @GET
    public Response page(@PathParam("appId") String appId, @QueryParam("scopes") String scopes,
            @QueryParam("level") @DefaultValue("user") String level) {
        Optional<SampleApp> app = SampleApp.byId(appId);
        Optional<ConnectionLevel> connectionLevel = ConnectionLevel.fromWireName(level);
        if (app.isEmpty()) {
            return html(Response.Status.NOT_FOUND, ConnectPage.problem(unknownApp(appId)));
        }
        if (connectionLevel.isEmpty()) {
            return html(Response.Status.BAD_REQUEST, ConnectPage.problem(badLevel()));
        }
        try {
            return html(Response.Status.OK,
                    ConnectPage.render(app.get(), connectionLevel.get(), RequestedScopes.parse(scopes, app.get())));
        } catch (IllegalArgumentException e) {
            return html(Response.Status.BAD_REQUEST, ConnectPage.problem(e.getMessage()));
        }
    }

    private Optional<JsonWebToken> caller() {
        Principal principal = security == null ? null : security.getUserPrincipal();
        return principal instanceof JsonWebToken jwt && jwt.getSubject() != null ? Optional.of(jwt)
                : Optional.empty();
    }

    /** The caller's tenant claim as text, or null when the token has none. */
    private String tenantOf(JsonWebToken jwt) {
        Object claim = jwt.getClaim(tenantClaim);
        String tenant = claim instanceof JsonString json ? json.getString() : claim == null ? null : claim.toString();
        return tenant == null || tenant.isBlank() ? null : tenant;
    }

    private static String unknownApp(String appId) {
        return "There is no app named '" + appId + "'; the apps are " + SampleApp.knownIds() + ".";
    }

    private static String badLevel() {
        return "The level must be user or tenant.";
    }

    private String noTenant(SampleApp app) {
        return "Your sign-in token has no " + tenantClaim + " claim, so there is no tenant to connect "
                + app.displayName() + " for; connect it for yourself with level=user instead.";
    }

    private static Response problem(Response.Status status, String sentence) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.createObjectBuilder().add("error", sentence).build().toString()).build();
    }

    private static Response html(Response.Status status, String page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }
}
