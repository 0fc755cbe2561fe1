package dev.delegatemcp.wire.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import dev.delegatemcp.wire.WireJson;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorCodes;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorResponse;
import dev.delegatemcp.wire.jsonrpc.JsonRpcNotification;
import dev.delegatemcp.wire.jsonrpc.JsonRpcRequest;
import jakarta.json.Json;

import org.junit.jupiter.api.Test;

/** The resource records write and read the exact shapes of the MCP 2025-11-25 schema (Server features, Resources). */
class ResourceRecordsTest {

    @Test
    void aResourceKeepsTheSchemaOrderAndLeavesOutUnknownTitleAndSize() {
        assertEquals("{\"uri\":\"test://static-text\",\"name\":\"static-text\",\"description\":\"A text\","
                + "\"mimeType\":\"text/plain\"}",
                WireJson.toJson(new Resource("test://static-text", "static-text", null, "A text", "text/plain", null)));
        assertEquals("{\"uri\":\"file:///a.png\",\"name\":\"a\",\"title\":\"A\",\"size\":1024}",
                WireJson.toJson(new Resource("file:///a.png", "a", "A", null, null, 1024L)));
    }

    @Test
    void aResourceIsReadWithoutItsUnmodelledMembers() {
        assertEquals(new Resource("file:///a", "a", null, null, "text/plain", 3L), WireJson.fromJson(
                "{\"uri\":\"file:///a\",\"name\":\"a\",\"mimeType\":\"text/plain\",\"size\":3,"
                        + "\"annotations\":{\"priority\":1},\"icons\":[]}",
                Resource.class));
    }

    @Test
    void aResourceTemplateWritesItsUriTemplateFirst() {
        assertEquals("{\"uriTemplate\":\"test://template/{id}/data\",\"name\":\"data\",\"title\":\"Data\","
                + "\"mimeType\":\"application/json\"}",
                WireJson.toJson(new ResourceTemplate("test://template/{id}/data", "data", "Data", null,
                        "application/json")));
    }

    @Test
    void listResultsNameTheirItemsAsTheSchemaDoesAndLeaveOutTheCursorOnTheLastPage() {
        assertEquals("{\"resources\":[{\"uri\":\"test://a\",\"name\":\"a\"}],\"nextCursor\":\"c2\"}",
                WireJson.toJson(new ListResourcesResult(List.of(new Resource("test://a", "a", null, null, null, null)),
                        "c2")));
        assertEquals("{\"resourceTemplates\":[]}", WireJson.toJson(new ListResourceTemplatesResult(List.of(), null)));
        ListResourceTemplatesResult read = WireJson.fromJson(
                "{\"resourceTemplates\":[{\"uriTemplate\":\"x://{a}\",\"name\":\"n\"}],\"nextCursor\":\"c\"}",
                ListResourceTemplatesResult.class);
        assertEquals(List.of(new ResourceTemplate("x://{a}", "n", null, null, null)), read.resourceTemplates());
        assertEquals("c", read.nextCursor());
    }

    @Test
    void readContentsAreTextOrBlobItemsEachWithItsUri() {
        ReadResourceResult result = new ReadResourceResult(List.of(
                ContentBlock.ResourceContents.text("test://static-text", "text/plain", "hello"),
                ContentBlock.ResourceContents.blob("test://static-binary", "image/png", "iVBORw0KGgo="),
                ContentBlock.ResourceContents.text("test://x", null, "")));
        String json = WireJson.toJson(result);
        assertEquals("{\"contents\":[{\"uri\":\"test://static-text\",\"mimeType\":\"text/plain\",\"text\":\"hello\"},"
                + "{\"uri\":\"test://static-binary\",\"mimeType\":\"image/png\",\"blob\":\"iVBORw0KGgo=\"},"
                + "{\"uri\":\"test://x\",\"text\":\"\"}]}", json);
        assertEquals(result, WireJson.fromJson(json, ReadResourceResult.class));
    }

    @Test
    void theResourceRequestsAndNotificationsHaveTheSchemasMethodsAndParams() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"resources/subscribe\",\"params\":"
                + "{\"uri\":\"test://watched-resource\"}}",
                WireJson.toJson(JsonRpcRequest.of(Json.createValue(4), McpMethods.RESOURCES_SUBSCRIBE,
                        new ResourceRequestParams("test://watched-resource"))));
        assertEquals("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/resources/updated\",\"params\":"
                + "{\"uri\":\"test://watched-resource\"}}",
                WireJson.toJson(JsonRpcNotification.of(McpMethods.RESOURCES_UPDATED,
                        new ResourceUpdatedParams("test://watched-resource"))));
        assertEquals("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/resources/list_changed\"}",
                WireJson.toJson(JsonRpcNotification.of(McpMethods.RESOURCES_LIST_CHANGED, null)));
        assertEquals(List.of("resources/list", "resources/templates/list", "resources/read", "resources/unsubscribe"),
                List.of(McpMethods.RESOURCES_LIST, McpMethods.RESOURCES_TEMPLATES_LIST, McpMethods.RESOURCES_READ,
                        McpMethods.RESOURCES_UNSUBSCRIBE));
    }

    @Test
    void resourceNotFoundIsMinus32002WithTheUriAsData() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":5,\"error\":{\"code\":-32002,\"message\":\"Resource not found\","
                + "\"data\":{\"uri\":\"file:///nonexistent.txt\"}}}",
                WireJson.toJson(JsonRpcErrorResponse.of(Json.createValue(5), JsonRpcErrorCodes.RESOURCE_NOT_FOUND,
                        "Resource not found", Json.createObjectBuilder().add("uri", "file:///nonexistent.txt")
                                .build())));
    }
}
