package dev.delegatemcp.wire.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import dev.delegatemcp.wire.WireJson;

import org.junit.jupiter.api.Test;

/** The prompt and completion records write and read the exact shapes of the MCP 2025-11-25 schema. */
class PromptAndCompletionRecordsTest {

    @Test
    void aPromptListKeepsTheSchemaOrderAndLeavesOutNullMembers() {
        ListPromptsResult result = new ListPromptsResult(List.of(
                new Prompt("code_review", "Request Code Review", "Asks for a review",
                        List.of(new PromptArgument("code", null, "The code to review", true),
                                new PromptArgument("language", "Language", null, false))),
                new Prompt("plain", null, "plain", List.of())), "c2");
        String json = WireJson.toJson(result);
        assertEquals("{\"prompts\":[{\"name\":\"code_review\",\"title\":\"Request Code Review\","
                + "\"description\":\"Asks for a review\",\"arguments\":["
                + "{\"name\":\"code\",\"description\":\"The code to review\",\"required\":true},"
                + "{\"name\":\"language\",\"title\":\"Language\",\"required\":false}]},"
                + "{\"name\":\"plain\",\"description\":\"plain\",\"arguments\":[]}],\"nextCursor\":\"c2\"}", json);
        assertEquals(result, WireJson.fromJson(json, ListPromptsResult.class));
    }

    @Test
    void aLastPromptPageHasNoNextCursorAndAPromptIsReadWithoutItsUnmodelledMembers() {
        assertEquals("{\"prompts\":[]}", WireJson.toJson(new ListPromptsResult(List.of(), null)));
        assertEquals(new Prompt("p", null, null, null), WireJson.fromJson(
                "{\"name\":\"p\",\"icons\":[{\"src\":\"https://x/i.svg\"}],\"_meta\":{}}", Prompt.class));
    }

    @Test
    void promptMessagesCarryTheirRoleAndEachKindOfContentKeyedByType() {
        GetPromptResult result = new GetPromptResult("Code review prompt", List.of(
                new PromptMessage(PromptMessage.USER, new ContentBlock.Text("Review this")),
                new PromptMessage(PromptMessage.ASSISTANT, new ContentBlock.Image("aW1n", "image/png")),
                new PromptMessage(PromptMessage.USER, new ContentBlock.Audio("YXU=", "audio/wav")),
                new PromptMessage(PromptMessage.USER, new ContentBlock.EmbeddedResource(
                        new ContentBlock.ResourceContents("test://r", "text/plain", "R", null)))));
        String json = WireJson.toJson(result);
        assertEquals("{\"description\":\"Code review prompt\",\"messages\":["
                + "{\"role\":\"user\",\"content\":{\"type\":\"text\",\"text\":\"Review this\"}},"
                + "{\"role\":\"assistant\",\"content\":{\"type\":\"image\",\"data\":\"aW1n\",\"mimeType\":\"image/png\"}},"
                + "{\"role\":\"user\",\"content\":{\"type\":\"audio\",\"data\":\"YXU=\",\"mimeType\":\"audio/wav\"}},"
                + "{\"role\":\"user\",\"content\":{\"type\":\"resource\",\"resource\":{\"uri\":\"test://r\","
                + "\"mimeType\":\"text/plain\",\"text\":\"R\"}}}]}", json);
        assertEquals(result, WireJson.fromJson(json, GetPromptResult.class));
    }

    @Test
    void aGetPromptResultWithoutDescriptionHasOnlyItsMessages() {
        assertEquals("{\"messages\":[{\"role\":\"user\",\"content\":{\"type\":\"text\",\"text\":\"hi\"}}]}",
                WireJson.toJson(new GetPromptResult(null,
                        List.of(new PromptMessage(PromptMessage.USER, new ContentBlock.Text("hi"))))));
    }

    @Test
    void completeParamsReadAPromptReferenceWithContextArguments() {
        CompleteParams params = WireJson.fromJson("{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"code_review\"},"
                + "\"argument\":{\"name\":\"framework\",\"value\":\"fla\"},"
                + "\"context\":{\"arguments\":{\"language\":\"python\"}}}", CompleteParams.class);
        assertEquals(new CompleteParams(new CompletionReference.PromptReference("code_review", null),
                new CompleteParams.Argument("framework", "fla"),
                new CompleteParams.Context(Map.of("language", "python"))), params);
        assertEquals(CompletionReference.PROMPT, params.ref().type());
        assertEquals("code_review", params.ref().key());
    }

    @Test
    void completeParamsWriteAResourceTemplateReferenceKeyedByType() {
        CompleteParams params = new CompleteParams(new CompletionReference.ResourceTemplateReference("file:///{path}"),
                new CompleteParams.Argument("path", "sr"), null);
        String json = WireJson.toJson(params);
        assertEquals("{\"ref\":{\"type\":\"ref/resource\",\"uri\":\"file:///{path}\"},"
                + "\"argument\":{\"name\":\"path\",\"value\":\"sr\"}}", json);
        assertEquals(params, WireJson.fromJson(json, CompleteParams.class));
        assertEquals("file:///{path}", params.ref().key());
    }

    @Test
    void aCompleteResultWritesValuesTotalAndHasMoreAndLeavesOutWhatIsUnknown() {
        assertEquals("{\"completion\":{\"values\":[\"python\",\"pytorch\"],\"total\":10,\"hasMore\":true}}",
                WireJson.toJson(new CompleteResult(
                        new CompleteResult.Completion(List.of("python", "pytorch"), 10, true))));
        assertEquals("{\"completion\":{\"values\":[]}}",
                WireJson.toJson(new CompleteResult(new CompleteResult.Completion(List.of(), null, null))));
        assertEquals(new CompleteResult(new CompleteResult.Completion(List.of("flask"), 1, false)),
                WireJson.fromJson("{\"completion\":{\"values\":[\"flask\"],\"total\":1,\"hasMore\":false}}",
                        CompleteResult.class));
    }
}
