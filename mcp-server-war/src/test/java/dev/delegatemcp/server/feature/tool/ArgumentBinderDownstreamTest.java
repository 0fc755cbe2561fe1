package dev.delegatemcp.server.feature.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.delegatemcp.api.Downstream;
import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.DownstreamCredentials;
import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.Tool;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link ArgumentBinder} leaves credential parameters for the {@code @Downstream} interceptor. */
class ArgumentBinderDownstreamTest {

    public static class Tools {

        @Tool
        @Downstream(resource = "calendar")
        @Downstream(connection = "github")
        public String both(DownstreamCredential calendar, String text, DownstreamCredentials all, McpCaller caller,
                int count) {
            return null;
        }
    }

    private static Jsonb jsonb;
    private static ArgumentBinder binder;

    @BeforeAll
    static void createBinder() {
        jsonb = JsonbBuilder.create();
        binder = new ArgumentBinder(jsonb);
    }

    @AfterAll
    static void closeJsonb() throws Exception {
        jsonb.close();
    }

    private static ToolDefinition tool() {
        return TestTools.read(Tools.class, "both");
    }

    private static JsonObject json(String text) {
        return TestTools.json(text);
    }

    @Test
    void credentialParametersAreLeftNullAndArgumentsAreBound() {
        McpCaller caller = FakeCaller.of("alice");
        Object[] values = binder.bind(tool(), json("{\"text\":\"hi\",\"count\":2}"), caller);
        assertEquals(5, values.length);
        assertNull(values[0]);
        assertEquals("hi", values[1]);
        assertNull(values[2]);
        assertSame(caller, values[3]);
        assertEquals(2, values[4]);
    }

    @Test
    void argumentsNamedLikeCredentialParametersAreIgnored() {
        Object[] values = binder.bind(tool(),
                json("{\"text\":\"hi\",\"count\":2,\"calendar\":\"stolen-token\",\"all\":{\"calendar\":\"x\"}}"),
                FakeCaller.of("alice"));
        assertNull(values[0]);
        assertNull(values[2]);
    }
}
