package dev.delegatemcp.samples.connections.remote;

import java.util.List;

import dev.delegatemcp.samples.connections.vault.ConnectionLevel;
import dev.delegatemcp.samples.connections.vault.StoredToken;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * Which stored token a remote call was made with, without its secrets: tools check scopes against it, and every
 * result shows it as {@code "connection": {"app", "level", "user", "tenant", "scopes"}} so that a caller can see
 * whose credential reached the remote server.
 *
 * @param app    the app id
 * @param level  user or tenant connection
 * @param user   the user's subject (user level), else null
 * @param tenant the tenant (tenant level, or the tenant a user connected in), else null
 * @param scopes the scopes the token grants
 */
public record ConnectionView(String app, ConnectionLevel level, String user, String tenant, List<String> scopes) {

    public ConnectionView {
        scopes = List.copyOf(scopes);
    }

    public static ConnectionView of(StoredToken token) {
        return new ConnectionView(token.appId(), token.level(), token.userId(), token.tenantId(), token.scopes());
    }

    public boolean grants(String scope) {
        return scopes.contains(scope);
    }

    /** The owner, as sessions are bound to it: "user:alice-id" or "tenant:acme". */
    String owner() {
        return level == ConnectionLevel.USER ? "user:" + user : "tenant:" + tenant;
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder().add("app", app).add("level", level.wireName());
        if (user == null) {
            json.addNull("user");
        } else {
            json.add("user", user);
        }
        if (tenant == null) {
            json.addNull("tenant");
        } else {
            json.add("tenant", tenant);
        }
        return json.add("scopes", Json.createArrayBuilder(scopes)).build();
    }
}
