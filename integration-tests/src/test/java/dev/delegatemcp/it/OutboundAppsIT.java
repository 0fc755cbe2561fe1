package dev.delegatemcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.delegatemcp.it.support.McpHttp;
import dev.delegatemcp.it.support.McpTestServer;
import dev.delegatemcp.it.support.ProviderApiDouble;
import dev.delegatemcp.it.support.RemoteMcpDouble;
import dev.delegatemcp.it.support.TestRunDoubles;
import dev.delegatemcp.it.support.TestTokens;
import dev.delegatemcp.it.tools.OutboundTools;
import dev.delegatemcp.test.StsDouble;
import dev.delegatemcp.test.TestTokenIssuer;
import dev.delegatemcp.test.VaultDouble;
import dev.delegatemcp.test.VaultDouble.Call;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code @Downstream} targets whose credentials are stored connection tokens ({@code source=outbound-app}), against a
 * local Outbound Apps token API that checks Descope's wire format, a provider API, and remote MCP servers. Targets:
 * test-server.xml; tools: {@link OutboundTools}. Each test uses its own users and tenants (the server's credential
 * cache lives as long as the deployment).
 */
@ExtendWith(ArquillianExtension.class)
class OutboundAppsIT {

    private static final StsDouble STS = TestRunDoubles.sts();
    private static final VaultDouble VAULT = TestRunDoubles.vault();
    private static final ProviderApiDouble PROVIDER = ProviderApiDouble.get();
    private static final RemoteMcpDouble REMOTE = RemoteMcpDouble.get();

    private static final String URL_ELICITATION = "{\"elicitation\":{\"url\":{}}}";
    private static final String FORM_ELICITATION_ONLY = "{\"elicitation\":{}}";
    private static final long HOUR = 3600;
    /** mcp.credentials.cache.expiry-skew (the default). */
    private static final long SKEW_SECONDS = 30;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return McpTestServer.realEarWithTools(OutboundTools.class.getPackage());
    }

    @AfterEach
    void everyRequestFollowedTheWireFormat() {
        assertEquals(List.of(), VAULT.violations(), "requests to the Outbound Apps API that break its format");
        assertEquals(List.of(), STS.clientCredentialsViolations(), "client_credentials requests that break RFC 6749");
        assertEquals(List.of(), REMOTE.violations(), "requests to the remote MCP server that break the transport");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static McpHttp client(String user, String tenant) {
        return client(user, tenant, "{}");
    }

    private static McpHttp client(String user, String tenant, String capabilities) {
        TestTokenIssuer.TokenBuilder token = TestTokens.user(user);
        if (tenant != null) {
            token.tenant(tenant);
        }
        return McpHttp.withToken(token.sign()).capabilities(capabilities).initialize();
    }

    /** The JSON-RPC response to tools/call (a result, or an error). */
    private static JsonObject rpc(McpHttp client, String tool, String arguments) {
        return client.callTool(tool, arguments);
    }

    /** The tools/call result, which must not be an error result. */
    private static JsonObject success(McpHttp client, String tool, String arguments) {
        JsonObject response = rpc(client, tool, arguments);
        assertTrue(response.containsKey("result"), response.toString());
        JsonObject result = response.getJsonObject("result");
        assertFalse(result.getBoolean("isError"), result.toString());
        return result;
    }

    /** The text of an error result (not a JSON-RPC error). */
    private static String errorText(McpHttp client, String tool, String arguments) {
        JsonObject response = rpc(client, tool, arguments);
        assertTrue(response.containsKey("result"), response.toString());
        JsonObject result = response.getJsonObject("result");
        assertTrue(result.getBoolean("isError"), result.toString());
        return text(result);
    }

    private static String text(JsonObject result) {
        return result.getJsonArray("content").getJsonObject(0).getString("text");
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    /** What a credential tool saw: target, type, secretDigest, expiresAt, scopes. */
    private static JsonObject credential(McpHttp client, String tool) {
        return success(client, tool, "{}").getJsonObject("structuredContent");
    }

    private static List<String> strings(JsonObject object, String name) {
        return object.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    /** A fresh, unique token value, as a provider would issue. */
    private static String newToken(String label) {
        return label + "-" + UUID.randomUUID();
    }

    private static long inSeconds(long seconds) {
        return Instant.now().getEpochSecond() + seconds;
    }

    private static String expectedUserConnectUrl(String app, String scopes, String tenant) {
        return "https://connect.test.local/connect/" + app + "?scopes=" + scopes + "&level=user&tenant=" + tenant;
    }

    /** The request was what the documented API expects, authenticated with a live server token carrying the scope. */
    private static void assertDocumentedRequest(Call call, String path, String appId, String ownerField, String owner,
            List<String> scopes) {
        assertEquals(path, call.path());
        JsonObject body = call.body();
        assertEquals(appId, body.getString("appId"));
        assertEquals(owner, body.getString(ownerField));
        assertFalse(body.containsKey(ownerField.equals("userId") ? "tenantId" : "userId"), body.toString());
        if (scopes.isEmpty()) {
            assertFalse(body.containsKey("scopes"), body.toString());
        } else {
            assertEquals(scopes, strings(body, "scopes"));
        }
        assertEquals(Json.createObjectBuilder().add("withRefreshToken", false).add("forceRefresh", false).build(),
                body.getJsonObject("options"));
        StsDouble.ServerGrant grant = STS.serverGrant(call.serverToken()).orElseThrow(
                () -> new AssertionError("the API was called with a token the STS never issued"));
        assertTrue(grant.scopes().contains(VaultDouble.FETCH_SCOPE), grant.scopes().toString());
        assertEquals(200, call.status());
    }

    // ---------------------------------------------------------------------------------------------- contract

    @Test
    void userTokenByScopesIsFetchedFromTheUserTokenEndpointAndBecomesTheCredential() {
        long expiry = inSeconds(HOUR);
        String stored = VAULT.storeForUser("files-app", "uma", List.of("files.read", "files.write", "files.admin"),
                newToken("files-uma"), expiry);
        String inbound = TestTokens.user("uma").sign();
        JsonObject seen = credential(McpHttp.withToken(inbound).initialize(), "files_credential");

        List<Call> calls = VAULT.callsFor("uma");
        assertEquals(1, calls.size(), calls.toString());
        assertDocumentedRequest(calls.get(0), VaultDouble.USER_TOKEN, "files-app", "userId", "uma",
                List.of("files.read", "files.write"));
        assertNotEquals(inbound, calls.get(0).serverToken(), "the caller's token was sent to the token API");
        assertEquals("files", seen.getString("target"));
        assertEquals("BEARER", seen.getString("type"));
        assertEquals(TestTokens.digest(stored), seen.getString("secretDigest"));
        long expiresAt = seen.getJsonNumber("expiresAt").longValue();
        assertTrue(expiresAt <= expiry && expiresAt >= expiry - 5, "expiresAt " + expiresAt + " for " + expiry);
        assertEquals(List.of("files.admin", "files.read", "files.write"), strings(seen, "scopes"));
    }

    @Test
    void targetWithoutScopesFetchesTheUsersLatestToken() {
        long expiry = inSeconds(HOUR);
        String stored = VAULT.storeForUser("notes-app", "uli", List.of("notes.read"), newToken("notes-uli"), expiry);
        JsonObject seen = credential(client("uli", "acme"), "notes_credential");

        List<Call> calls = VAULT.callsFor("uli");
        assertEquals(1, calls.size(), calls.toString());
        assertDocumentedRequest(calls.get(0), VaultDouble.USER_LATEST, "notes-app", "userId", "uli", List.of());
        assertEquals(TestTokens.digest(stored), seen.getString("secretDigest"));
        assertEquals(List.of("notes.read"), strings(seen, "scopes"));
    }

    @Test
    void tenantTokenByScopesIsFetchedFromTheTenantTokenEndpointWithTheCallersTenant() {
        String stored = VAULT.storeForTenant("drive-app", "initech", List.of("drive.read"), newToken("drive-initech"),
                inSeconds(HOUR));
        JsonObject seen = credential(client("tess", "initech"), "team_drive_credential");

        List<Call> calls = VAULT.callsFor("initech");
        assertEquals(1, calls.size(), calls.toString());
        assertDocumentedRequest(calls.get(0), VaultDouble.TENANT_TOKEN, "drive-app", "tenantId", "initech",
                List.of("drive.read"));
        assertEquals(TestTokens.digest(stored), seen.getString("secretDigest"));
        assertEquals("team_drive", seen.getString("target"));
    }

    @Test
    void tenantTargetWithoutScopesFetchesTheTenantsLatestToken() {
        String stored = VAULT.storeForTenant("wiki-app", "umbrella", List.of("wiki.read", "wiki.write"),
                newToken("wiki-umbrella"), inSeconds(HOUR));
        JsonObject seen = credential(client("tia", "umbrella"), "team_wiki_credential");

        List<Call> calls = VAULT.callsFor("umbrella");
        assertEquals(1, calls.size(), calls.toString());
        assertDocumentedRequest(calls.get(0), VaultDouble.TENANT_LATEST, "wiki-app", "tenantId", "umbrella",
                List.of());
        assertEquals(TestTokens.digest(stored), seen.getString("secretDigest"));
        assertEquals(List.of("wiki.read", "wiki.write"), strings(seen, "scopes"));
    }

    @Test
    void oneClientCredentialsGrantAuthenticatesEveryFetch() {
        VAULT.storeForUser("files-app", "otto", List.of("files.read", "files.write"), newToken("files-otto"),
                inSeconds(HOUR));
        VAULT.storeForUser("notes-app", "otto", List.of(), newToken("notes-otto"), inSeconds(HOUR));
        VAULT.storeForTenant("drive-app", "hooli", List.of("drive.read"), newToken("drive-hooli"), inSeconds(HOUR));
        VAULT.storeForTenant("wiki-app", "hooli", List.of(), newToken("wiki-hooli"), inSeconds(HOUR));
        int grantsBefore = STS.serverGrants().size();

        McpHttp otto = client("otto", "hooli");
        credential(otto, "files_credential");
        credential(otto, "notes_credential");
        credential(otto, "team_drive_credential");
        credential(otto, "team_wiki_credential");
        credential(client("olga", "hooli"), "team_wiki_credential");

        List<Call> calls = new ArrayList<>(VAULT.callsFor("otto"));
        calls.addAll(VAULT.callsFor("hooli"));
        assertEquals(4, calls.size(), "one fetch each; olga got hooli's cached token: " + calls);
        Set<String> serverTokens = new HashSet<>(calls.stream().map(Call::serverToken).toList());
        assertEquals(1, serverTokens.size(), "every fetch used the same server token");
        assertTrue(STS.serverGrants().size() - grantsBefore <= 1, "at most one new client_credentials grant");
        StsDouble.ServerGrant grant = STS.serverGrant(serverTokens.iterator().next()).orElseThrow();
        assertEquals(List.of(VaultDouble.FETCH_SCOPE), grant.scopes());
        assertEquals(STS.serverGrants().get(STS.serverGrants().size() - 1), grant, "the newest grant is in use");
    }

    // ------------------------------------------------------------------------------------------ not connected

    @Test
    void notConnectedUserGetsAUrlElicitationOrTheUrlInTheResultAndTheSameCallWorksOnceConnected() {
        String url = expectedUserConnectUrl("files-app", "files.read%2Cfiles.write", "acme");
        McpHttp elicitingClient = client("nadia", "acme", URL_ELICITATION);
        JsonObject response = rpc(elicitingClient, "files_credential", "{}");
        assertFalse(response.containsKey("result"), response.toString());
        JsonObject error = response.getJsonObject("error");
        assertEquals(-32042, error.getInt("code"), error.toString());
        JsonObject elicitation = error.getJsonObject("data").getJsonArray("elicitations").getJsonObject(0);
        assertEquals("url", elicitation.getString("mode"));
        assertFalse(elicitation.getString("elicitationId").isBlank());
        assertEquals(url, elicitation.getString("url"));
        assertFalse(elicitation.getString("message").isBlank());

        McpHttp formOnlyClient = client("nadia", "acme", FORM_ELICITATION_ONLY);
        assertTrue(errorText(formOnlyClient, "files_credential", "{}").contains(url), "the result names " + url);
        McpHttp plainClient = client("nadia", "acme");
        assertTrue(errorText(plainClient, "files_credential", "{}").contains(url), "the result names " + url);
        assertTrue(VAULT.calls(VaultDouble.USER_TOKEN, "nadia").stream().allMatch(c -> c.status() == 404));

        String stored = VAULT.storeForUser("files-app", "nadia", List.of("files.read", "files.write"),
                newToken("files-nadia"), inSeconds(HOUR));
        JsonObject connected = success(elicitingClient, "files_credential", "{}");
        assertEquals(TestTokens.digest(stored), connected.getJsonObject("structuredContent").getString("secretDigest"));
        assertEquals(TestTokens.digest(stored),
                credential(plainClient, "files_credential").getString("secretDigest"));
        assertEquals(5, VAULT.calls(VaultDouble.USER_TOKEN, "nadia").size(),
                "3 misses (not cached), then one fetch per inbound token");
    }

    @Test
    void storedTokenWithoutTheRequiredScopesAsksToConnectAgain() {
        // A vault that checks scopes has no token with both of them.
        VAULT.storeForUser("files-app", "sam", List.of("files.read"), newToken("files-sam"), inSeconds(HOUR));
        String samUrl = expectedUserConnectUrl("files-app", "files.read%2Cfiles.write", "");
        assertTrue(errorText(client("sam", null), "files_credential", "{}").contains(samUrl));

        // A vault that returns it anyway: the server itself refuses a token lacking files.write.
        String narrow = VAULT.storeForUser("files-app", "sid", List.of("files.read"), newToken("files-sid"),
                inSeconds(HOUR));
        VAULT.ignoreScopes("files-app", "sid");
        JsonObject response = rpc(client("sid", null, URL_ELICITATION), "files_credential", "{}");
        assertEquals(-32042, response.getJsonObject("error").getInt("code"), response.toString());
        assertEquals(expectedUserConnectUrl("files-app", "files.read%2Cfiles.write", ""), response
                .getJsonObject("error").getJsonObject("data").getJsonArray("elicitations").getJsonObject(0)
                .getString("url"));
        assertEquals(List.of(200),
                VAULT.calls(VaultDouble.USER_TOKEN, "sid").stream().map(Call::status).toList(),
                "the vault did answer with the narrow token");
        assertFalse(response.toString().contains(narrow));
    }

    // ----------------------------------------------------------------------------------------------- tenants

    @Test
    void tenantTokenIsFetchedOnceForAllItsUsersAndNeverServedToAnotherTenant() {
        String acmeToken = VAULT.storeForTenant("drive-app", "acme", List.of("drive.read"), newToken("drive-acme"),
                inSeconds(HOUR));
        assertEquals(TestTokens.digest(acmeToken),
                credential(client("tara", "acme"), "team_drive_credential").getString("secretDigest"));
        assertEquals(TestTokens.digest(acmeToken),
                credential(client("tom", "acme"), "team_drive_credential").getString("secretDigest"));
        assertEquals(1, VAULT.calls(VaultDouble.TENANT_TOKEN, "acme").size(), "acme's users share one fetch");

        String globexUrl = "https://admin.test.local/tenants/globex/connect/team_drive?app=drive-app&scopes=drive.read"
                + "&level=tenant";
        String refused = errorText(client("gina", "globex"), "team_drive_credential", "{}");
        assertTrue(refused.contains(globexUrl), refused);
        JsonObject elicited = rpc(client("gina", "globex", URL_ELICITATION), "team_drive_credential", "{}");
        assertEquals(globexUrl, elicited.getJsonObject("error").getJsonObject("data").getJsonArray("elicitations")
                .getJsonObject(0).getString("url"));
        List<Call> globexCalls = VAULT.calls(VaultDouble.TENANT_TOKEN, "globex");
        assertEquals(2, globexCalls.size(), "globex was asked for, twice (a miss is not cached)");
        assertTrue(globexCalls.stream().allMatch(c -> c.status() == 404
                && "globex".equals(c.body().getString("tenantId"))), globexCalls.toString());
    }

    @Test
    void tenantTargetNeedsACallerWhoBelongsToATenant() {
        int callsBefore = VAULT.calls().size();
        String text = errorText(client("ned", null), "team_drive_credential", "{}");
        assertTrue(text.contains("needs an account that belongs to a tenant"), text);
        assertEquals(callsBefore, VAULT.calls().size(), "no token was asked for");
    }

    // ------------------------------------------------------------------------------------- expiry and refresh

    @Test
    void storedTokenIsFetchedAgainOnceItsExpiryMinusTheSkewHasPassed() throws InterruptedException {
        long expiry = inSeconds(SKEW_SECONDS + 6);
        String stored = VAULT.storeForUser("files-app", "eli", List.of("files.read", "files.write"),
                newToken("files-eli"), expiry);
        McpHttp eli = client("eli", null);
        assertEquals(TestTokens.digest(stored), credential(eli, "files_credential").getString("secretDigest"));
        credential(eli, "files_credential");
        assertEquals(1, VAULT.calls(VaultDouble.USER_TOKEN, "eli").size(), "served from the cache");

        long staleAt = (expiry - SKEW_SECONDS) * 1000 + 300;
        Thread.sleep(Math.max(0, staleAt - System.currentTimeMillis()));
        credential(eli, "files_credential");
        List<Call> calls = VAULT.calls(VaultDouble.USER_TOKEN, "eli");
        assertEquals(2, calls.size(), "fetched again after expiry minus skew");
        assertEquals(Boolean.FALSE, calls.get(1).forceRefresh());
    }

    @Test
    void downstreamRejectingTheStoredTokenMakesRefreshForceANewOneAndTheRetrySucceeds() {
        String old = VAULT.storeForUser("tickets-app", "fred", List.of("tickets.read"), newToken("tickets-old"),
                inSeconds(HOUR));
        String renewed = newToken("tickets-new");
        VAULT.onForceRefresh("tickets-app", VaultDouble.Level.USER, "fred", renewed);
        PROVIDER.accept(renewed);
        McpHttp fred = client("fred", null);

        JsonObject answer = json(text(success(fred, "tickets_list", "{}")));
        assertEquals(TestTokens.digest(renewed), answer.getString("tokenDigest"));
        List<Call> calls = VAULT.calls(VaultDouble.USER_TOKEN, "fred");
        assertEquals(List.of(Boolean.FALSE, Boolean.TRUE), calls.stream().map(Call::forceRefresh).toList());
        assertEquals(List.of("tickets.read"), strings(calls.get(1).body(), "scopes"));
        List<String> received = PROVIDER.receivedDigests();
        assertTrue(received.indexOf(TestTokens.digest(old)) >= 0
                && received.indexOf(TestTokens.digest(old)) < received.lastIndexOf(TestTokens.digest(renewed)));

        assertEquals(TestTokens.digest(renewed),
                json(text(success(fred, "tickets_list", "{}"))).getString("tokenDigest"));
        assertEquals(2, VAULT.calls(VaultDouble.USER_TOKEN, "fred").size(), "the refreshed token is cached");
    }

    // -------------------------------------------------------------------------------------------- remote MCP

    @Test
    void remoteMcpServerGetsEachUsersOwnStoredTokenAndNeverTheInboundToken() {
        String ritaToken = VAULT.storeForUser(RemoteMcpDouble.APP, "rita", List.of("assistant.use"),
                newToken("assistant-rita"), inSeconds(HOUR));
        String robToken = VAULT.storeForUser(RemoteMcpDouble.APP, "rob", List.of("assistant.use"),
                newToken("assistant-rob"), inSeconds(HOUR));
        String ritaInbound = TestTokens.user("rita").sign();
        String robInbound = TestTokens.user("rob").sign();
        int before = REMOTE.seen().size();

        JsonObject rita = json(text(success(McpHttp.withToken(ritaInbound).initialize(), "assistant_call",
                "{\"tool\":\"whoami\"}")));
        JsonObject rob = json(text(success(McpHttp.withToken(robInbound).initialize(), "assistant_call",
                "{\"tool\":\"whoami\"}")));
        assertEquals("rita", rita.getString("owner"));
        assertEquals(TestTokens.digest(ritaToken), rita.getString("tokenDigest"));
        assertEquals("rob", rob.getString("owner"));
        assertEquals(TestTokens.digest(robToken), rob.getString("tokenDigest"));

        // The era probe (server/discover) goes only to a server whose era is not known yet: not counted here.
        List<RemoteMcpDouble.Seen> seen = REMOTE.seen().subList(before, REMOTE.seen().size()).stream()
                .filter(request -> !"server/discover".equals(request.method())).toList();
        assertEquals(List.of("initialize", "notifications/initialized", "tools/call", "initialize",
                "notifications/initialized", "tools/call"), seen.stream().map(RemoteMcpDouble.Seen::method).toList());
        for (int i = 0; i < seen.size(); i++) {
            String authorization = seen.get(i).authorization();
            assertEquals("Bearer " + (i < 3 ? ritaToken : robToken), authorization, "request " + i);
            assertFalse(authorization.contains(ritaInbound) || authorization.contains(robInbound));
        }
    }

    @Test
    void aRemoteServerOf20260728IsAskedStatelesslyAfterOneDiscoverWithEachUsersOwnStoredToken() {
        RemoteMcpDouble modern = RemoteMcpDouble.modern();
        String ritaToken = VAULT.storeForUser(RemoteMcpDouble.APP, "rita", List.of("assistant.use"),
                newToken("assistant-rita"), inSeconds(HOUR));
        String robToken = VAULT.storeForUser(RemoteMcpDouble.APP, "rob", List.of("assistant.use"),
                newToken("assistant-rob"), inSeconds(HOUR));
        int before = modern.seen().size();

        JsonObject rita = json(text(success(client("rita", null), "modern_assistant_call", "{\"tool\":\"whoami\"}")));
        JsonObject rob = json(text(success(client("rob", null), "modern_assistant_call", "{\"tool\":\"whoami\"}")));
        assertEquals(TestTokens.digest(ritaToken), rita.getString("tokenDigest"));
        assertEquals(TestTokens.digest(robToken), rob.getString("tokenDigest"));
        List<RemoteMcpDouble.Seen> seen = modern.seen().subList(before, modern.seen().size());
        List<String> methods = seen.stream().map(RemoteMcpDouble.Seen::method).toList();
        assertFalse(methods.contains("initialize"), "no handshake with a 2026-07-28 server: " + methods);
        assertEquals(List.of("tools/call", "tools/call"),
                methods.stream().filter(method -> !"server/discover".equals(method)).toList());
        assertTrue(methods.stream().filter("server/discover"::equals).count() <= 1,
                "the era is probed once per server, then remembered: " + methods);

        assertTrue(errorText(client("rita", null), "modern_assistant_call", "{\"tool\":\"ask\"}")
                .startsWith("The modern_assistant service needs more input for this request"),
                "an input-required result of the remote cannot be passed on: a sentence instead");
        assertEquals(RemoteMcpDouble.FAIL_TEXT,
                errorText(client("rita", null), "modern_assistant_call", "{\"tool\":\"fail\"}"));
        assertEquals(List.of(), modern.violations(), "requests to the 2026-07-28 server that break its transport");
    }

    @Test
    void remoteToolErrorComesBackAsAnErrorResult() {
        VAULT.storeForUser(RemoteMcpDouble.APP, "rhea", List.of("assistant.use"), newToken("assistant-rhea"),
                inSeconds(HOUR));
        assertEquals(RemoteMcpDouble.FAIL_TEXT,
                errorText(client("rhea", null), "assistant_call", "{\"tool\":\"fail\"}"));
    }

    @Test
    void remoteServerAnsweringHttp500GivesAnErrorSentenceWithoutAnyToken() {
        String stored = VAULT.storeForUser(RemoteMcpDouble.APP, "rex", List.of("assistant.use"),
                newToken("assistant-rex"), inSeconds(HOUR));
        String inbound = TestTokens.user("rex").sign();
        String text = errorText(McpHttp.withToken(inbound).initialize(), "failing_assistant_call",
                "{\"tool\":\"whoami\"}");
        assertEquals("The failing_assistant service could not be reached; try again in a moment.", text);
        assertFalse(text.contains(stored) || text.contains(inbound));
        assertTrue(REMOTE.seen().stream().anyMatch(s -> RemoteMcpDouble.FAILING.equals(s.path())
                && ("Bearer " + stored).equals(s.authorization())));
    }

    @Test
    void remoteServerRejectingARotatedTokenGetsAFreshOneThroughForceRefresh() {
        String first = VAULT.storeForUser(RemoteMcpDouble.APP, "ron", List.of("assistant.use"),
                newToken("assistant-ron-1"), inSeconds(HOUR));
        McpHttp ron = client("ron", null);
        JsonObject before = json(text(success(ron, "assistant_call", "{\"tool\":\"whoami\"}")));
        assertEquals(TestTokens.digest(first), before.getString("tokenDigest"));

        // The vault rotated ron's token: the remote server no longer accepts the one the MCP server has cached.
        VAULT.remove(RemoteMcpDouble.APP, VaultDouble.Level.USER, "ron");
        String second = VAULT.storeForUser(RemoteMcpDouble.APP, "ron", List.of("assistant.use"),
                newToken("assistant-ron-2"), inSeconds(HOUR));
        JsonObject after = json(text(success(ron, "assistant_call", "{\"tool\":\"whoami\"}")));
        assertEquals(TestTokens.digest(second), after.getString("tokenDigest"));
        assertEquals(List.of(Boolean.FALSE, Boolean.TRUE), VAULT.calls(VaultDouble.USER_TOKEN, "ron").stream()
                .map(Call::forceRefresh).toList());
    }

    // ------------------------------------------------------------------------------------ token API failures

    @Test
    void tokenApiRejectingTheServerTokenGivesTheSetupSentenceAndTheNextCallUsesAFreshGrant() {
        VAULT.storeForUser("flaky-app", "ulla", List.of("flaky.read"), newToken("flaky-ulla"), inSeconds(HOUR));
        credential(client("ulla", null), "flaky_credential");
        String usedBefore = VAULT.callsFor("ulla").get(0).serverToken();
        int grantsBefore = STS.serverGrants().size();

        STS.revokeServerTokens();
        McpHttp ulrich = client("ulrich", null);
        assertEquals("This server is not set up correctly to reach flaky; please tell your administrator.",
                errorText(ulrich, "flaky_credential", "{}"));
        assertEquals(List.of(401), VAULT.callsFor("ulrich").stream().map(Call::status).toList(), "not retried");

        String stored = VAULT.storeForUser("flaky-app", "ulrich", List.of("flaky.read"), newToken("flaky-ulrich"),
                inSeconds(HOUR));
        assertEquals(TestTokens.digest(stored), credential(ulrich, "flaky_credential").getString("secretDigest"));
        assertEquals(grantsBefore + 1, STS.serverGrants().size(), "the rejected server token was replaced once");
        String usedAfter = VAULT.callsFor("ulrich").get(1).serverToken();
        assertNotEquals(usedBefore, usedAfter);
        assertTrue(STS.serverGrant(usedAfter).orElseThrow().liveAt(System.currentTimeMillis()));
    }

    @Test
    void tokenApiAnswering401GivesTheSetupSentence() {
        VAULT.failApp("flaky-app", 401);
        try {
            assertEquals("This server is not set up correctly to reach flaky; please tell your administrator.",
                    errorText(client("uwe", null), "flaky_credential", "{}"));
        } finally {
            VAULT.recoverApp("flaky-app");
        }
        assertEquals(1, VAULT.callsFor("uwe").size());
    }

    @Test
    void tokenApiAnswering403GivesTheDeniedSentence() {
        VAULT.storeForUser("flaky-app", "dora", List.of("flaky.read"), newToken("flaky-dora"), inSeconds(HOUR));
        VAULT.failApp("flaky-app", 403);
        try {
            assertEquals("Access to flaky was denied by your organisation's policy.",
                    errorText(client("dora", null), "flaky_credential", "{}"));
        } finally {
            VAULT.recoverApp("flaky-app");
        }
        assertEquals(1, VAULT.callsFor("dora").size(), "a denial is not retried");
    }

    @Test
    void tokenApiAnswering500IsRetriedOnceThenAccessCouldNotBeObtained() {
        VAULT.storeForUser("flaky-app", "vera", List.of("flaky.read"), newToken("flaky-vera"), inSeconds(HOUR));
        VAULT.failApp("flaky-app", 500);
        try {
            assertEquals(
                    "Access to the flaky service could not be obtained just now, as the service that grants it did not answer; try again in a moment.",
                    errorText(client("vera", null), "flaky_credential", "{}"));
        } finally {
            VAULT.recoverApp("flaky-app");
        }
        assertEquals(List.of(500, 500), VAULT.callsFor("vera").stream().map(Call::status).toList());
    }

    // ------------------------------------------------------------------------------------------------- logs

    @Test
    void noStoredTokenServerTokenOrInboundTokenIsInTheServerLog() throws IOException {
        String stored = VAULT.storeForUser("files-app", "lena", List.of("files.read", "files.write"),
                newToken("files-lena"), inSeconds(HOUR));
        String inbound = TestTokens.user("lena").sign();
        credential(McpHttp.withToken(inbound).initialize(), "files_credential");
        String log = Files.readString(McpTestServer.serverDirectory().resolve("logs/messages.log"));
        assertFalse(log.contains(stored), "a stored connection token is in the log");
        assertFalse(log.contains(inbound), "an inbound token is in the log");
        for (StsDouble.ServerGrant grant : STS.serverGrants()) {
            assertFalse(log.contains(grant.token()), "a server token is in the log");
        }
        for (Call call : VAULT.calls()) {
            assertFalse(call.serverToken() != null && log.contains(call.serverToken()));
        }
    }
}
