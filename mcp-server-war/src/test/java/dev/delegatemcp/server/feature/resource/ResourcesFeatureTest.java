package dev.delegatemcp.server.feature.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.delegatemcp.api.interaction.ConnectionRequiredException;
import dev.delegatemcp.server.protocol.McpFeature;
import dev.delegatemcp.server.protocol.RequestContext;
import dev.delegatemcp.server.security.InsufficientScopeException;
import dev.delegatemcp.wire.WireJson;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorCodes;
import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import dev.delegatemcp.wire.mcp.ContentBlock;
import dev.delegatemcp.wire.mcp.ListResourceTemplatesResult;
import dev.delegatemcp.wire.mcp.ListResourcesResult;
import dev.delegatemcp.wire.mcp.McpMethods;
import dev.delegatemcp.wire.mcp.ReadResourceResult;
import dev.delegatemcp.wire.mcp.Resource;
import dev.delegatemcp.wire.mcp.ResourceTemplate;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

class ResourcesFeatureTest {

    private static final TestCaller ALICE = TestCaller.of("alice", "profile.read", "users.read");
    private static final TestCaller NOBODY = TestCaller.of("nobody");

    private final TestResources bean = new TestResources();
    private final ResourceSubscriptions subscriptions = new ResourceSubscriptions(3);
    private final ResourcesConfig config = new ResourcesConfig();
    private final ResourcesFeature feature;

    ResourcesFeatureTest() {
        config.pageSize = 50;
        feature = new ResourcesFeature(TestResources.catalog(bean), subscriptions, config);
    }

    private static JsonObject uri(String uri) {
        return Json.createObjectBuilder().add("uri", uri).build();
    }

    private static JsonObject cursor(String cursor) {
        return Json.createObjectBuilder().add("cursor", cursor).build();
    }

    private ReadResourceResult read(String uri, TestCaller caller) {
        return (ReadResourceResult) feature.handle(uri(uri), caller.request(McpMethods.RESOURCES_READ, "s1"));
    }

    private JsonRpcException readFails(String uri, TestCaller caller) {
        return assertThrows(JsonRpcException.class, () -> read(uri, caller));
    }

    private Object subscribe(String uri, TestCaller caller, String session) {
        return feature.handle(uri(uri), caller.request(McpMethods.RESOURCES_SUBSCRIBE, session));
    }

    // --- announcement ---------------------------------------------------------------------------------------------

    @Test
    void itServesTheFiveResourceMethodsAndAnnouncesSubscribeAndListChanged() {
        assertEquals(Set.of("resources/list", "resources/templates/list", "resources/read", "resources/subscribe",
                "resources/unsubscribe"), feature.methods());
        McpFeature.Capability capability = feature.capability().orElseThrow();
        assertEquals("resources", capability.name());
        assertEquals("{\"listChanged\":true,\"subscribe\":true}", WireJson.toJson(capability.options()));
    }

    // --- lists ----------------------------------------------------------------------------------------------------

    @Test
    void theListShowsOnlyResourcesWhoseScopesTheCallerHasOrderedByUri() {
        ListResourcesResult all = feature.list(JsonValue.EMPTY_JSON_OBJECT,
                TestCaller.of("root", "profile.read", "secret.read").request(McpMethods.RESOURCES_LIST, "s1"));
        assertEquals(List.of("test://fails-for-user", "test://fails-unexpectedly", "test://gone", "test://me",
                "test://mixed", "test://needs-connection", "test://nothing", "test://secret", "test://static-binary",
                "test://static-text", "test://watched-resource"),
                all.resources().stream().map(Resource::uri).toList());
        List<String> forAlice = feature.list(JsonValue.EMPTY_JSON_OBJECT,
                ALICE.request(McpMethods.RESOURCES_LIST, "s1")).resources().stream().map(Resource::uri).toList();
        assertTrue(forAlice.contains("test://me"));
        assertFalse(forAlice.contains("test://secret"), "needs secret.read as well");
        List<String> forNobody = feature.list(JsonValue.EMPTY_JSON_OBJECT,
                NOBODY.request(McpMethods.RESOURCES_LIST, "s1")).resources().stream().map(Resource::uri).toList();
        assertFalse(forNobody.contains("test://me"));
        assertEquals(9, forNobody.size());
    }

    @Test
    void theListIsPagedWithAnOpaqueCursorUntilTheLastPageHasNone() {
        config.pageSize = 4;
        RequestContext request = NOBODY.request(McpMethods.RESOURCES_LIST, "s1");
        ListResourcesResult first = feature.list(JsonValue.EMPTY_JSON_OBJECT, request);
        assertEquals(4, first.resources().size());
        assertFalse(first.nextCursor().contains("4"), "opaque");
        ListResourcesResult second = feature.list(cursor(first.nextCursor()), request);
        assertEquals(4, second.resources().size());
        ListResourcesResult third = feature.list(cursor(second.nextCursor()), request);
        assertEquals(1, third.resources().size());
        assertNull(third.nextCursor());
        List<Resource> paged = new ArrayList<>(first.resources());
        paged.addAll(second.resources());
        paged.addAll(third.resources());
        config.pageSize = 50;
        assertEquals(feature.list(JsonValue.EMPTY_JSON_OBJECT, request).resources(), paged);
    }

    @Test
    void anUnknownCursorOrATemplatesCursorForResourcesIsInvalidParams() {
        RequestContext request = NOBODY.request(McpMethods.RESOURCES_LIST, "s1");
        JsonRpcException garbage = assertThrows(JsonRpcException.class, () -> feature.list(cursor("nope"), request));
        assertEquals(JsonRpcErrorCodes.INVALID_PARAMS, garbage.code());
        config.pageSize = 1;
        String templatesCursor = feature.listTemplates(JsonValue.EMPTY_JSON_OBJECT,
                NOBODY.request(McpMethods.RESOURCES_TEMPLATES_LIST, "s1")).nextCursor();
        assertEquals(JsonRpcErrorCodes.INVALID_PARAMS,
                assertThrows(JsonRpcException.class, () -> feature.list(cursor(templatesCursor), request)).code());
    }

    @Test
    void theTemplatesListShowsVisibleTemplatesMostSpecificFirstAndIsPaged() {
        ListResourceTemplatesResult forAlice = feature.listTemplates(JsonValue.EMPTY_JSON_OBJECT,
                ALICE.request(McpMethods.RESOURCES_TEMPLATES_LIST, "s1"));
        assertEquals(List.of("test://template/{id}/data", "test://orders/latest{?format}", "test://orders/{number}"
                + "{?format}", "test://users/{id}", "file:///{+path}"),
                forAlice.resourceTemplates().stream().map(ResourceTemplate::uriTemplate).toList());
        assertEquals(new ResourceTemplate("test://template/{id}/data", "template-data", null, "Data by id",
                "application/json"), forAlice.resourceTemplates().get(0));
        assertFalse(feature.listTemplates(JsonValue.EMPTY_JSON_OBJECT,
                NOBODY.request(McpMethods.RESOURCES_TEMPLATES_LIST, "s1")).resourceTemplates().stream()
                .anyMatch(template -> template.uriTemplate().startsWith("test://users/")));
        config.pageSize = 3;
        RequestContext request = ALICE.request(McpMethods.RESOURCES_TEMPLATES_LIST, "s1");
        ListResourceTemplatesResult first = feature.listTemplates(JsonValue.EMPTY_JSON_OBJECT, request);
        ListResourceTemplatesResult second = feature.listTemplates(cursor(first.nextCursor()), request);
        assertEquals(3, first.resourceTemplates().size());
        assertEquals(2, second.resourceTemplates().size());
        assertNull(second.nextCursor());
    }

    // --- read -----------------------------------------------------------------------------------------------------

    @Test
    void aStringIsOneTextItemAtTheUriWithTheDeclaredMimeType() {
        assertEquals(List.of(ContentBlock.ResourceContents.text("test://static-text", "text/plain",
                "This is the content of the static text resource.")), read("test://static-text", NOBODY).contents());
    }

    @Test
    void bytesAreOneBase64BlobItem() {
        ContentBlock.ResourceContents item = read("test://static-binary", NOBODY).contents().get(0);
        assertEquals("test://static-binary", item.uri());
        assertEquals("image/png", item.mimeType());
        assertNull(item.text());
        assertEquals(List.of((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G'),
                toList(Base64.getDecoder().decode(item.blob())));
    }

    @Test
    void contentsItemsKeepTheirOwnUriAndTypeAndTakeTheResourcesOtherwise() {
        assertEquals(List.of(ContentBlock.ResourceContents.text("test://mixed", "text/markdown", "# Main"),
                ContentBlock.ResourceContents.blob("test://mixed/logo", "image/png",
                        Base64.getEncoder().encodeToString("png".getBytes()))),
                read("test://mixed", NOBODY).contents());
        bean.watched = "second";
        assertEquals(List.of(ContentBlock.ResourceContents.text("test://watched-resource", "text/plain", "second")),
                read("test://watched-resource", NOBODY).contents());
    }

    @Test
    void nullIsNoContents() {
        assertEquals(List.of(), read("test://nothing", NOBODY).contents());
    }

    @Test
    void theCallerParameterReceivesTheRequestsCaller() {
        assertEquals("you are alice", read("test://me", ALICE).contents().get(0).text());
    }

    @Test
    void aTemplateBindsItsVariablesAndItemsGetTheConcreteUri() {
        assertEquals(List.of(ContentBlock.ResourceContents.text("test://template/abc-123/data", "application/json",
                "{\"id\":\"abc-123\"}")), read("test://template/abc-123/data", NOBODY).contents());
        assertEquals("order 42 as XML for alice", read("test://orders/42?format=XML", ALICE).contents().get(0)
                .text());
        assertEquals("order 42 as default for alice", read("test://orders/42", ALICE).contents().get(0).text());
        assertEquals("test://orders/42", read("test://orders/42", ALICE).contents().get(0).uri());
        assertEquals("src/main/A b.java", new String(Base64.getDecoder().decode(
                read("file:///src/main/A%20b.java", NOBODY).contents().get(0).blob())));
    }

    @Test
    void theMostSpecificMatchingTemplateWinsAndAValueThatDoesNotConvertTriesTheNext() {
        assertEquals("latest as JSON", read("test://orders/latest?format=JSON", NOBODY).contents().get(0).text());
        // "latest" matches the more specific template, whose format does not convert; {number} cannot take "latest"
        assertEquals(JsonRpcErrorCodes.RESOURCE_NOT_FOUND, readFails("test://orders/latest?format=PDF", NOBODY).code());
        assertEquals(JsonRpcErrorCodes.RESOURCE_NOT_FOUND, readFails("test://orders/4x2", NOBODY).code());
    }

    @Test
    void anUnknownUriIsResourceNotFoundWithTheUriAsData() {
        JsonRpcException error = readFails("test://nonexistent", NOBODY);
        assertEquals(-32002, error.code());
        assertEquals("Resource not found", error.getMessage());
        assertEquals(Json.createObjectBuilder().add("uri", "test://nonexistent").build(), error.data());
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":{\"code\":-32002,\"message\":\"Resource not found\","
                + "\"data\":{\"uri\":\"test://nonexistent\"}}}",
                WireJson.toJson(error.toResponse(Json.createValue(7))));
    }

    @Test
    void aMethodThatFindsNothingAnswersResourceNotFoundToo() {
        assertEquals(Json.createObjectBuilder().add("uri", "test://gone").build(),
                readFails("test://gone", NOBODY).data());
        JsonRpcException noSuchUser = readFails("test://users/00000000-0000-0000-0000-000000000001", ALICE);
        assertEquals(JsonRpcErrorCodes.RESOURCE_NOT_FOUND, noSuchUser.code());
    }

    @Test
    void readingWithoutTheScopesIsInsufficientScopeNamingAllScopesNeeded() {
        InsufficientScopeException error = assertThrows(InsufficientScopeException.class,
                () -> read("test://secret", ALICE));
        assertEquals(Set.of("profile.read", "users.read", "secret.read"), error.neededScopes());
        assertTrue(error.getMessage().startsWith("The resource test://secret needs the scopes "));
        assertThrows(InsufficientScopeException.class,
                () -> read("test://users/6f1c0b7e-6a3e-4a1f-9a44-6bfa1d1e2c3d", NOBODY));
    }

    @Test
    void aMalformedUriParamIsInvalidParams() {
        JsonRpcException error = assertThrows(JsonRpcException.class, () -> feature.handle(
                Json.createObjectBuilder().add("uri", 5).build(), NOBODY.request(McpMethods.RESOURCES_READ, "s1")));
        assertEquals(JsonRpcErrorCodes.INVALID_PARAMS, error.code());
        assertEquals("Invalid params: \"uri\" must be the resource URI (a string)", error.getMessage());
    }

    @Test
    void aToolCallExceptionIsAnInternalErrorCarryingItsSentence() {
        JsonRpcException error = readFails("test://fails-for-user", NOBODY);
        assertEquals(JsonRpcErrorCodes.INTERNAL_ERROR, error.code());
        assertEquals("The archive is offline until 6 pm; try again then.", error.getMessage());
    }

    @Test
    void anyOtherFailureIsAnInternalErrorWithOnlyAReferenceThatTheLogHasToo() {
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(ResourcesFeature.class.getName());
        logger.addHandler(handler);
        try {
            JsonRpcException error = readFails("test://fails-unexpectedly", NOBODY);
            assertEquals(JsonRpcErrorCodes.INTERNAL_ERROR, error.code());
            assertFalse(error.getMessage().contains("hunter2"));
            Matcher reference = Pattern.compile("reference ([0-9a-f-]{36})").matcher(error.getMessage());
            assertTrue(reference.find(), error.getMessage());
            assertEquals(1, records.size());
            String line = records.get(0).getMessage();
            assertTrue(line.startsWith("DMCPS0005W: Resource test://fails-unexpectedly (dev.delegatemcp.server"
                    + ".feature.resource.TestResources#failsUnexpectedly()) failed with java.lang.IllegalStateException"
                    + " (reference " + reference.group(1) + ")"), line);
            assertFalse(line.contains("hunter2"));
            assertNull(records.get(0).getThrown());
        } finally {
            logger.removeHandler(handler);
        }
    }

    @Test
    void aConnectionRequiredGoesToTheProtocolLayerUntouched() {
        assertThrows(ConnectionRequiredException.class, () -> read("test://needs-connection", NOBODY));
    }

    // --- subscriptions --------------------------------------------------------------------------------------------

    @Test
    void subscribingAnswersAnEmptyResultAndRecordsTheSessionsSubscription() {
        assertSame(JsonValue.EMPTY_JSON_OBJECT, subscribe("test://watched-resource", NOBODY, "s1"));
        assertEquals(List.of("s1"), subscriptions.subscribersOf("test://watched-resource"));
        subscribe("test://template/7/data", NOBODY, "s2");
        assertEquals(List.of("s2"), subscriptions.subscribersOf("test://template/7/data"));
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, feature.handle(uri("test://watched-resource"),
                NOBODY.request(McpMethods.RESOURCES_UNSUBSCRIBE, "s1")));
        assertEquals(List.of(), subscriptions.subscribersOf("test://watched-resource"));
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, feature.handle(uri("test://never-subscribed"),
                NOBODY.request(McpMethods.RESOURCES_UNSUBSCRIBE, "s1")), "unsubscribing is idempotent");
    }

    @Test
    void subscribingToAnUnknownUriIsResourceNotFound() {
        JsonRpcException error = assertThrows(JsonRpcException.class,
                () -> subscribe("test://nonexistent", NOBODY, "s1"));
        assertEquals(JsonRpcErrorCodes.RESOURCE_NOT_FOUND, error.code());
        assertEquals(Json.createObjectBuilder().add("uri", "test://nonexistent").build(), error.data());
        assertEquals(Set.of(), subscriptions.subscriptionsOf("s1"));
    }

    @Test
    void subscribingWithoutTheScopesIsInsufficientScope() {
        assertThrows(InsufficientScopeException.class, () -> subscribe("test://me", NOBODY, "s1"));
        assertEquals(Set.of(), subscriptions.subscriptionsOf("s1"));
    }

    @Test
    void aSessionPastItsSubscriptionLimitIsRefusedUntilItUnsubscribes() {
        subscribe("test://static-text", NOBODY, "s1");
        subscribe("test://static-binary", NOBODY, "s1");
        subscribe("test://watched-resource", NOBODY, "s1");
        subscribe("test://watched-resource", NOBODY, "s1"); // again: not a fourth
        JsonRpcException error = assertThrows(JsonRpcException.class, () -> subscribe("test://mixed", NOBODY, "s1"));
        assertEquals(JsonRpcErrorCodes.INVALID_PARAMS, error.code());
        assertTrue(error.getMessage().contains("subscribed to 3 resources, the most it may be"), error.getMessage());
        subscribe("test://mixed", NOBODY, "s2"); // another session has its own limit
        feature.handle(uri("test://static-text"), NOBODY.request(McpMethods.RESOURCES_UNSUBSCRIBE, "s1"));
        subscribe("test://mixed", NOBODY, "s1");
        assertEquals(Set.of("test://static-binary", "test://watched-resource", "test://mixed"),
                subscriptions.subscriptionsOf("s1"));
    }

    @Test
    void aSubscriptionOutsideASessionIsAnInvalidRequest() {
        JsonRpcException error = assertThrows(JsonRpcException.class,
                () -> subscribe("test://static-text", NOBODY, null));
        assertEquals(JsonRpcErrorCodes.INVALID_REQUEST, error.code());
    }

    @Test
    void theResultsAreWrittenInTheSchemasShape() {
        assertInstanceOf(ReadResourceResult.class, feature.handle(uri("test://static-text"),
                NOBODY.request(McpMethods.RESOURCES_READ, "s1")));
        assertEquals("{\"contents\":[{\"uri\":\"test://template/1/data\",\"mimeType\":\"application/json\","
                + "\"text\":\"{\\\"id\\\":\\\"1\\\"}\"}]}", WireJson.toJson(read("test://template/1/data", NOBODY)));
    }

    private static List<Byte> toList(byte[] bytes) {
        List<Byte> list = new ArrayList<>();
        for (byte b : bytes) {
            list.add(b);
        }
        return list;
    }
}
