package dev.delegatemcp.server.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaValidatorTest {

    private static JsonValue json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    private static JsonObject schema(String text) {
        return json(text).asJsonObject();
    }

    private static Optional<String> check(String value, String schema) {
        return SchemaValidator.firstProblem(json(value), schema(schema), "");
    }

    private static Optional<String> check(String value, String schema, String path) {
        return SchemaValidator.firstProblem(json(value), schema(schema), path);
    }

    private static void assertValid(String value, String schema) {
        Optional<String> problem = check(value, schema);
        assertTrue(problem.isEmpty(), () -> value + " should be valid but: " + problem.get());
    }

    private static String assertInvalid(String value, String schema) {
        Optional<String> problem = check(value, schema);
        assertTrue(problem.isPresent(), () -> value + " should be invalid against " + schema);
        return problem.get();
    }

    record Item(String sku, int quantity) {
    }

    record Order(String id, java.util.List<Item> items) {
    }

    // --- types --------------------------------------------------------------------------------------------------

    @Test
    void typeMismatchNamesPathExpectedAndActualType() {
        assertEquals(Optional.of("days: expected integer but got string"),
                check("\"seven\"", "{\"type\":\"integer\"}", "days"));
    }

    @Test
    void typeMismatchAtTheRootIsCalledValue() {
        assertEquals(Optional.of("value: expected string but got integer"), check("5", "{\"type\":\"string\"}"));
    }

    @Test
    void fractionalNumberIsNotAnInteger() {
        assertEquals("value: expected integer but got number", assertInvalid("1.5", "{\"type\":\"integer\"}"));
    }

    @Test
    void integralValuesWrittenAsDecimalsAreIntegers() {
        assertValid("1.0", "{\"type\":\"integer\"}");
        assertValid("0", "{\"type\":\"integer\"}");
        assertValid("1e2", "{\"type\":\"integer\"}");
    }

    @Test
    void integersAreNumbers() {
        assertValid("3", "{\"type\":\"number\"}");
        assertValid("3.25", "{\"type\":\"number\"}");
    }

    @Test
    void eachTypeRejectsOtherKinds() {
        assertEquals("value: expected boolean but got string", assertInvalid("\"true\"", "{\"type\":\"boolean\"}"));
        assertEquals("value: expected object but got array", assertInvalid("[]", "{\"type\":\"object\"}"));
        assertEquals("value: expected array but got object", assertInvalid("{}", "{\"type\":\"array\"}"));
        assertEquals("value: expected number but got boolean", assertInvalid("true", "{\"type\":\"number\"}"));
        assertEquals("value: expected string but got null", assertInvalid("null", "{\"type\":\"string\"}"));
        assertValid("false", "{\"type\":\"boolean\"}");
    }

    // --- objects ------------------------------------------------------------------------------------------------

    @Test
    void missingRequiredPropertyIsNamedByPath() {
        String schema = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},\"required\":[\"a\"]}";
        assertEquals(Optional.of("args.a: is required"), check("{}", schema, "args"));
        assertEquals(Optional.of("a: is required"), check("{}", schema));
    }

    @Test
    void nullRequiredPropertyCountsAsMissing() {
        String schema = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},\"required\":[\"a\"]}";
        assertEquals("a: is required", assertInvalid("{\"a\":null}", schema));
    }

    @Test
    void nullOptionalPropertyIsAccepted() {
        assertValid("{\"a\":null}", "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}");
    }

    @Test
    void nestedPropertyProblemsUseDottedPaths() {
        String schema = "{\"type\":\"object\",\"properties\":{\"outer\":{\"type\":\"object\","
                + "\"properties\":{\"inner\":{\"type\":\"integer\"}}}}}";
        assertEquals(Optional.of("p.outer.inner: expected integer but got boolean"),
                check("{\"outer\":{\"inner\":true}}", schema, "p"));
    }

    @Test
    void additionalPropertiesSchemaChecksUnknownMembers() {
        String schema = "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"integer\"}}";
        assertValid("{\"x\":1,\"y\":2}", schema);
        assertEquals(Optional.of("counts.y: expected integer but got string"),
                check("{\"x\":1,\"y\":\"2\"}", schema, "counts"));
    }

    @Test
    void additionalPropertiesFalseRejectsUnknownMembers() {
        String schema =
                "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},\"additionalProperties\":false}";
        assertValid("{\"a\":\"x\"}", schema);
        assertEquals("b: is not a known property", assertInvalid("{\"a\":\"x\",\"b\":1}", schema));
    }

    @Test
    void unknownMembersAreAllowedWithoutAdditionalProperties() {
        assertValid("{\"zzz\":[1]}", "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}");
    }

    // --- enum, ranges, strings ----------------------------------------------------------------------------------

    @Test
    void valueOutsideEnumIsRejected() {
        String schema = "{\"type\":\"string\",\"enum\":[\"LOW\",\"HIGH\"]}";
        assertValid("\"LOW\"", schema);
        String problem = assertInvalid("\"low\"", schema);
        assertTrue(problem.startsWith("value: must be one of"), problem);
        assertTrue(problem.contains("LOW") && problem.contains("HIGH"), problem);
    }

    @Test
    void minimumAndMaximumAreInclusive() {
        String schema = "{\"type\":\"integer\",\"minimum\":1,\"maximum\":10}";
        assertValid("1", schema);
        assertValid("10", schema);
        assertEquals("value: must be at least 1", assertInvalid("0", schema));
        assertEquals("value: must be at most 10", assertInvalid("11", schema));
    }

    @Test
    void generatedIntBoundsRejectValuesOutsideJavaRange() {
        JsonObject intSchema = JsonSchemaGenerator.schemaFor(int.class);
        assertTrue(SchemaValidator.firstProblem(Json.createValue(2147483648L), intSchema, "n").isPresent());
        assertTrue(SchemaValidator.firstProblem(Json.createValue(2147483647L), intSchema, "n").isEmpty());
        JsonObject byteSchema = JsonSchemaGenerator.schemaFor(byte.class);
        assertEquals(Optional.of("b: must be at most 127"),
                SchemaValidator.firstProblem(Json.createValue(128), byteSchema, "b"));
        JsonObject longSchema = JsonSchemaGenerator.schemaFor(long.class);
        assertTrue(SchemaValidator.firstProblem(json("9223372036854775808"), longSchema, "l").isPresent());
    }

    @Test
    void minLengthAndMaxLengthCountCodePoints() {
        String schema = "{\"type\":\"string\",\"minLength\":2,\"maxLength\":3}";
        assertValid("\"ab\"", schema);
        assertValid("\"abc\"", schema);
        assertEquals("value: must have at least 2 characters", assertInvalid("\"a\"", schema));
        assertEquals("value: must have at most 3 characters", assertInvalid("\"abcd\"", schema));
        // One emoji is two UTF-16 chars but one character.
        assertValid("\"\uD83D\uDE00\"", JsonSchemaGenerator.schemaFor(char.class).toString());
    }

    @Test
    void patternMustMatch() {
        String schema = "{\"type\":\"string\",\"pattern\":\"^[a-z]+$\"}";
        assertValid("\"abc\"", schema);
        String problem = assertInvalid("\"abc1\"", schema);
        assertTrue(problem.startsWith("value: does not match"), problem);
    }

    @Test
    void generatedLocalTimeAndLocalDateTimePatternsAreEnforced() {
        JsonObject time = JsonSchemaGenerator.schemaFor(LocalTime.class);
        assertTrue(SchemaValidator.firstProblem(Json.createValue("10:15:30"), time, "t").isEmpty());
        assertTrue(SchemaValidator.firstProblem(Json.createValue("10h15"), time, "t").isPresent());
        JsonObject dateTime = JsonSchemaGenerator.schemaFor(LocalDateTime.class);
        assertTrue(SchemaValidator.firstProblem(Json.createValue("2024-02-29T10:15"), dateTime, "t").isEmpty());
        assertTrue(SchemaValidator.firstProblem(Json.createValue("2024-02-29"), dateTime, "t").isPresent());
    }

    // --- formats ------------------------------------------------------------------------------------------------

    @Test
    void dateTimeFormatNeedsAnOffset() {
        String schema = "{\"type\":\"string\",\"format\":\"date-time\"}";
        assertValid("\"2024-05-01T10:15:30Z\"", schema);
        assertValid("\"2024-05-01T10:15:30.123+02:00\"", schema);
        assertEquals("value: is not a valid date-time", assertInvalid("\"2024-05-01T10:15:30\"", schema));
        assertInvalid("\"yesterday\"", schema);
    }

    @Test
    void dateFormatChecksRealDates() {
        String schema = "{\"type\":\"string\",\"format\":\"date\"}";
        assertValid("\"2024-02-29\"", schema);
        assertEquals("value: is not a valid date", assertInvalid("\"2023-02-29\"", schema));
        assertInvalid("\"01/02/2024\"", schema);
    }

    @Test
    void timeFormatNeedsAnOffset() {
        String schema = "{\"type\":\"string\",\"format\":\"time\"}";
        assertValid("\"" + OffsetTime.parse("10:15:30+01:00") + "\"", schema);
        assertInvalid("\"10:15:30\"", schema);
    }

    @Test
    void uuidFormatIsChecked() {
        String schema = "{\"type\":\"string\",\"format\":\"uuid\"}";
        assertValid("\"" + UUID.randomUUID() + "\"", schema);
        assertEquals("value: is not a valid uuid", assertInvalid("\"not-a-uuid\"", schema));
    }

    @Test
    void unknownFormatsAreAnnotationsOnly() {
        assertValid("\"anything\"", "{\"type\":\"string\",\"format\":\"uri\"}");
        assertValid("\"anything\"", "{\"type\":\"string\",\"format\":\"duration\"}");
    }

    @Test
    void dateFormatFromGeneratedSchemaNamesThePath() {
        JsonObject schema = JsonSchemaGenerator.schemaFor(LocalDate.class);
        assertEquals(Optional.of("when: is not a valid date"),
                SchemaValidator.firstProblem(Json.createValue("2024-13-01"), schema, "when"));
    }

    // --- arrays -------------------------------------------------------------------------------------------------

    @Test
    void arrayItemProblemsNameTheIndex() {
        String schema = "{\"type\":\"array\",\"items\":{\"type\":\"integer\"}}";
        assertEquals(Optional.of("ids[2]: expected integer but got string"), check("[1,2,\"3\"]", schema, "ids"));
    }

    @Test
    void nestedArrayAndObjectPathsCombineIndexAndNames() {
        JsonObject schema = JsonSchemaGenerator.schemaFor(Order.class);
        JsonValue order =
                json("{\"id\":\"o1\",\"items\":[{\"sku\":\"a\",\"quantity\":1},{\"sku\":\"b\",\"quantity\":\"x\"}]}");
        assertEquals(Optional.of("order.items[1].quantity: expected integer but got string"),
                SchemaValidator.firstProblem(order, schema, "order"));
        JsonValue missing = json("{\"id\":\"o1\",\"items\":[{\"sku\":\"a\"}]}");
        assertEquals(Optional.of("order.items[0].quantity: is required"),
                SchemaValidator.firstProblem(missing, schema, "order"));
    }

    @Test
    void uniqueItemsRejectsDuplicates() {
        String schema = "{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"uniqueItems\":true}";
        assertValid("[\"a\",\"b\"]", schema);
        assertEquals(Optional.of("tags: must not contain duplicate items"),
                check("[\"a\",\"b\",\"a\"]", schema, "tags"));
    }

    @Test
    void duplicatesAreAllowedWithoutUniqueItems() {
        assertValid("[\"a\",\"a\"]", "{\"type\":\"array\",\"items\":{\"type\":\"string\"}}");
    }

    @Test
    void uniqueItemsTreatsNumericallyEqualNumbersAsDuplicates() {
        assertInvalid("[1, 1.0]", "{\"type\":\"array\",\"items\":{\"type\":\"integer\"},\"uniqueItems\":true}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "\"x\"", "true", "{}", "[]", "null"})
    void emptySchemaAcceptsAnything(String value) {
        assertValid(value, "{}");
    }

    @Test
    void everyProblemIsNamedInDocumentOrderAndAWrongTypeHidesWhatIsInside() {
        String schema = "{\"type\":\"object\",\"required\":[\"day\",\"travellers\",\"cabin\"],\"properties\":{"
                + "\"day\":{\"type\":\"string\",\"format\":\"date\"},"
                + "\"travellers\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"required\":[\"name\",\"email\"],"
                + "\"properties\":{\"name\":{\"type\":\"string\"},\"email\":{\"type\":\"string\"}}}},"
                + "\"cabin\":{\"type\":\"string\",\"enum\":[\"ECONOMY\",\"BUSINESS\"]},"
                + "\"note\":{\"type\":\"object\",\"required\":[\"text\"]}}}";
        JsonValue value = json("{\"day\":\"24.12.2026\",\"travellers\":[{\"email\":\"b@x.example\"}],"
                + "\"cabin\":\"FIRST\",\"note\":\"not an object\"}");
        assertEquals(List.of("day: is not a valid date", "travellers[0].name: is required",
                "cabin: must be one of ECONOMY, BUSINESS", "note: expected object but got string"),
                SchemaValidator.problems(value, schema(schema), ""));
    }

    @Test
    void aMillionWrongItemsGiveABoundedListOfProblems() {
        jakarta.json.JsonArrayBuilder items = Json.createArrayBuilder();
        for (int i = 0; i < 1_000_000; i++) {
            items.add(i);
        }
        List<String> problems = SchemaValidator.problems(items.build(),
                schema("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}"), "names");
        assertEquals(SchemaValidator.MAX_PROBLEMS + 1, problems.size());
        assertEquals("names[0]: expected string but got integer", problems.get(0));
    }
}
