package dev.delegatemcp.server.feature.prompt;

import static dev.delegatemcp.server.feature.TestRequests.caller;
import static dev.delegatemcp.server.feature.TestRequests.context;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.delegatemcp.server.feature.completion.CompleterRegistry;
import dev.delegatemcp.server.feature.completion.CompletionFeature;
import dev.delegatemcp.server.feature.completion.CompletionReferences;
import dev.delegatemcp.server.security.InsufficientScopeException;
import dev.delegatemcp.wire.WireJson;
import dev.delegatemcp.wire.mcp.McpMethods;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/** The prompts feature tells the completion feature which prompts exist, with their arguments and scopes. */
class PromptCompletionReferencesTest {

    private final PromptCompletionReferences references = new PromptCompletionReferences(TestPrompts.registry());

    @Test
    void aPromptIsReferencedByNameWithItsArgumentsAndScopes() {
        assertEquals("ref/prompt", references.type());
        assertEquals(Optional.of(new CompletionReferences.Referenced(List.of("code", "language", "focus"),
                Set.of("code.read"))), references.find("code_review"));
        assertEquals(Optional.empty(), references.find("no_such_prompt"));
    }

    @Test
    void aDeployedPromptsArgumentWithoutACompleterCompletesToNothingAndAHiddenOneIsForbidden() {
        CompletionFeature completion = new CompletionFeature(new CompleterRegistry(List.of()), List.of(references));
        String params = "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"with_arguments\"},"
                + "\"argument\":{\"name\":\"arg1\",\"value\":\"test\"}}";
        assertEquals("{\"completion\":{\"values\":[],\"total\":0,\"hasMore\":false}}", WireJson.toJson(
                completion.handle(WireJson.jsonb().fromJson(params, JsonObject.class),
                        context(McpMethods.COMPLETION_COMPLETE, caller()))));
        assertThrows(InsufficientScopeException.class, () -> completion.handle(WireJson.jsonb().fromJson(
                params.replace("with_arguments", "code_review").replace("arg1", "code"), JsonObject.class),
                context(McpMethods.COMPLETION_COMPLETE, caller())));
    }
}
