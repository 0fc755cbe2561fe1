package dev.delegatemcp.samples.connections.remote;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.json.Json;

/** The docs service's tool: {@code generate_document {title, body}} answers {@code {"documentId", "title", "words"}}. */
public class DocsToolbox implements RemoteToolbox {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final ToolDefinition GENERATE_DOCUMENT = new ToolDefinition("generate_document",
            "Generate a document", "Creates a document with the given title and body in the connected docs service.",
            arguments());

    @Override
    public List<ToolDefinition> tools() {
        return List.of(GENERATE_DOCUMENT);
    }

    @Override
    public ToolOutcome call(String tool, Map<String, String> arguments, ConnectionView connection) {
        String body = arguments.get("body").strip();
        int words = body.isEmpty() ? 0 : WHITESPACE.split(body).length;
        return ToolOutcome.success(Json.createObjectBuilder()
                .add("documentId", "doc-" + UUID.randomUUID().toString().substring(0, 8))
                .add("title", arguments.get("title"))
                .add("words", words)
                .build());
    }

    private static Map<String, String> arguments() {
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("title", "The document's title");
        arguments.put("body", "The document's text");
        return arguments;
    }
}
