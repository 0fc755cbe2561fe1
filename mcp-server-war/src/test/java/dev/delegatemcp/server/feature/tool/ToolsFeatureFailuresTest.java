package dev.delegatemcp.server.feature.tool;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import dev.delegatemcp.server.feature.TestRequests;
import dev.delegatemcp.server.protocol.ClientCapabilities;
import dev.delegatemcp.server.protocol.RequestContext;
import dev.delegatemcp.wire.mcp.CallToolResult;
import dev.delegatemcp.wire.mcp.ContentBlock;
import dev.delegatemcp.wire.mcp.McpMethods;
import dev.delegatemcp.wire.mcp.ProtocolVersion;
import dev.delegatemcp.wire.mcp.Tool;
import dev.delegatemcp.wire.mcp.ToolAnnotations;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

/** What the user reads when a tool fails with an exception it did not handle. */
class ToolsFeatureFailuresTest {

    /** A tool that throws what it is given. */
    private static final class FailingTool implements ToolProvider, ToolProvider.CallableTool {
        RuntimeException failure;
        boolean repeatable;

        @Override
        public int priority() {
            return 0;
        }

        @Override
        public List<Tool> visibleTools(RequestContext context) {
            return List.of();
        }

        @Override
        public Optional<CallableTool> find(String name, RequestContext context) {
            return "calendar_events".equals(name) ? Optional.of(this) : Optional.empty();
        }

        @Override
        public String name() {
            return "calendar_events";
        }

        @Override
        public ParameterHeaders parameterHeaders() {
            return new ParameterHeaders(List.of());
        }

        @Override
        public boolean repeatable() {
            return repeatable;
        }

        @Override
        public CallToolResult call(JsonObject arguments, RequestContext context) {
            throw failure;
        }
    }

    private final FailingTool tool = new FailingTool();
    private final ToolsFeature feature = new ToolsFeature(List.of(tool), new ToolsConfig());

    private String sentenceFor(RuntimeException failure) {
        tool.failure = failure;
        CallToolResult result = feature.call(Json.createObjectBuilder().add("name", "calendar_events").build(),
                new RequestContext(Json.createValue(1), McpMethods.TOOLS_CALL, TestRequests.caller(),
                        ProtocolVersion.of("2025-11-25").orElseThrow(), ClientCapabilities.NONE, null, null, null));
        assertTrue(result.isError());
        return ((ContentBlock.Text) result.content().get(0)).text();
    }

    private static final String CHECK_FIRST = ", so the tool may or may not have done what was asked\\. Check whether"
            + " it was done before trying again; if it keeps failing, give your administrator the reference"
            + " [0-9a-f-]{36}\\.";

    @Test
    void aServerErrorFromAServiceARepeatableToolCallsIsToBeTriedAgainLater() {
        tool.repeatable = true;
        String sentence = sentenceFor(new WebApplicationException(Response.status(503).build()));
        assertTrue(sentence.matches("The tool calendar_events could not finish: a service it calls failed \\(status"
                + " 503\\)\\. Try again later; if it keeps failing, give your administrator the reference"
                + " [0-9a-f-]{36}\\."), sentence);
    }

    @Test
    void aServerErrorFromAServiceAToolThatMayActCallsMayHaveComeAfterItActedSoTheUserChecksFirst() {
        String sentence = sentenceFor(new WebApplicationException(Response.status(500).build()));
        assertTrue(sentence.matches("The tool calendar_events could not finish: a service it calls failed \\(status"
                + " 500\\)" + CHECK_FIRST), sentence);
    }

    @Test
    void anUnexpectedFailureOfAToolThatMayActIsNotToBeRepeatedUnchecked() {
        String sentence = sentenceFor(new IllegalStateException("boom"));
        assertTrue(sentence.matches("The tool calendar_events failed unexpectedly" + CHECK_FIRST), sentence);
        tool.repeatable = true;
        String repeatable = sentenceFor(new IllegalStateException("boom"));
        assertTrue(repeatable.startsWith("The tool calendar_events failed unexpectedly. Try again later;"), repeatable);
    }

    @Test
    void anAnswerThatCouldNotBeReadMayMeanTheWorkWasDoneUnlessTheToolIsRepeatable() {
        String sentence = sentenceFor(new jakarta.ws.rs.client.ResponseProcessingException(
                Response.ok().build(), "cannot map the body"));
        assertTrue(sentence.matches("The tool calendar_events could not finish: a service it calls gave an answer it"
                + " could not read" + CHECK_FIRST), sentence);
        tool.repeatable = true;
        String repeatable = sentenceFor(new jakarta.ws.rs.client.ResponseProcessingException(
                Response.ok().build(), "cannot map the body"));
        assertTrue(repeatable.startsWith("The tool calendar_events could not finish: a service it calls gave an answer"
                + " it could not read. Try again later;"), repeatable);
    }

    @Test
    void readOnlyOrIdempotentToolsAreRepeatableAndToolsWithoutHintsAreNot() {
        assertTrue(LocalToolProvider.repeatable(new ToolAnnotations(null, true, false, null, null)));
        assertTrue(LocalToolProvider.repeatable(new ToolAnnotations(null, false, false, true, null)));
        assertFalse(LocalToolProvider.repeatable(new ToolAnnotations("Pay", false, true, false, true)));
        assertFalse(LocalToolProvider.repeatable(new ToolAnnotations("Pay", null, null, null, null)));
        assertFalse(LocalToolProvider.repeatable(null));
    }

    @Test
    void aRefusalByAServiceTheToolCallsIsNotToBeTriedAgainAsItIs() {
        String sentence = sentenceFor(new WebApplicationException(Response.status(404).build()));
        assertTrue(sentence.matches("The tool calendar_events could not finish: a service it calls refused the request"
                + " \\(status 404\\)\\. Give your administrator the reference [0-9a-f-]{36}\\."), sentence);
    }

    @Test
    void aServiceThatCouldNotBeReachedMayHaveDoneTheWorkSoTheUserChecksFirstEvenForARepeatableTool() {
        for (boolean repeatable : new boolean[] {false, true}) {
            tool.repeatable = repeatable;
            String sentence = sentenceFor(
                    new ProcessingException(new java.net.SocketTimeoutException("Read timed out")));
            assertTrue(sentence.matches("The tool calendar_events could not finish: a service it calls could not be"
                    + " reached or did not answer in time" + CHECK_FIRST), sentence);
            assertTrue(!sentence.contains("timed out"), "no exception text: " + sentence);
        }
    }

    @Test
    void aRefusalToSendOrAnyOtherFailureIsUnexpectedWithoutItsMessage() {
        String refused = sentenceFor(new ProcessingException(new IllegalStateException("not sent: no caller")));
        assertTrue(refused.startsWith("The tool calendar_events failed unexpectedly"), refused);
        String other = sentenceFor(new IllegalArgumentException("secret detail"));
        assertTrue(other.startsWith("The tool calendar_events failed unexpectedly"), other);
        assertTrue(!other.contains("secret detail"), other);
    }
}
