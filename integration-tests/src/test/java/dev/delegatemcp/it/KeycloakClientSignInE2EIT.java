package dev.delegatemcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.delegatemcp.it.support.Node;
import dev.delegatemcp.test.TestSecrets;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.junit.jupiter.api.Test;

/**
 * A real MCP client signs in to the demo by itself, with no token pasted: the TypeScript SDK's OAuth client meets
 * the server's 401, discovers the protected resource and Keycloak, registers itself dynamically, and gets a token by
 * authorization code with PKCE and {@code resource}; the user's login and consent forms are filled in by the test.
 * Against the demo realm as {@code bin/keycloak} configures it, on test ports (integration-tests/pom.xml).
 * <p>
 * Runs before {@link KeycloakE2EIT} (failsafe runs classes in alphabetical order), whose last test stops Keycloak.
 */
class KeycloakClientSignInE2EIT {

    private static final String KEYCLOAK = "http://localhost:" + Integer.getInteger("it.keycloak.port", 18180);
    private static final String ISSUER = KEYCLOAK + "/realms/mcp-demo";
    private static final String MCP_URL = "http://localhost:" + Integer.getInteger("it.demo.http.port", 19280)
            + "/mcp-server/mcp";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Signs in with the SDK client; its code and tokens go to the ledger of the final log scan, not to the output. */
    private static JsonObject signIn(String user, String scope, String tools) {
        Path secrets;
        try {
            secrets = Files.createTempFile("oauth-client-secrets", ".txt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = new HashMap<>(Map.of("MCP_URL", MCP_URL, "MCP_USER", user,
                "MCP_PASSWORD", user, "MCP_TOOLS", tools, "MCP_SECRETS_FILE", secrets.toString()));
        if (scope != null) {
            env.put("MCP_SCOPE", scope);
        }
        Node.Result result;
        try {
            result = Node.run(env, 180, "oauth-client.mjs", "signin");
            Files.readAllLines(secrets).stream().filter(line -> !line.isBlank()).forEach(TestSecrets::record);
            Files.delete(secrets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(0, result.exitCode(), result.stdout() + result.stderr());
        return result.json();
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void sdkClientSignsInByItselfThroughDynamicRegistrationAndPkceThenListsAndCallsTools() {
        JsonObject out = signIn("alice", null, "whoami,calendar_events");

        assertEquals("UnauthorizedError", out.getString("firstAttempt"), "the first connect meets the 401");
        JsonObject discovery = out.getJsonObject("discovery");
        assertEquals(ISSUER, discovery.getString("authorizationServer"), "from the protected resource metadata");
        assertEquals(MCP_URL, discovery.getString("resource"));
        assertEquals(ISSUER + "/clients-registrations/openid-connect", discovery.getString("registrationEndpoint"));

        JsonObject registration = out.getJsonObject("registration");
        assertEquals(1, registration.getInt("count"), "registered once, anonymously");
        String clientId = registration.getString("clientId");
        assertFalse(clientId.isBlank());
        assertFalse(registration.getBoolean("hasClientSecret"), "a public client");
        assertTrue(strings(registration.getJsonArray("redirectUris")).stream()
                .allMatch(uri -> uri.startsWith("http://127.0.0.1:")), registration.toString());

        JsonObject request = out.getJsonObject("authorizationRequest");
        assertEquals(ISSUER + "/protocol/openid-connect/auth", request.getString("endpoint"));
        assertEquals(clientId, request.getString("clientId"));
        assertEquals("S256", request.getString("codeChallengeMethod"));
        assertTrue(request.getBoolean("hasCodeChallenge"));
        assertEquals(MCP_URL, request.getString("resource"), "RFC 8707 resource = this server");
        assertEquals("notes.read notes.write", request.getString("scope"), "the scopes of the server's challenge");
        assertEquals(List.of("login", "consent"), strings(out.getJsonArray("userSteps")),
                "the user logs in and approves the new client");
        assertTrue(out.getBoolean("stateMatches"));
        assertEquals("AUTHORIZED", out.getString("finishAuth"));

        JsonObject token = out.getJsonObject("token");
        assertEquals(ISSUER, token.getString("issuer"));
        assertEquals(clientId, token.getString("azp"), "issued to the registered client");
        List<String> audience = strings(token.getJsonArray("aud"));
        assertTrue(audience.contains(MCP_URL), "for this server: " + audience);
        assertTrue(audience.contains("mcp-server"), "exchangeable by this server: " + audience);
        assertEquals(List.of("notes.read", "notes.write"),
                List.of(token.getString("scope").split(" ")).stream().filter(s -> s.startsWith("notes.")).sorted()
                        .toList());

        List<String> tools = strings(out.getJsonArray("tools"));
        assertTrue(tools.containsAll(List.of("add_note", "calendar_events", "list_notes", "whoami")), tools.toString());
        JsonObject calls = out.getJsonObject("calls");
        JsonObject whoami = calls.getJsonObject("whoami");
        assertFalse(whoami.getBoolean("isError"), whoami.toString());
        JsonObject identity = whoami.getJsonObject("structuredContent");
        assertEquals(token.getString("sub"), identity.getString("subject"));
        assertEquals(clientId, identity.getString("clientId"));
        assertEquals("acme", identity.getString("tenant"));
        assertEquals(List.of("notes.read", "notes.write"), strings(identity.getJsonArray("scopes")).stream()
                .filter(s -> s.startsWith("notes.")).toList());

        // The server exchanges the registered client's token at Keycloak for one for the calendar.
        JsonObject calendar = calls.getJsonObject("calendar_events");
        assertFalse(calendar.getBoolean("isError"), calendar.toString());
        JsonObject seen = json(calendar.getString("text"));
        assertEquals(token.getString("sub"), seen.getString("subject"));
        assertEquals(List.of("calendar-api"), strings(seen.getJsonArray("audience")));
        assertEquals("mcp-server", seen.getString("authorizedParty"));
    }

    @Test
    void dynamicallyRegisteredClientGetsOnlyTheScopesItAsksFor() {
        JsonObject out = signIn("bob", "notes.read", "whoami");

        assertEquals("REDIRECT", out.getString("firstAttempt"));
        assertEquals("notes.read", out.getJsonObject("authorizationRequest").getString("scope"));
        JsonObject token = out.getJsonObject("token");
        List<String> scopes = List.of(token.getString("scope").split(" "));
        assertTrue(scopes.contains("notes.read"), scopes.toString());
        assertFalse(scopes.contains("notes.write"), "not asked for: " + scopes);
        assertTrue(strings(token.getJsonArray("aud")).contains(MCP_URL));
        List<String> tools = strings(out.getJsonArray("tools"));
        assertTrue(tools.contains("list_notes"), tools.toString());
        assertFalse(tools.contains("add_note"), "needs notes.write: " + tools);
        assertEquals(List.of("notes.read"), strings(out.getJsonObject("calls").getJsonObject("whoami")
                .getJsonObject("structuredContent").getJsonArray("scopes")).stream()
                .filter(s -> s.startsWith("notes.")).toList());
    }

    /** An anonymous RFC 7591 registration; the status, and the response's error description when refused. */
    private static int register(String metadata, StringBuilder refusal) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(
                ISSUER + "/clients-registrations/openid-connect"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(metadata)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 201) {
            // Clean up with the registration access token (a secret: into the ledger, never into a message).
            JsonObject registered = json(response.body());
            String registrationToken = TestSecrets.record(registered.getString("registration_access_token"));
            HTTP.send(HttpRequest.newBuilder(URI.create(registered.getString("registration_client_uri")))
                    .header("Authorization", "Bearer " + registrationToken).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
        } else {
            refusal.append(response.body());
        }
        return response.statusCode();
    }

    private static String metadata(String scope, String... redirectUris) {
        return Json.createObjectBuilder()
                .add("client_name", "registration policy check")
                // A home page elsewhere, as the Inspector's (its GitHub page): only redirect URIs must be loopback.
                .add("client_uri", "https://github.com/modelcontextprotocol/inspector")
                .add("redirect_uris", Json.createArrayBuilder(List.of(redirectUris)))
                .add("grant_types", Json.createArrayBuilder(List.of("authorization_code", "refresh_token")))
                .add("response_types", Json.createArrayBuilder(List.of("code")))
                .add("token_endpoint_auth_method", "none")
                .add("scope", scope).build().toString();
    }

    @Test
    void anonymousRegistrationIsOpenToLoopbackRedirectUrisAndTheServersScopesOnly() throws Exception {
        StringBuilder refusal = new StringBuilder();
        for (String loopback : List.of("http://localhost:33418/callback", "http://127.0.0.1:6276/oauth/callback",
                "http://[::1]:6276/oauth/callback")) {
            refusal.setLength(0);
            assertEquals(201, register(metadata("notes.read notes.write", loopback), refusal),
                    () -> loopback + ": " + refusal);
        }

        for (List<String> elsewhere : List.of(List.of("https://client.example/callback"),
                List.of("http://localhost:33418/callback", "https://client.example/callback"),
                List.of("http://localhost.client.example/callback"), List.of("com.example.client:/callback"),
                List.of("http://localhost:33418/*"))) {
            refusal.setLength(0);
            assertEquals(403, register(metadata("notes.read", elsewhere.toArray(String[]::new)), refusal),
                    () -> "redirect URIs " + elsewhere);
        }
        refusal.setLength(0);
        assertEquals(403, register(metadata("notes.read calendar.read", "http://localhost:33418/callback"), refusal),
                "calendar.read is the server's, not a client's");
        assertTrue(refusal.toString().contains("Allowed Client Scopes"), refusal::toString);
    }

    /** Registers a client for this loopback redirect URI; returns its client id (the registration is recorded). */
    private static String registeredClient(String redirectUri) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(
                ISSUER + "/clients-registrations/openid-connect"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(metadata("notes.read", redirectUri))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), () -> response.statusCode() == 201 ? "" : response.body());
        JsonObject registered = json(response.body());
        TestSecrets.record(registered.getString("registration_access_token"));
        return registered.getString("client_id");
    }

    /** The authorization endpoint's answer to a browser, redirects not followed. */
    private static HttpResponse<String> authorize(String clientId, String redirectUri, String pkce)
            throws IOException, InterruptedException {
        String query = "response_type=code&scope=notes.read&state=s1&client_id=" + clientId
                + "&redirect_uri=" + java.net.URLEncoder.encode(redirectUri, java.nio.charset.StandardCharsets.UTF_8)
                + pkce;
        return HTTP.send(HttpRequest.newBuilder(URI.create(ISSUER + "/protocol/openid-connect/auth?" + query)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void selfRegisteredClientMustUsePkceWithS256() throws Exception {
        String redirectUri = "http://127.0.0.1:6276/oauth/callback";
        String clientId = registeredClient(redirectUri);

        HttpResponse<String> withPkce = authorize(clientId, redirectUri,
                "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256");
        assertEquals(200, withPkce.statusCode(), "the login page");
        assertTrue(withPkce.body().contains("kc-form-login"), "the login page");

        for (String pkce : List.of("",
                "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=plain")) {
            HttpResponse<String> refused = authorize(clientId, redirectUri, pkce);
            assertEquals(302, refused.statusCode(), () -> "PKCE '" + pkce + "': " + refused.statusCode());
            String location = refused.headers().firstValue("Location").orElse("");
            assertTrue(location.startsWith(redirectUri + "?error=invalid_request"), location);
        }
    }

    /**
     * A client that registered itself: its client id, and its registration client URI and access token, as RFC 7592
     * has them (Keycloak rotates the token on every update, see {@link #update}).
     */
    private static final class Registration {
        final String clientId;
        final String uri;
        String token;

        Registration(JsonObject registered) {
            clientId = registered.getString("client_id");
            uri = registered.getString("registration_client_uri");
            token = TestSecrets.record(registered.getString("registration_access_token"));
        }
    }

    /** An anonymous registration that must succeed: a public client, loopback redirect URI, notes.read. */
    private static Registration selfRegistered() throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(
                ISSUER + "/clients-registrations/openid-connect"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers
                        .ofString(metadata("notes.read", "http://127.0.0.1:6276/oauth/callback")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), () -> response.statusCode() == 201 ? "" : response.body());
        return new Registration(json(response.body()));
    }

    /**
     * An RFC 7592 update (PUT with the registration access token) of all the client's metadata; a successful one
     * rotates the token. Returns the response; its secrets (a new registration access token, a client secret if
     * Keycloak made one) are recorded in the ledger, so a message may only show the body of a refusal.
     */
    private static HttpResponse<String> update(Registration client, JsonObject metadata)
            throws IOException, InterruptedException {
        JsonObject body = Json.createObjectBuilder(metadata).add("client_id", client.clientId).build();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(client.uri))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + client.token)
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
            JsonObject updated = json(response.body());
            client.token = TestSecrets.record(updated.getString("registration_access_token"));
            if (updated.containsKey("client_secret")) {
                TestSecrets.record(updated.getString("client_secret"));
            }
        }
        return response;
    }

    private static void delete(Registration client) throws IOException, InterruptedException {
        HTTP.send(HttpRequest.newBuilder(URI.create(client.uri)).header("Authorization", "Bearer " + client.token)
                .DELETE().build(), HttpResponse.BodyHandlers.discarding());
    }

    /** The metadata of {@link #metadata} with these members replaced (or removed, for a null value). */
    private static JsonObject metadataWith(Map<String, Object> changes) {
        var builder = Json.createObjectBuilder(json(metadata("notes.read", "http://127.0.0.1:6276/oauth/callback")));
        changes.forEach((name, value) -> {
            if (value == null) {
                builder.remove(name);
            } else if (value instanceof List<?> list) {
                builder.add(name, Json.createArrayBuilder(list));
            } else {
                builder.add(name, value.toString());
            }
        });
        return builder.build();
    }

    /**
     * Tries an update that must be refused (403), and adds a line to {@code accepted} unless it was: the tests try
     * every case and name all that got through.
     */
    private static void tryUpdate(Registration client, Map<String, Object> changes, String why, List<String> accepted)
            throws IOException, InterruptedException {
        HttpResponse<String> response = update(client, metadataWith(changes));
        if (response.statusCode() != 403) {
            accepted.add(why + ": " + changes + " -> " + response.statusCode()
                    + (response.statusCode() == 200 ? " (accepted)" : " " + response.body()));
        }
    }

    @Test
    void selfRegisteredClientCannotMoveItsRedirectUriOffThisMachineByUpdatingItself() throws Exception {
        Registration client = selfRegistered();
        try {
            List<String> accepted = new ArrayList<>();
            for (List<String> elsewhere : List.of(List.of("https://evil.example/cb"),
                    List.of("http://127.0.0.1:6276/oauth/callback", "https://evil.example/cb"),
                    List.of("http://localhost.evil.example/cb"), List.of("com.example.client:/callback"),
                    List.of("http://localhost:33418/*"))) {
                tryUpdate(client, Map.of("redirect_uris", elsewhere, "scope", "notes.read notes.write"),
                        "redirect URIs on this machine only, on update too", accepted);
            }
            assertEquals(List.of(), accepted);
            // The client is as it registered: the authorization endpoint refuses the other host.
            HttpResponse<String> evil = authorize(client.clientId, "https://evil.example/cb",
                    "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256");
            assertEquals(400, evil.statusCode(), "Invalid parameter: redirect_uri");
        } finally {
            delete(client);
        }
    }

    @Test
    void selfRegisteredClientCannotAddAScopeOutsideTheServersByUpdatingItself() throws Exception {
        Registration client = selfRegistered();
        try {
            List<String> accepted = new ArrayList<>();
            tryUpdate(client, Map.of("scope", "notes.read calendar.read"), "calendar.read is the server's", accepted);
            assertEquals(List.of(), accepted);
        } finally {
            delete(client);
        }
    }

    @Test
    void selfRegisteredClientCannotBecomeConfidentialOrTakeOtherGrantsByUpdatingItself() throws Exception {
        Registration client = selfRegistered();
        try {
            // As the tester did: a secret and the client_credentials grant (a token with no user), with the scopes
            // that give a token this server's audience.
            List<String> accepted = new ArrayList<>();
            tryUpdate(client, Map.of("grant_types", List.of("authorization_code", "client_credentials"),
                    "token_endpoint_auth_method", "client_secret_basic", "scope", "notes.read notes.write"),
                    "a public client stays public", accepted);
            for (String method : List.of("client_secret_post", "client_secret_basic", "client_secret_jwt")) {
                tryUpdate(client, Map.of("token_endpoint_auth_method", method), "a public client stays public",
                        accepted);
            }
            // Without token_endpoint_auth_method, RFC 7591's default is client_secret_basic (Keycloak's too).
            Map<String, Object> noMethod = new HashMap<>();
            noMethod.put("token_endpoint_auth_method", null);
            tryUpdate(client, noMethod, "no method: client_secret_basic, a confidential client", accepted);
            tryUpdate(client, Map.of("grant_types", List.of("authorization_code", "password")), "no password grant",
                    accepted);
            tryUpdate(client, Map.of("grant_types", List.of("authorization_code", "implicit"),
                    "response_types", List.of("code", "token")), "no implicit grant", accepted);
            assertEquals(List.of(), accepted);
        } finally {
            delete(client);
        }
    }

    @Test
    void selfRegisteredClientCanStillUpdateItsNameAndItsLoopbackRedirectUris() throws Exception {
        Registration client = selfRegistered();
        try {
            HttpResponse<String> renamed = update(client, metadataWith(Map.of("client_name", "renamed client")));
            assertEquals(200, renamed.statusCode(), () -> renamed.statusCode() == 200 ? "" : renamed.body());
            assertEquals("renamed client", json(renamed.body()).getString("client_name"));

            String moved = "http://localhost:33418/callback";
            HttpResponse<String> updated = update(client, metadataWith(Map.of("redirect_uris",
                    List.of(moved, "http://[::1]:6276/oauth/callback"), "scope", "notes.read notes.write")));
            assertEquals(200, updated.statusCode(), () -> updated.statusCode() == 200 ? "" : updated.body());
            JsonObject metadata = json(updated.body());
            assertEquals(List.of("http://[::1]:6276/oauth/callback", moved),
                    strings(metadata.getJsonArray("redirect_uris")).stream().sorted().toList());
            assertEquals("none", metadata.getString("token_endpoint_auth_method"), "still a public client");
            assertFalse(metadata.containsKey("client_secret"), "still a public client");

            // Still bound to PKCE with S256 after its update.
            HttpResponse<String> withoutPkce = authorize(client.clientId, moved, "");
            assertEquals(302, withoutPkce.statusCode());
            assertTrue(withoutPkce.headers().firstValue("Location").orElse("")
                    .startsWith(moved + "?error=invalid_request"));
        } finally {
            delete(client);
        }
    }

    @Test
    void registrationOfAConfidentialClientOrOfGrantsOtherThanAuthorizationCodeIsRefused() throws Exception {
        StringBuilder refusal = new StringBuilder();
        List<String> accepted = new ArrayList<>();
        // The tester's: a confidential client for client_credentials (a service account, tokens with no user).
        for (String metadata : List.of(
                "{\"grant_types\": [\"client_credentials\"], \"token_endpoint_auth_method\": \"client_secret_basic\"}",
                "{\"grant_types\": [\"client_credentials\"], \"token_endpoint_auth_method\": \"client_secret_basic\","
                        + " \"scope\": \"notes.read notes.write\"}",
                metadataWith(Map.of("grant_types", List.of("authorization_code", "client_credentials"),
                        "token_endpoint_auth_method", "client_secret_post")).toString(),
                metadataWith(Map.of("token_endpoint_auth_method", "client_secret_basic")).toString(),
                metadataWith(Map.of("token_endpoint_auth_method", "client_secret_jwt")).toString(),
                metadataWith(Map.of("grant_types", List.of("authorization_code", "password"))).toString(),
                metadataWith(Map.of("grant_types", List.of("password"))).toString(),
                metadataWith(Map.of("grant_types", List.of("implicit"), "response_types", List.of("token"))).toString(),
                metadataWith(Map.of("grant_types", List.of("authorization_code", "implicit"),
                        "response_types", List.of("code", "id_token token"))).toString())) {
            refusal.setLength(0);
            int status = register(metadata, refusal);
            if (status != 403) {
                accepted.add(metadata + " -> " + status + " " + refusal);
            }
        }
        assertEquals(List.of(), accepted);

        // A public client listing client_credentials can register (Keycloak has no client policy on that flag), but
        // Keycloak gives service account tokens to confidential clients only, and it cannot become one.
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(
                ISSUER + "/clients-registrations/openid-connect"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(metadataWith(Map.of("grant_types",
                        List.of("authorization_code", "client_credentials"))).toString()))
                .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), () -> response.statusCode() == 201 ? "" : response.body());
        Registration client = new Registration(json(response.body()));
        try {
            HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(URI.create(
                    ISSUER + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers
                            .ofString("grant_type=client_credentials&scope=notes.read&client_id="
                                    + client.clientId))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, token.statusCode(), () -> token.statusCode() == 200 ? "a token" : token.body());
            assertEquals("unauthorized_client", json(token.body()).getString("error"));
        } finally {
            delete(client);
        }
    }

    @Test
    void selfRegisteredClientCannotUseTheDeviceAuthorizationGrant() throws Exception {
        // Keycloak's own registration endpoint takes a whole client representation, attributes included: a public
        // client with a loopback redirect URI that enables the device grant, where no redirect URI is involved (the
        // user types a code, the token goes to whoever polls for it). Its policies accept it; the grant is off.
        String metadata = Json.createObjectBuilder().add("clientId", "device-grant-check").add("publicClient", true)
                .add("redirectUris", Json.createArrayBuilder(List.of("http://127.0.0.1:6276/oauth/callback")))
                .add("standardFlowEnabled", true).add("implicitFlowEnabled", false)
                .add("directAccessGrantsEnabled", false)
                .add("optionalClientScopes", Json.createArrayBuilder(List.of("notes.read")))
                .add("attributes", Json.createObjectBuilder().add("oauth2.device.authorization.grant.enabled", "true"))
                .build().toString();
        HttpResponse<String> registered = HTTP.send(HttpRequest.newBuilder(URI.create(
                ISSUER + "/clients-registrations/default"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(metadata)).build(), HttpResponse.BodyHandlers.ofString());
        String registrationToken = null;
        if (registered.statusCode() == 201) {
            registrationToken = TestSecrets.record(json(registered.body()).getString("registrationAccessToken"));
        }
        try {
            HttpResponse<String> device = HTTP.send(HttpRequest.newBuilder(URI.create(
                    ISSUER + "/protocol/openid-connect/auth/device"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("client_id=device-grant-check&scope=notes.read"
                            + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            // With the feature off Keycloak has no such endpoint for the realm (204, empty).
            assertFalse(device.body().contains("device_code"), "a device code: " + device.statusCode());
            assertTrue(device.statusCode() != 200, () -> device.statusCode() + " " + device.body());
        } finally {
            if (registrationToken != null) {
                HTTP.send(
                        HttpRequest.newBuilder(URI.create(ISSUER + "/clients-registrations/default/device-grant-check"))
                                .header("Authorization", "Bearer " + registrationToken).DELETE().build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        }
    }

    @Test
    void selfRegisteredClientCannotBringProtocolMappersOfItsOwn() throws Exception {
        // Through Keycloak's own registration endpoint a client may list protocol mappers. This one would put the
        // user's first name (which the user may edit) into the tenant claim of a token for this server.
        String metadata = Json.createObjectBuilder().add("clientId", "mapper-check").add("publicClient", true)
                .add("redirectUris", Json.createArrayBuilder(List.of("http://127.0.0.1:6276/oauth/callback")))
                .add("standardFlowEnabled", true).add("implicitFlowEnabled", false)
                .add("directAccessGrantsEnabled", false)
                .add("optionalClientScopes", Json.createArrayBuilder(List.of("notes.read")))
                .add("protocolMappers", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("name", "tenant").add("protocol", "openid-connect")
                        .add("protocolMapper", "oidc-usermodel-property-mapper")
                        .add("config", Json.createObjectBuilder().add("user.attribute", "firstName")
                                .add("claim.name", "tenant").add("jsonType.label", "String")
                                .add("access.token.claim", "true"))))
                .build().toString();
        HttpResponse<String> registered = HTTP.send(HttpRequest.newBuilder(URI.create(
                ISSUER + "/clients-registrations/default"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(metadata)).build(), HttpResponse.BodyHandlers.ofString());
        if (registered.statusCode() == 201) {
            String registrationToken =
                    TestSecrets.record(json(registered.body()).getString("registrationAccessToken"));
            HTTP.send(HttpRequest.newBuilder(URI.create(ISSUER + "/clients-registrations/default/mapper-check"))
                    .header("Authorization", "Bearer " + registrationToken).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        assertEquals(403, registered.statusCode(),
                () -> registered.statusCode() == 201 ? "registered" : registered.body());
        assertTrue(registered.body().contains("Allowed Protocol Mapper Types"), registered::body);
    }

    @Test
    void clientAskingForOfflineAccessGetsARefreshTokenAndCallsTools() {
        // As the Inspector does: it adds offline_access to the scopes of the server's challenge.
        JsonObject out = signIn("carol", "notes.read notes.write offline_access", "whoami");

        JsonObject token = out.getJsonObject("token");
        assertTrue(List.of(token.getString("scope").split(" ")).contains("offline_access"), token.toString());
        assertTrue(token.getBoolean("refreshToken"));
        assertTrue(strings(token.getJsonArray("aud")).contains(MCP_URL));
        JsonObject identity = out.getJsonObject("calls").getJsonObject("whoami").getJsonObject("structuredContent");
        assertEquals(token.getString("sub"), identity.getString("subject"));
        assertEquals("globex", identity.getString("tenant"));
    }
}
