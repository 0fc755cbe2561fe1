package dev.delegatemcp.it.tools;

import java.util.Base64;

import dev.delegatemcp.api.Content;
import dev.delegatemcp.api.Tool;
import dev.delegatemcp.api.ToolCallException;
import dev.delegatemcp.api.ToolResponse;
import jakarta.enterprise.context.ApplicationScoped;

/** The tools the official MCP conformance suite calls, written with the public tool API. Test deployments only. */
@ApplicationScoped
public class ConformanceTools {

    /** A 1x1 red PNG. */
    static final byte[] PIXEL_PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    @Tool(name = "test_simple_text", description = "Returns a simple text response")
    public String simpleText() {
        return "This is a simple text response for testing.";
    }

    @Tool(name = "test_image_content", description = "Returns an image")
    public Content image() {
        return Content.image(PIXEL_PNG, "image/png");
    }

    @Tool(name = "test_multiple_content_types", description = "Returns text, an image and an embedded resource")
    public ToolResponse mixed() {
        return ToolResponse.of(Content.text("Multiple content types test:"), Content.image(PIXEL_PNG, "image/png"),
                Content.resource("test://mixed-content-resource", "application/json",
                        "{\"test\":\"data\",\"value\":123}"));
    }

    @Tool(name = "test_error_handling", description = "Always fails, as a tool error")
    public String error() {
        throw new ToolCallException("This tool intentionally returns an error for testing");
    }
}
