package dev.delegatemcp.server.feature.prompt;

import static dev.delegatemcp.server.feature.TestRequests.caller;
import static dev.delegatemcp.server.feature.TestRequests.context;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.interaction.ClientInteractionException;
import dev.delegatemcp.api.interaction.ConnectionRequiredException;
import dev.delegatemcp.server.ServerMessages;
import dev.delegatemcp.server.feature.TestRequests.LogCapture;
import dev.delegatemcp.server.security.InsufficientScopeException;
import dev.delegatemcp.wire.WireJson;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorCodes;
import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import dev.delegatemcp.wire.mcp.GetPromptResult;
import dev.delegatemcp.wire.mcp.ListPromptsResult;
import dev.delegatemcp.wire.mcp.McpMethods;
import dev.delegatemcp.wire.mcp.Prompt;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

/** prompts/list and prompts/get over the prompts of {@link TestPrompts}. */
class PromptsFeatureTest {

    private static final McpCaller READER = caller("code.read");

    private final PromptsFeature feature = new PromptsFeature(TestPrompts.registry(), new PromptsConfig(50));

    private static JsonObject json(String text) {
        return WireJson.jsonb().fromJson(text, JsonObject.class);
    }

    private GetPromptResult get(McpCaller caller, String name, JsonObject arguments) {
        JsonObjectBuilder params = Json.createObjectBuilder().add("name", name);
        if (arguments != null) {
            params.add("arguments", arguments);
        }
        return (GetPromptResult) feature.handle(params.build(), context(McpMethods.PROMPTS_GET, caller));
    }

    private JsonRpcException getFails(McpCaller caller, String name, JsonObject arguments) {
        return assertThrows(JsonRpcException.class, () -> get(caller, name, arguments));
    }

    private ListPromptsResult list(PromptsFeature feature, McpCaller caller, String cursor) {
        JsonObject params = cursor == null ? JsonValue.EMPTY_JSON_OBJECT
                : Json.createObjectBuilder().add("cursor", cursor).build();
        return (ListPromptsResult) feature.handle(params, context(McpMethods.PROMPTS_LIST, caller));
    }

    // ----------------------------------------------------------------------------------------------- prompts/list

    @Test
    void theFeatureServesPromptsListAndGetAndAnnouncesPromptsWithoutListChanged() {
        assertEquals(Set.of("prompts/list", "prompts/get"), feature.methods());
        assertEquals("prompts", feature.capability().orElseThrow().name());
        assertEquals("{\"listChanged\":false}", WireJson.toJson(feature.capability().orElseThrow().options()));
    }

    @Test
    void theListShowsACallerOnlyThePromptsItsScopesAllowByName() {
        List<String> anyone = list(feature, caller(), null).prompts().stream().map(Prompt::name).toList();
        assertFalse(anyone.contains("code_review"));
        assertFalse(anyone.contains("admin_only"));
        assertEquals(anyone.stream().sorted().toList(), anyone);
        List<String> reader = list(feature, READER, null).prompts().stream().map(Prompt::name).toList();
        assertTrue(reader.contains("code_review"));
        assertFalse(reader.contains("admin_only"));
        assertTrue(list(feature, caller("admin", "code.read"), null).prompts().stream()
                .anyMatch(prompt -> prompt.name().equals("admin_only")));
    }

    @Test
    void theListIsPagedByTheConfiguredSizeWithAnOpaqueCursor() {
        PromptsFeature paged = new PromptsFeature(TestPrompts.registry(), new PromptsConfig(3));
        List<String> all = list(feature, READER, null).prompts().stream().map(Prompt::name).toList();
        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ListPromptsResult page = list(paged, READER, cursor);
            assertTrue(page.prompts().size() <= 3);
            page.prompts().forEach(prompt -> seen.add(prompt.name()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertEquals(all, seen);
        assertEquals((all.size() + 2) / 3, pages);
        JsonRpcException e = assertThrows(JsonRpcException.class, () -> list(paged, READER, "bm90IGEgY3Vyc29y"));
        assertEquals(JsonRpcErrorCodes.INVALID_PARAMS, e.code());
    }

    @Test
    void aListEntryDescribesThePromptAndItsArguments() {
        Prompt review = list(feature, READER, null).prompts().stream()
                .filter(prompt -> prompt.name().equals("code_review")).findFirst().orElseThrow();
        assertEquals("{\"name\":\"code_review\",\"title\":\"Request Code Review\",\"description\":\"Asks for a review"
                + " of code.\",\"arguments\":[{\"name\":\"code\",\"title\":\"Code\",\"description\":\"The code to"
                + " review\",\"required\":true},{\"name\":\"language\",\"description\":\"Its language\",\"required\":"
                + "false},{\"name\":\"focus\",\"required\":false}]}", WireJson.toJson(review));
    }

    // ------------------------------------------------------------------------------------------------ prompts/get

    @Test
    void aStringIsOneUserTextMessage() {
        assertEquals("{\"messages\":[{\"role\":\"user\",\"content\":{\"type\":\"text\",\"text\":\"This is a simple"
                + " prompt for testing.\"}}]}", WireJson.toJson(get(caller(), "simple", null)));
    }

    @Test
    void argumentsAreSubstitutedAndNoneIsTheSameAsAnEmptyObject() {
        assertEquals("Prompt with arguments: arg1='hello', arg2='world'",
                text(get(caller(), "with_arguments", json("{\"arg1\":\"hello\",\"arg2\":\"world\"}"))));
        assertEquals("This is a simple prompt for testing.", text(get(caller(), "simple", json("{}"))));
        assertEquals("This is a simple prompt for testing.",
                text((GetPromptResult) feature.handle(json("{\"name\":\"simple\",\"arguments\":null}"),
                        context(McpMethods.PROMPTS_GET, caller()))));
    }

    @Test
    void theCallerOptionalAndNotRequiredArgumentsAreBoundAndTheDescriptionSent() {
        GetPromptResult full = get(READER, "code_review",
                json("{\"code\":\"x = 1\",\"language\":\"python\",\"focus\":\"style\"}"));
        assertEquals("Review for alice", full.description());
        assertEquals("Review this python for style:\nx = 1", text(full));
        assertEquals("Review this code:\nx = 1", text(get(READER, "code_review", json("{\"code\":\"x = 1\"}"))));
        assertEquals("Review this code:\n", text(get(READER, "code_review",
                json("{\"code\":\"\",\"language\":null,\"focus\":null}"))));
    }

    @Test
    void aCredentialParameterIsLeftForTheDownstreamInterceptor() {
        assertEquals("Plan monday without the calendar",
                text(get(caller(), "agenda", json("{\"day\":\"monday\"}"))));
    }

    @Test
    void eachKindOfContentAndBothRolesAreWrittenAsTheSchemaSays() {
        assertEquals("{\"messages\":["
                + "{\"role\":\"user\",\"content\":{\"type\":\"image\",\"data\":\"iVBORw==\",\"mimeType\":\"image/png\"}},"
                + "{\"role\":\"assistant\",\"content\":{\"type\":\"audio\",\"data\":\"UklGRg==\",\"mimeType\":\"audio/wav\"}},"
                + "{\"role\":\"user\",\"content\":{\"type\":\"resource\",\"resource\":{\"uri\":\"test://doc\","
                + "\"mimeType\":\"text/plain\",\"text\":\"Embedded text\"}}},"
                + "{\"role\":\"user\",\"content\":{\"type\":\"resource\",\"resource\":{\"uri\":\"test://bin\","
                + "\"mimeType\":\"application/octet-stream\",\"blob\":\"AQI=\"}}},"
                + "{\"role\":\"assistant\",\"content\":{\"type\":\"text\",\"text\":\"Understood.\"}}]}",
                WireJson.toJson(get(caller(), "every_content", null)));
        assertEquals("{\"messages\":[{\"role\":\"assistant\",\"content\":{\"type\":\"text\",\"text\":\"Hello\"}}]}",
                WireJson.toJson(get(caller(), "one_message", null)));
    }

    @Test
    void anUnknownPromptIsInvalidParams() {
        JsonRpcException e = getFails(READER, "no_such_prompt", null);
        assertEquals(JsonRpcErrorCodes.INVALID_PARAMS, e.code());
        assertEquals("Unknown prompt: no_such_prompt", e.getMessage());
    }

    @Test
    void malformedParamsAreInvalidParams() {
        for (String params : List.of("{}", "{\"name\":3}", "{\"name\":\"simple\",\"arguments\":[\"a\"]}",
                "{\"name\":\"simple\",\"arguments\":\"a\"}")) {
            JsonRpcException e = assertThrows(JsonRpcException.class,
                    () -> feature.handle(json(params), context(McpMethods.PROMPTS_GET, READER)), params);
            assertEquals(JsonRpcErrorCodes.INVALID_PARAMS, e.code(), params);
        }
    }

    @Test
    void aPromptWhoseScopesTheCallerLacksIsForbiddenNamingEveryScopeNeeded() {
        InsufficientScopeException e = assertThrows(InsufficientScopeException.class,
                () -> get(caller("code.read", "other"), "admin_only", null));
        assertEquals(Set.of("admin", "code.read", "other"), e.neededScopes());
        assertEquals("The prompt admin_only needs the scopes admin code.read", e.getMessage());
        assertThrows(InsufficientScopeException.class, () -> get(caller(), "code_review", json("{}")));
    }

    @Test
    void everyArgumentProblemIsNamedInOneInvalidParamsError() {
        JsonRpcException e = getFails(READER, "code_review",
                json("{\"language\":3,\"focus\":{\"a\":1},\"colour\":\"red\",\"bogus\":\"x\"}"));
        assertEquals(JsonRpcErrorCodes.INVALID_PARAMS, e.code());
        assertEquals("Invalid params: invalid arguments for prompt code_review: code: is required; language: must be"
                + " a string; focus: must be a string; bogus: is not an argument of this prompt; colour: is not an"
                + " argument of this prompt", e.getMessage());
        assertEquals("Invalid params: invalid arguments for prompt with_arguments: arg1: is required; arg2: is"
                + " required", getFails(caller(), "with_arguments", null).getMessage());
    }

    @Test
    void unknownArgumentsBeyondTenAreCounted() {
        JsonObjectBuilder arguments = Json.createObjectBuilder();
        for (int i = 10; i < 35; i++) {
            arguments.add("x" + i, "v");
        }
        String message = getFails(caller(), "simple", arguments.build()).getMessage();
        assertTrue(message.endsWith("x19: is not an argument of this prompt; and 15 more arguments it does not have"),
                message);
        assertFalse(message.contains("x20"), message);
    }

    @Test
    void aToolCallExceptionIsAnInternalErrorWithItsSentence() {
        JsonRpcException e = getFails(caller(), "refuses", json("{\"project\":\"apollo\"}"));
        assertEquals(JsonRpcErrorCodes.INTERNAL_ERROR, e.code());
        assertEquals("There is no project apollo; pick one you can see.", e.getMessage());
    }

    @Test
    void aCapabilityTheClientLacksPassesToTheProtocolLayerWhichRendersItPerRevision() {
        ClientInteractionException e = assertThrows(ClientInteractionException.class,
                () -> get(caller(), "not_supported", null));
        assertEquals("Your client cannot answer questions, so this prompt cannot ask which project you mean.",
                e.getMessage());
    }

    @Test
    void aConnectionRequiredPassesToTheProtocolLayerUntouched() {
        ConnectionRequiredException e = assertThrows(ConnectionRequiredException.class,
                () -> get(caller(), "connect", null));
        assertSame(TestPrompts.CONNECT, e);
    }

    @Test
    void anUnexpectedFailureIsAnInternalErrorWithAReferenceThatIsLoggedWithoutTheExceptionsMessage() {
        JsonRpcException e;
        List<String> lines;
        try (LogCapture log = new LogCapture(PromptsFeature.class)) {
            e = getFails(caller(), "broken", null);
            lines = log.lines();
            assertNull(log.records().get(0).getThrown());
        }
        assertEquals(JsonRpcErrorCodes.INTERNAL_ERROR, e.code());
        Matcher reference = Pattern.compile("The prompt broken failed unexpectedly\\. Try again later; if it keeps"
                + " failing, give your administrator the reference ([0-9a-f-]{36})\\.").matcher(e.getMessage());
        assertTrue(reference.matches(), e.getMessage());
        assertEquals(List.of(ServerMessages.PROMPT_FAILED.format("broken", "java.lang.IllegalStateException",
                reference.group(1))), lines);
        assertFalse(e.getMessage().contains("hunter2"));
    }

    @Test
    void aNullResultOrMessageIsAnInternalErrorLoggedAsSuch() {
        try (LogCapture log = new LogCapture(PromptsFeature.class)) {
            assertEquals(JsonRpcErrorCodes.INTERNAL_ERROR, getFails(caller(), "nothing", null).code());
            assertEquals(JsonRpcErrorCodes.INTERNAL_ERROR, getFails(caller(), "null_message", null).code());
            assertTrue(log.lines().get(0).startsWith("DMCPS0010W: Prompt nothing failed with a null result"),
                    log.lines().toString());
            assertTrue(log.lines().get(1).startsWith("DMCPS0010W: Prompt null_message failed with a null message"),
                    log.lines().toString());
        }
    }

    @Test
    void aPageSizeBelowOneStopsTheApplicationNamingTheKey() {
        assertEquals(List.of("mcp.prompts.page-size must be at least 1, not 0"),
                new PromptsConfig(0).checks().problems());
        assertEquals(List.of(), new PromptsConfig(1).checks().problems());
    }

    private static String text(GetPromptResult result) {
        return ((dev.delegatemcp.wire.mcp.ContentBlock.Text) result.messages().get(0).content()).text();
    }
}
