package dev.delegatemcp.conformance;

import dev.delegatemcp.api.resource.McpResource;
import dev.delegatemcp.api.resource.McpResourceTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;

/**
 * The resources the official MCP conformance suite reads and subscribes to, with the URIs, names, MIME types and
 * contents of the suite's reference server.
 */
@ApplicationScoped
public class ConformanceResources {

    @McpResource(uri = "test://static-text", name = "static-text", title = "Static text",
            description = "A static text resource for testing", mimeType = "text/plain")
    public String staticText() {
        return "This is the content of the static text resource.";
    }

    @McpResource(uri = "test://static-binary", name = "static-binary", title = "Static binary",
            description = "A static binary resource (image) for testing", mimeType = "image/png")
    public byte[] staticBinary() {
        return Media.PNG;
    }

    @McpResourceTemplate(uriTemplate = "test://template/{id}/data", name = "template-data", title = "Template data",
            description = "Data for an id, to test resource templates", mimeType = "application/json")
    public String templateData(String id) {
        return Json.createObjectBuilder().add("id", id).add("templateTest", true).add("data", "Data for ID: " + id)
                .build().toString();
    }

    @McpResource(uri = "test://watched-resource", name = "watched-resource", title = "Watched resource",
            description = "A resource to subscribe to", mimeType = "text/plain")
    public String watchedResource() {
        return "Watched resource content";
    }
}
