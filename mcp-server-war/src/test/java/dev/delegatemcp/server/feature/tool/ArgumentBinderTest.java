package dev.delegatemcp.server.feature.tool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.Tool;
import dev.delegatemcp.api.ToolArg;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArgumentBinderTest {

    public enum Priority { LOW, NORMAL, HIGH }

    public record Point(int x, int y, Optional<String> label) {
    }

    public static class Tools {

        @Tool
        public String simple(String text, int count, Priority priority) {
            return null;
        }

        @Tool
        public String structured(Point point, List<String> tags, Set<Integer> ids, Map<String, Integer> weights) {
            return null;
        }

        @Tool
        public String optionals(Optional<String> note, OptionalInt page, Optional<List<Point>> points) {
            return null;
        }

        @Tool
        public String times(Instant at, LocalDate day, LocalDateTime local, Duration timeout) {
            return null;
        }

        @Tool
        public String defaults(@ToolArg(defaultValue = "NORMAL") Priority priority,
                @ToolArg(defaultValue = "5") int limit,
                @ToolArg(defaultValue = "hello") String greeting,
                @ToolArg(defaultValue = "3") Optional<Integer> retries) {
            return null;
        }

        @Tool
        public String notRequired(@ToolArg(required = false) Priority priority,
                @ToolArg(required = false) int count,
                @ToolArg(required = false) boolean flag,
                @ToolArg(required = false) String text) {
            return null;
        }

        @Tool
        public String withCaller(String text, McpCaller caller) {
            return null;
        }

        @Tool
        public String lists(List<String>[] groups) {
            return null;
        }

        @Tool
        public String numbers(int count, long total, Integer boxed) {
            return null;
        }

        @Tool
        public String renamed(@ToolArg(name = "max_results") int limit) {
            return null;
        }

        @Tool(inputSchema = "{\"type\": \"object\", \"properties\": {\"q\": {\"type\": \"string\"}}, "
                + "\"required\": [\"q\"], \"additionalProperties\": false}")
        public String handWritten(McpCaller caller, JsonObject arguments) {
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

    private static ToolDefinition tool(String name) {
        return TestTools.read(Tools.class, name);
    }

    private static JsonObject json(String text) {
        return TestTools.json(text);
    }

    private static Object[] bind(String tool, String arguments) {
        return binder.bind(tool(tool), json(arguments), FakeCaller.of("alice"));
    }

    private static InvalidArgumentsException invalid(String tool, String arguments) {
        return assertThrows(InvalidArgumentsException.class, () -> bind(tool, arguments));
    }

    @Test
    void stringsAndBooleansAreBoundAsSentEscapesAndAllIncluded() {
        Object[] values = bind("notRequired",
                "{\"flag\": true, \"text\": \"caf\\u00e9 \\\"quoted\\\" \\n line\"}");
        assertEquals(Boolean.TRUE, values[2]);
        assertEquals("caf\u00e9 \"quoted\" \n line", values[3]);
        assertEquals(Boolean.FALSE, bind("notRequired", "{\"flag\": false}")[2]);
        assertEquals("", bind("notRequired", "{\"text\": \"\"}")[3]);
    }

    @Test
    void aWholeNumberWrittenWithAFractionOrAnExponentIsBoundAsTheSchemasIntegerTakesIt() {
        assertArrayEquals(new Object[] {1, 100L, 7}, bind("numbers", "{\"count\": 1.0, \"total\": 1e2, \"boxed\": 7}"));
        assertArrayEquals(new Object[] {-3, 9007199254740993L, 0},
                bind("numbers", "{\"count\": -3, \"total\": 9007199254740993, \"boxed\": 0}"));
    }

    @Test
    void aToolWithAHandWrittenSchemaGetsTheArgumentsObjectAsSentWithoutValidation() {
        JsonObject sent = json("{\"q\": 7, \"extra\": [true]}");
        Object[] values = binder.bind(tool("handWritten"), sent, FakeCaller.of("alice"));
        assertEquals("alice", ((McpCaller) values[0]).subject());
        assertSame(sent, values[1]);
        assertEquals(JsonObject.EMPTY_JSON_OBJECT,
                binder.bind(tool("handWritten"), JsonObject.EMPTY_JSON_OBJECT, FakeCaller.of("alice"))[1]);
    }

    @Test
    void theMessageNamesTwentyProblemsAtMost() {
        StringBuilder tags = new StringBuilder("[");
        for (int i = 0; i < 100; i++) {
            tags.append(i == 0 ? "" : ",").append(i);
        }
        InvalidArgumentsException e = invalid("structured",
                "{\"point\":{\"x\":1,\"y\":2},\"tags\":" + tags + "],\"ids\":[],\"weights\":{}}");
        assertTrue(e.getMessage().contains("tags[19]: expected string but got integer; and more."), e.getMessage());
        assertFalse(e.getMessage().contains("tags[20]"), e.getMessage());
    }

    @Test
    void everyProblemOfEveryArgumentIsNamedAtOnceInArgumentOrder() {
        InvalidArgumentsException e = invalid("structured",
                "{\"point\":{\"x\":\"one\"},\"tags\":[\"a\",7],\"weights\":{}}");
        assertEquals(List.of("point.y: is required", "point.x: expected integer but got string",
                "tags[1]: expected string but got integer", "ids: is required"), e.problems());
        assertEquals("Invalid arguments for tool structured: point.y: is required; point.x: expected integer but got "
                + "string; tags[1]: expected string but got integer; ids: is required. Correct them and call the tool "
                + "again.", e.getMessage());
    }

    @Test
    void bindsStringsIntsAndEnums() {
        Object[] values = bind("simple", "{\"text\":\"hi\",\"count\":3,\"priority\":\"HIGH\"}");
        assertArrayEquals(new Object[] {"hi", 3, Priority.HIGH}, values);
    }

    @Test
    void bindsRecordsListsSetsAndMaps() {
        Object[] values = bind("structured", "{\"point\":{\"x\":1,\"y\":2},\"tags\":[\"a\",\"b\"],"
                + "\"ids\":[3,4],\"weights\":{\"w\":9}}");
        assertEquals(new Point(1, 2, Optional.empty()), values[0]);
        assertEquals(List.of("a", "b"), values[1]);
        assertEquals(Set.of(3, 4), values[2]);
        assertEquals(Map.of("w", 9), values[3]);
    }

    @Test
    void bindsPresentOptionals() {
        Object[] values =
                bind("optionals", "{\"note\":\"n\",\"page\":2,\"points\":[{\"x\":5,\"y\":6,\"label\":\"p\"}]}");
        assertEquals(Optional.of("n"), values[0]);
        assertEquals(OptionalInt.of(2), values[1]);
        assertEquals(Optional.of(List.of(new Point(5, 6, Optional.of("p")))), values[2]);
    }

    @Test
    void absentOrNullOptionalsAreEmpty() {
        Object[] values = bind("optionals", "{\"note\":null}");
        assertEquals(Optional.empty(), values[0]);
        assertEquals(OptionalInt.empty(), values[1]);
        assertEquals(Optional.empty(), values[2]);
    }

    @Test
    void bindsJavaTimeValues() {
        Object[] values = bind("times", "{\"at\":\"2024-05-01T10:15:30Z\",\"day\":\"2024-02-29\","
                + "\"local\":\"2024-05-01T10:15:30\",\"timeout\":\"PT1M30S\"}");
        assertEquals(Instant.parse("2024-05-01T10:15:30Z"), values[0]);
        assertEquals(LocalDate.of(2024, 2, 29), values[1]);
        assertEquals(LocalDateTime.of(2024, 5, 1, 10, 15, 30), values[2]);
        assertEquals(Duration.ofSeconds(90), values[3]);
    }

    @Test
    void defaultsAreAppliedForAbsentAndNullArguments() {
        Object[] values = bind("defaults", "{\"limit\":null}");
        assertEquals(Priority.NORMAL, values[0]);
        assertEquals(5, values[1]);
        assertEquals("hello", values[2]);
        assertEquals(Optional.of(3), values[3]);
    }

    @Test
    void sentValuesOverrideDefaults() {
        Object[] values = bind("defaults", "{\"priority\":\"LOW\",\"limit\":1,\"greeting\":\"yo\",\"retries\":0}");
        assertArrayEquals(new Object[] {Priority.LOW, 1, "yo", Optional.of(0)}, values);
    }

    @Test
    void absentNotRequiredArgumentsAreNullOrZero() {
        Object[] values = bind("notRequired", "{}");
        assertNull(values[0]);
        assertEquals(0, values[1]);
        assertEquals(false, values[2]);
        assertNull(values[3]);
    }

    @Test
    void missingRequiredArgumentIsAnInvalidArgumentNamingIt() {
        InvalidArgumentsException e = invalid("simple", "{\"text\":\"hi\",\"priority\":\"LOW\"}");
        assertTrue(e.getMessage().contains("count: is required"), e.getMessage());
        assertTrue(e.getMessage().contains("simple"), e.getMessage());
    }

    @Test
    void nullRequiredArgumentIsAnInvalidArgument() {
        InvalidArgumentsException e = invalid("simple", "{\"text\":null,\"count\":1,\"priority\":\"LOW\"}");
        assertTrue(e.getMessage().contains("text: is required"), e.getMessage());
    }

    @Test
    void missingRequiredArgumentIsNamedByItsSchemaName() {
        InvalidArgumentsException e = invalid("renamed", "{\"limit\":3}");
        assertTrue(e.getMessage().contains("max_results: is required"), e.getMessage());
        assertArrayEquals(new Object[] {3}, bind("renamed", "{\"max_results\":3}"));
    }

    @Test
    void wrongTypeIsAnInvalidArgument() {
        InvalidArgumentsException e = invalid("simple", "{\"text\":\"hi\",\"count\":\"three\",\"priority\":\"LOW\"}");
        assertTrue(e.getMessage().contains("count: expected integer but got string"), e.getMessage());
    }

    @Test
    void fractionalValueForIntIsAnInvalidArgument() {
        InvalidArgumentsException e = invalid("simple", "{\"text\":\"hi\",\"count\":1.5,\"priority\":\"LOW\"}");
        assertTrue(e.getMessage().contains("count"), e.getMessage());
    }

    @Test
    void intOutOfRangeIsAnInvalidArgument() {
        InvalidArgumentsException e = invalid("simple", "{\"text\":\"hi\",\"count\":3000000000,\"priority\":\"LOW\"}");
        assertTrue(e.getMessage().contains("count: must be at most"), e.getMessage());
    }

    @Test
    void unknownEnumConstantIsAnInvalidArgument() {
        InvalidArgumentsException e = invalid("simple", "{\"text\":\"hi\",\"count\":1,\"priority\":\"URGENT\"}");
        assertTrue(e.getMessage().contains("priority: must be one of"), e.getMessage());
    }

    @Test
    void nestedRecordProblemIsAnInvalidArgumentWithPath() {
        InvalidArgumentsException e = invalid("structured",
                "{\"point\":{\"x\":1},\"tags\":[],\"ids\":[],\"weights\":{}}");
        assertTrue(e.getMessage().contains("point.y: is required"), e.getMessage());
        e = invalid("structured", "{\"point\":{\"x\":1,\"y\":2},\"tags\":[\"a\",7],\"ids\":[],\"weights\":{}}");
        assertTrue(e.getMessage().contains("tags[1]"), e.getMessage());
    }

    @Test
    void duplicateSetItemsAreInvalidParams() {
        InvalidArgumentsException e =
                invalid("structured", "{\"point\":{\"x\":1,\"y\":2},\"tags\":[],\"ids\":[1,1],\"weights\":{}}");
        assertTrue(e.getMessage().contains("ids: must not contain duplicate items"), e.getMessage());
    }

    @Test
    void invalidDateIsAnInvalidArgument() {
        InvalidArgumentsException e = invalid("times", "{\"at\":\"2024-05-01T10:15:30Z\",\"day\":\"2024-02-30\","
                + "\"local\":\"2024-05-01T10:15:30\",\"timeout\":\"PT1S\"}");
        assertTrue(e.getMessage().contains("day: is not a valid date"), e.getMessage());
    }

    @Test
    void valueThatPassesSchemaButCannotBeConvertedIsAnInvalidArgument() {
        InvalidArgumentsException e = invalid("times", "{\"at\":\"2024-05-01T10:15:30Z\",\"day\":\"2024-02-29\","
                + "\"local\":\"2024-05-01T10:15:30\",\"timeout\":\"ninety seconds\"}");
        assertTrue(e.getMessage().contains("timeout: cannot be read as Duration"), e.getMessage());
    }

    @Test
    void genericArrayParameterCannotBeATool() {
        InvalidToolException e = assertThrows(InvalidToolException.class, () -> tool("lists"));
        assertTrue(e.getMessage().contains("#lists(") && e.getMessage().contains("groups"), e.getMessage());
    }

    @Test
    void callerParameterReceivesTheCaller() {
        McpCaller caller = FakeCaller.of("bob", "notes.read");
        Object[] values = binder.bind(tool("withCaller"), json("{\"text\":\"x\"}"), caller);
        assertEquals("x", values[0]);
        assertSame(caller, values[1]);
    }

    @Test
    void argumentNamedLikeCallerParameterIsIgnored() {
        Object[] values = binder.bind(tool("withCaller"), json("{\"text\":\"x\",\"caller\":\"evil\"}"),
                FakeCaller.of("bob"));
        assertFalse(values[1] instanceof String);
        assertEquals("bob", ((McpCaller) values[1]).subject());
    }
}
