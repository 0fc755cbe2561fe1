package dev.delegatemcp.server.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class ExportedSchemaTest {

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    @Test
    void aReExportedToolIsListedWithoutTheHeaderAnnotationsThisServerDoesNotCheckOrForward() {
        JsonObject remote = json("{\"type\":\"object\",\"properties\":{\"region\":{\"type\":\"string\","
                + "\"x-mcp-header\":\"Region\"},\"nested\":{\"type\":\"object\",\"properties\":{\"id\":{\"type\":"
                + "\"integer\",\"x-mcp-header\":\"Id\"}}},\"list\":{\"type\":\"array\",\"items\":[{\"x-mcp-header\":"
                + "\"X\",\"type\":\"string\"}]}},\"required\":[\"region\"]}");
        assertEquals(json("{\"type\":\"object\",\"properties\":{\"region\":{\"type\":\"string\"},\"nested\":{\"type\":"
                + "\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}}},\"list\":{\"type\":\"array\",\"items\":"
                + "[{\"type\":\"string\"}]}},\"required\":[\"region\"]}"),
                ExportedRemoteTools.withoutParameterHeaders(remote));
    }
}
