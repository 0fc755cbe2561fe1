package dev.delegatemcp.server.feature.completion;

import static dev.delegatemcp.server.feature.TestRequests.caller;
import static dev.delegatemcp.server.feature.TestRequests.context;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.interaction.ConnectionRequiredException;
import dev.delegatemcp.server.ServerMessages;
import dev.delegatemcp.server.feature.TestRequests.LogCapture;
import dev.delegatemcp.server.security.InsufficientScopeException;
import dev.delegatemcp.wire.WireJson;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorCodes;
import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import dev.delegatemcp.wire.mcp.CompleteResult;
import dev.delegatemcp.wire.mcp.CompletionReference;
import dev.delegatemcp.wire.mcp.McpMethods;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/** completion/complete over the completers of {@link TestCompleters}. */
class CompletionFeatureTest {

    private static final McpCaller READER = caller("code.read");

    private final CompletionFeature feature = new CompletionFeature(TestCompleters.registry(),
            List.of(TestCompleters.prompts()));

    private CompleteResult complete(CompletionFeature feature, McpCaller caller, String params) {
        return feature.handle(WireJson.jsonb().fromJson(params, JsonObject.class),
                context(McpMethods.COMPLETION_COMPLETE, caller));
    }

    private String completeJson(McpCaller caller, String params) {
        return WireJson.toJson(complete(feature, caller, params));
    }

    private static String prompt(String name, String argument, String value) {
        return "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"" + name + "\"},\"argument\":{\"name\":\"" + argument
                + "\",\"value\":\"" + value + "\"}}";
    }

    private JsonRpcException fails(McpCaller caller, String params) {
        return assertThrows(JsonRpcException.class, () -> complete(feature, caller, params));
    }

    @Test
    void theFeatureServesCompletionCompleteAndAnnouncesAnEmptyCompletionsCapability() {
        assertEquals(Set.of("completion/complete"), feature.methods());
        assertEquals("completions", feature.capability().orElseThrow().name());
        assertEquals("{}", WireJson.toJson(feature.capability().orElseThrow().options()));
    }

    @Test
    void aPromptArgumentIsCompletedByItsMethodFromTheValueTyped() {
        assertEquals("{\"completion\":{\"values\":[\"python\",\"pytorch\",\"pyside\"],\"total\":3,\"hasMore\":false}}",
                completeJson(READER, prompt("code_review", "language", "py")));
        assertEquals("{\"completion\":{\"values\":[],\"total\":0,\"hasMore\":false}}",
                completeJson(READER, prompt("code_review", "language", "cobol")));
    }

    @Test
    void theResolvedArgumentsAndTheCallerReachTheMethod() {
        assertEquals(List.of("flask for alice", "fastapi for alice"),
                complete(feature, READER, "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"code_review\"},\"argument\":"
                        + "{\"name\":\"framework\",\"value\":\"f\"},\"context\":{\"arguments\":{\"language\":"
                        + "\"python\"}}}").completion().values());
        CompleteResult.Completion withoutContext = complete(feature, READER, prompt("code_review", "framework", ""))
                .completion();
        assertEquals(List.of("spring for alice", "quarkus for alice"), withoutContext.values());
        assertNull(withoutContext.total());
        assertEquals(false, withoutContext.hasMore());
    }

    @Test
    void aKnownArgumentWithoutACompleterHasNoSuggestions() {
        assertEquals("{\"completion\":{\"values\":[],\"total\":0,\"hasMore\":false}}",
                completeJson(caller(), prompt("many", "unlisted", "x")));
    }

    @Test
    void aCredentialParameterIsLeftForTheDownstreamInterceptor() {
        assertEquals(List.of("acme (no crm)"), complete(feature, READER, prompt("code_review", "code", "acme"))
                .completion().values());
    }

    @Test
    void aResourceTemplateVariableIsCompletedThroughTheFeatureThatListsTemplates() {
        CompletionReferences templates = new TestCompleters.Fixed(CompletionReference.RESOURCE_TEMPLATE,
                Map.of("file:///{root}/{path}", new CompletionReferences.Referenced(List.of("root", "path"),
                        Set.of("files.read"))));
        CompletionFeature withTemplates = new CompletionFeature(TestCompleters.registry(),
                List.of(TestCompleters.prompts(), templates));
        String params = "{\"ref\":{\"type\":\"ref/resource\",\"uri\":\"file:///{root}/{path}\"},\"argument\":"
                + "{\"name\":\"path\",\"value\":\"src\"},\"context\":{\"arguments\":{\"root\":\"home\"}}}";
        assertEquals(List.of("home/src-1"), complete(withTemplates, caller("files.read"), params).completion()
                .values());
        InsufficientScopeException e = assertThrows(InsufficientScopeException.class,
                () -> complete(withTemplates, caller(), params));
        assertEquals("The resource template 'file:///{root}/{path}' needs the scopes files.read", e.getMessage());
        assertEquals(List.of(), complete(withTemplates, caller("files.read"), params.replace("\"name\":\"path\"",
                "\"name\":\"root\"")).completion().values());
        JsonRpcException unknown = assertThrows(JsonRpcException.class, () -> complete(withTemplates,
                caller("files.read"), params.replace("file:///{root}/{path}", "file:///{path}")));
        assertEquals("Unknown resource template: file:///{path}", unknown.getMessage());
    }

    @Test
    void withoutAFeatureListingTemplatesTheTemplatesCompletersNameAreKnownWithTheirVariables() {
        String params = "{\"ref\":{\"type\":\"ref/resource\",\"uri\":\"file:///{root}/{path}\"},\"argument\":"
                + "{\"name\":\"path\",\"value\":\"doc\"}}";
        assertEquals(List.of("?/doc-1"), complete(feature, caller(), params).completion().values());
        assertEquals(List.of(), complete(feature, caller(), params.replace("\"name\":\"path\"", "\"name\":\"root\""))
                .completion().values());
        assertEquals("Invalid params: the resource template 'file:///{root}/{path}' has no variable 'name'",
                fails(caller(), params.replace("\"name\":\"path\"", "\"name\":\"name\"")).getMessage());
        assertEquals("Unknown resource template: file:///{other}",
                fails(caller(), params.replace("{root}/{path}", "{other}")).getMessage());
    }

    @Test
    void anUnknownPromptOrArgumentOrReferenceTypeIsInvalidParams() {
        JsonRpcException unknownPrompt = fails(READER, prompt("no_such_prompt", "x", ""));
        assertEquals(JsonRpcErrorCodes.INVALID_PARAMS, unknownPrompt.code());
        assertEquals("Unknown prompt: no_such_prompt", unknownPrompt.getMessage());
        assertEquals("Invalid params: the prompt 'code_review' has no argument 'colour'",
                fails(READER, prompt("code_review", "colour", "")).getMessage());
        JsonRpcException unknownType = fails(READER,
                "{\"ref\":{\"type\":\"ref/tool\",\"name\":\"x\"},\"argument\":{\"name\":\"a\",\"value\":\"\"}}");
        assertEquals(JsonRpcErrorCodes.INVALID_PARAMS, unknownType.code());
        assertEquals("Invalid params: unknown reference type 'ref/tool'; use ref/prompt or ref/resource",
                unknownType.getMessage());
    }

    @Test
    void malformedParamsAreInvalidParamsSayingWhatIsWrong() {
        Map<String, String> cases = Map.of(
                "{\"argument\":{\"name\":\"a\",\"value\":\"\"}}",
                "Invalid params: \"ref\" must be an object with a type, ref/prompt or ref/resource",
                "{\"ref\":{\"name\":\"p\"},\"argument\":{\"name\":\"a\",\"value\":\"\"}}",
                "Invalid params: \"ref.type\" must be ref/prompt or ref/resource",
                "{\"ref\":{\"type\":\"ref/prompt\"},\"argument\":{\"name\":\"a\",\"value\":\"\"}}",
                "Invalid params: \"ref.name\" must be the prompt's name (a string)",
                "{\"ref\":{\"type\":\"ref/resource\",\"uri\":1},\"argument\":{\"name\":\"a\",\"value\":\"\"}}",
                "Invalid params: \"ref.uri\" must be the resource template's URI template (a string)",
                "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"p\"},\"argument\":{\"name\":\"a\"}}",
                "Invalid params: \"argument\" must be an object with a name and a value (strings)",
                "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"p\"},\"argument\":\"a\"}",
                "Invalid params: \"argument\" must be an object with a name and a value (strings)",
                "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"p\"},\"argument\":{\"name\":\"a\",\"value\":\"\"},"
                        + "\"context\":[]}",
                "Invalid params: \"context\" must be an object",
                "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"p\"},\"argument\":{\"name\":\"a\",\"value\":\"\"},"
                        + "\"context\":{\"arguments\":{\"language\":3}}}",
                "Invalid params: \"context.arguments\" must be an object of strings; language is not");
        cases.forEach((params, message) -> {
            JsonRpcException e = fails(READER, params);
            assertEquals(JsonRpcErrorCodes.INVALID_PARAMS, e.code(), params);
            assertEquals(message, e.getMessage(), params);
        });
    }

    @Test
    void completingForAPromptWhoseScopesTheCallerLacksIsForbidden() {
        InsufficientScopeException e = assertThrows(InsufficientScopeException.class,
                () -> complete(feature, caller("other"), prompt("code_review", "language", "py")));
        assertEquals(Set.of("code.read", "other"), e.neededScopes());
        assertEquals("The prompt 'code_review' needs the scopes code.read", e.getMessage());
        assertThrows(InsufficientScopeException.class, () -> complete(feature, caller(),
                prompt("code_review", "colour", "")));
    }

    @Test
    void atMostOneHundredValuesAreSentAndThenHasMoreIsTrue() {
        CompleteResult.Completion all = complete(feature, caller(), prompt("many", "all", "")).completion();
        assertEquals(100, all.values().size());
        assertEquals("v099", all.values().get(99));
        assertEquals(150, all.total());
        assertEquals(true, all.hasMore());
        CompleteResult.Completion counted = complete(feature, caller(), prompt("many", "counted", "")).completion();
        assertEquals(100, counted.values().size());
        assertEquals(1000, counted.total());
        assertEquals(true, counted.hasMore());
        CompleteResult.Completion hundred = complete(feature, caller(), prompt("many", "hundred", "")).completion();
        assertEquals(100, hundred.values().size());
        assertEquals(100, hundred.total());
        assertEquals(false, hundred.hasMore());
        assertEquals("{\"completion\":{\"values\":[\"v000\",\"v001\",\"v002\"],\"total\":10,\"hasMore\":true}}",
                completeJson(caller(), prompt("many", "some", "")));
    }

    @Test
    void aToolCallExceptionIsAnInternalErrorWithItsSentenceAndAConnectionRequiredPassesThrough() {
        JsonRpcException e = fails(caller(), prompt("failing", "refuses", ""));
        assertEquals(JsonRpcErrorCodes.INTERNAL_ERROR, e.code());
        assertEquals("The catalogue is closed for maintenance; try again in an hour.", e.getMessage());
        assertSame(TestCompleters.CONNECT, assertThrows(ConnectionRequiredException.class,
                () -> complete(feature, caller(), prompt("failing", "connect", ""))));
    }

    @Test
    void anUnexpectedFailureIsAnInternalErrorWithAReferenceLoggedWithoutTheExceptionsMessage() {
        JsonRpcException e;
        List<String> lines;
        try (LogCapture log = new LogCapture(CompletionFeature.class)) {
            e = fails(caller(), prompt("failing", "broken", ""));
            lines = log.lines();
            assertNull(log.records().get(0).getThrown());
        }
        assertEquals(JsonRpcErrorCodes.INTERNAL_ERROR, e.code());
        Matcher reference = Pattern.compile("Completing the argument 'broken' of the prompt 'failing' failed"
                + " unexpectedly\\. Try again later; if it keeps failing, give your administrator the reference"
                + " ([0-9a-f-]{36})\\.").matcher(e.getMessage());
        assertTrue(reference.matches(), e.getMessage());
        assertEquals(List.of(ServerMessages.COMPLETION_FAILED.format("argument 'broken' of the prompt 'failing'",
                "java.lang.IllegalStateException", reference.group(1))), lines);
        assertFalse(lines.get(0).contains("hunter2"));
    }

    @Test
    void aNullResultOrValueIsAnInternalErrorLoggedAsSuch() {
        try (LogCapture log = new LogCapture(CompletionFeature.class)) {
            assertEquals(JsonRpcErrorCodes.INTERNAL_ERROR, fails(caller(), prompt("failing", "nothing", "")).code());
            assertEquals(JsonRpcErrorCodes.INTERNAL_ERROR, fails(caller(), prompt("failing", "nulls", "")).code());
            assertTrue(log.lines().get(0).startsWith("DMCPS0011W: Completion of argument 'nothing' of the prompt"
                    + " 'failing' failed with a null result"), log.lines().toString());
            assertTrue(log.lines().get(1).contains("failed with a value that is not a string"),
                    log.lines().toString());
        }
    }
}
