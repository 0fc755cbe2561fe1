package dev.delegatemcp.server.feature.resource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.ToolCallException;
import dev.delegatemcp.api.interaction.ConnectionRequiredException;
import dev.delegatemcp.api.resource.McpResource;
import dev.delegatemcp.api.resource.McpResourceTemplate;
import dev.delegatemcp.api.resource.ResourceContents;
import dev.delegatemcp.api.resource.ResourceNotFoundException;
import dev.delegatemcp.api.resource.TemplateVariable;

/** Resource methods as an author writes them, and a catalogue serving them without CDI. */
public class TestResources {

    public enum Format { JSON, XML }

    public volatile String watched = "first";

    @McpResource(uri = "test://static-text", name = "static-text", title = "Static text",
            description = "A static text resource", mimeType = "text/plain")
    public String staticText() {
        return "This is the content of the static text resource.";
    }

    @McpResource(uri = "test://static-binary", mimeType = "image/png", size = 4)
    public byte[] staticBinary() {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G'};
    }

    @McpResource(uri = "test://watched-resource", mimeType = "text/plain")
    public ResourceContents watchedResource() {
        return ResourceContents.text(watched);
    }

    @McpResource(uri = "test://mixed", mimeType = "text/markdown")
    public List<ResourceContents> mixed() {
        return List.of(ResourceContents.text("# Main"),
                ResourceContents.blob("test://mixed/logo", "image/png", "png".getBytes(StandardCharsets.UTF_8)));
    }

    @McpResource(uri = "test://me", scopes = "profile.read")
    public String me(McpCaller caller) {
        return "you are " + caller.subject();
    }

    @McpResource(uri = "test://secret", scopes = {"secret.read", "profile.read"})
    public String secret() {
        return "s3cr3t";
    }

    @McpResource(uri = "test://nothing")
    public List<ResourceContents> nothing() {
        return null;
    }

    @McpResource(uri = "test://fails-for-user")
    public String failsForUser() {
        throw new ToolCallException("The archive is offline until 6 pm; try again then.");
    }

    @McpResource(uri = "test://fails-unexpectedly")
    public String failsUnexpectedly() {
        throw new IllegalStateException("db password=hunter2 rejected");
    }

    @McpResource(uri = "test://gone")
    public String gone() {
        throw new ResourceNotFoundException();
    }

    @McpResource(uri = "test://needs-connection")
    public String needsConnection() {
        throw new ConnectionRequiredException("crm", "https://vault.example/connect/crm",
                "Connect crm at https://vault.example/connect/crm, then try again.", "Connect crm");
    }

    @McpResourceTemplate(uriTemplate = "test://template/{id}/data", name = "template-data",
            description = "Data by id", mimeType = "application/json")
    public String templateData(String id) {
        return "{\"id\":\"" + id + "\"}";
    }

    @McpResourceTemplate(uriTemplate = "test://orders/{number}{?format}", mimeType = "text/plain")
    public ResourceContents order(@TemplateVariable("number") long orderNumber, Optional<Format> format,
            McpCaller caller) {
        return ResourceContents.text("order " + orderNumber + " as " + format.map(Format::name).orElse("default")
                + " for " + caller.subject());
    }

    @McpResourceTemplate(uriTemplate = "test://orders/latest{?format}")
    public String latestOrder(Format format) {
        return "latest as " + format;
    }

    @McpResourceTemplate(uriTemplate = "test://users/{id}", scopes = "users.read")
    public String user(UUID id) {
        if (id.getMostSignificantBits() == 0) {
            throw new ResourceNotFoundException();
        }
        return "user " + id;
    }

    @McpResourceTemplate(uriTemplate = "file:///{+path}", mimeType = "application/octet-stream")
    public byte[] file(String path) {
        return path.getBytes(StandardCharsets.UTF_8);
    }

    /** The catalogue of this bean's resources, invoking the methods directly (no CDI, no interceptors). */
    static ResourceCatalog catalog(TestResources bean) {
        return new ResourceCatalog(declared(bean));
    }

    static List<ResourceCatalog.Declared> declared(Object bean) {
        return Arrays.stream(bean.getClass().getMethods()).filter(ResourceDeclarationReader::declaresResource)
                .map(method -> new ResourceCatalog.Declared(ResourceDeclarationReader.read(bean.getClass(), method),
                        arguments -> invoke(method, bean, arguments)))
                .toList();
    }

    private static Object invoke(Method method, Object bean, Object[] arguments) throws Throwable {
        try {
            return method.invoke(bean, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
