package dev.delegatemcp.server.feature.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.delegatemcp.api.resource.ResourceContents;
import dev.delegatemcp.api.resource.ResourceDefinition;
import dev.delegatemcp.server.protocol.session.SessionEnded;
import dev.delegatemcp.server.security.InsufficientScopeException;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorCodes;
import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import dev.delegatemcp.wire.mcp.ContentBlock;
import dev.delegatemcp.wire.mcp.McpMethods;
import dev.delegatemcp.wire.mcp.ReadResourceResult;
import dev.delegatemcp.wire.mcp.Resource;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

/** Run-time changes: updates reach subscribed sessions only; adding and removing resources changes the list. */
class McpResourcesServiceTest {

    private static final TestCaller CALLER = TestCaller.of("alice");
    private static final String UPDATED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/resources/updated\","
            + "\"params\":{\"uri\":\"test://watched-resource\"}}";
    private static final String LIST_CHANGED = "*: {\"jsonrpc\":\"2.0\","
            + "\"method\":\"notifications/resources/list_changed\"}";

    private final ResourceCatalog catalog = TestResources.catalog(new TestResources());
    private final ResourceSubscriptions subscriptions = new ResourceSubscriptions(10);
    private final RecordingNotifications notifications = new RecordingNotifications();
    private final McpResourcesService resources = new McpResourcesService(catalog, subscriptions, notifications,
            new dev.delegatemcp.server.protocol.stream.ListenStreams(
                    new dev.delegatemcp.server.protocol.stream.ListenConfig(4, 100, java.time.Duration.ofSeconds(15)),
                    new ResourceFollowing(catalog)));
    private final ResourcesFeature feature;

    McpResourcesServiceTest() {
        ResourcesConfig config = new ResourcesConfig();
        config.pageSize = 50;
        feature = new ResourcesFeature(catalog, subscriptions, config);
    }

    private static JsonObject uri(String uri) {
        return Json.createObjectBuilder().add("uri", uri).build();
    }

    private void subscribe(String session, String uri) {
        feature.handle(uri(uri), CALLER.request(McpMethods.RESOURCES_SUBSCRIBE, session));
    }

    private List<String> listedUris(TestCaller caller) {
        return feature.list(JsonValue.EMPTY_JSON_OBJECT, caller.request(McpMethods.RESOURCES_LIST, "s1")).resources()
                .stream().map(Resource::uri).toList();
    }

    @Test
    void anUpdateReachesEverySessionSubscribedToThatUriAndNoOther() {
        subscribe("s1", "test://watched-resource");
        subscribe("s2", "test://watched-resource");
        subscribe("s3", "test://static-text");
        resources.notifyUpdated("test://watched-resource");
        assertEquals(List.of("s1: " + UPDATED, "s2: " + UPDATED), notifications.sent);
    }

    @Test
    void anUpdateOfAUriNobodySubscribedToSendsNothing() {
        subscribe("s1", "test://static-text");
        resources.notifyUpdated("test://watched-resource");
        resources.notifyUpdated("test://static-text/child");
        assertEquals(List.of(), notifications.sent);
    }

    @Test
    void anUnsubscribedSessionHearsNoMoreUpdates() {
        subscribe("s1", "test://watched-resource");
        subscribe("s2", "test://watched-resource");
        feature.handle(uri("test://watched-resource"), CALLER.request(McpMethods.RESOURCES_UNSUBSCRIBE, "s1"));
        resources.notifyUpdated("test://watched-resource");
        assertEquals(List.of("s2: " + UPDATED), notifications.sent);
    }

    @Test
    void aConcreteUriOfATemplateCanBeSubscribedAndUpdated() {
        subscribe("s1", "test://template/9/data");
        resources.notifyUpdated("test://template/9/data");
        resources.notifyUpdated("test://template/8/data");
        assertEquals(List.of("s1: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/resources/updated\","
                + "\"params\":{\"uri\":\"test://template/9/data\"}}"), notifications.sent);
    }

    @Test
    void anEndedSessionsSubscriptionsAreDropped() {
        subscribe("s1", "test://watched-resource");
        subscribe("s1", "test://static-text");
        subscribe("s2", "test://watched-resource");
        subscriptions.sessionEnded(new SessionEnded("s1", "alice"));
        resources.notifyUpdated("test://watched-resource");
        resources.notifyUpdated("test://static-text");
        assertEquals(List.of("s2: " + UPDATED), notifications.sent);
        assertEquals(java.util.Set.of(), subscriptions.subscriptionsOf("s1"));
        assertEquals(List.of(), subscriptions.subscribersOf("test://static-text"));
    }

    @Test
    void anAddedResourceIsListedReadableAndAnnouncedToAllSessions() {
        AtomicInteger reads = new AtomicInteger();
        resources.add(ResourceDefinition.of("test://dynamic/1", "dynamic-1").withMimeType("text/plain")
                .withDescription("Added at run time"),
                () -> List.of(ResourceContents.text("read " + reads.incrementAndGet())));
        assertEquals(List.of(LIST_CHANGED), notifications.sent);
        assertTrue(listedUris(CALLER).contains("test://dynamic/1"));
        ReadResourceResult result = (ReadResourceResult) feature.handle(uri("test://dynamic/1"),
                CALLER.request(McpMethods.RESOURCES_READ, "s1"));
        assertEquals(List.of(ContentBlock.ResourceContents.text("test://dynamic/1", "text/plain", "read 1")),
                result.contents());
        subscribe("s1", "test://dynamic/1");
        resources.notifyUpdated("test://dynamic/1");
        assertEquals(2, notifications.sent.size());
    }

    @Test
    void anAddedResourceWithScopesIsHiddenAndRefusedWithoutThem() {
        resources.add(ResourceDefinition.of("test://dynamic/private", "private").withScopes("private.read"),
                () -> List.of(ResourceContents.text("p")));
        assertFalse(listedUris(CALLER).contains("test://dynamic/private"));
        assertTrue(listedUris(TestCaller.of("bob", "private.read")).contains("test://dynamic/private"));
        assertThrows(InsufficientScopeException.class, () -> feature.handle(uri("test://dynamic/private"),
                CALLER.request(McpMethods.RESOURCES_READ, "s1")));
    }

    @Test
    void removingAnAddedResourceUnlistsItAndAnnouncesItButAnUnknownOrAnnotatedOneChangesNothing() {
        resources.add(ResourceDefinition.of("test://dynamic/1", "dynamic-1"), () -> List.of());
        notifications.sent.clear();
        assertTrue(resources.remove("test://dynamic/1"));
        assertEquals(List.of(LIST_CHANGED), notifications.sent);
        assertFalse(listedUris(CALLER).contains("test://dynamic/1"));
        JsonRpcException error = assertThrows(JsonRpcException.class, () -> feature.handle(uri("test://dynamic/1"),
                CALLER.request(McpMethods.RESOURCES_READ, "s1")));
        assertEquals(JsonRpcErrorCodes.RESOURCE_NOT_FOUND, error.code());
        assertFalse(resources.remove("test://dynamic/1"));
        assertFalse(resources.remove("test://static-text"));
        assertEquals(List.of(LIST_CHANGED), notifications.sent);
        assertTrue(listedUris(CALLER).contains("test://static-text"));
    }

    @Test
    void addingATakenOrInvalidUriIsRefusedAndAnnouncesNothing() {
        IllegalArgumentException annotated = assertThrows(IllegalArgumentException.class, () -> resources
                .add(ResourceDefinition.of("test://static-text", "again"), () -> List.of()));
        assertTrue(annotated.getMessage().startsWith("Cannot add the resource test://static-text: a resource with"
                + " that URI exists already (test://static-text (dev.delegatemcp.server.feature.resource"
                + ".TestResources#staticText()))"), annotated.getMessage());
        resources.add(ResourceDefinition.of("test://dynamic/1", "dynamic-1"), () -> List.of());
        notifications.sent.clear();
        assertThrows(IllegalArgumentException.class,
                () -> resources.add(ResourceDefinition.of("test://dynamic/1", "twice"), () -> List.of()));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> resources.add(ResourceDefinition.of("no-scheme", "x"), () -> List.of())).getMessage()
                .contains("is not absolute"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> resources
                .add(ResourceDefinition.of("test://y", "y").withMimeType("plain"), () -> List.of())).getMessage()
                .contains("the MIME type 'plain'"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> resources.add(ResourceDefinition.of("test://y", " "), () -> List.of())).getMessage()
                .contains("the name is blank"));
        assertEquals(List.of(), notifications.sent);
    }

    @Test
    void anAddedResourcesSupplierFailureIsAnsweredLikeAnAnnotatedOnes() {
        resources.add(ResourceDefinition.of("test://dynamic/broken", "broken"), () -> {
            throw new dev.delegatemcp.api.ToolCallException("Not available right now.");
        });
        JsonRpcException error = assertThrows(JsonRpcException.class, () -> feature.handle(
                uri("test://dynamic/broken"), CALLER.request(McpMethods.RESOURCES_READ, "s1")));
        assertEquals(JsonRpcErrorCodes.INTERNAL_ERROR, error.code());
        assertEquals("Not available right now.", error.getMessage());
    }
}
