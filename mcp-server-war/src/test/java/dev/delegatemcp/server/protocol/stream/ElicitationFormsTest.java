package dev.delegatemcp.server.protocol.stream;

import static dev.delegatemcp.server.protocol.stream.FakeConnection.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.delegatemcp.api.interaction.ElicitationSchema;
import dev.delegatemcp.api.interaction.ElicitationSchema.Format;
import dev.delegatemcp.api.interaction.ElicitationSchema.Option;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ElicitationFormsTest {

    private static JsonObject property(ElicitationSchema.Field field) {
        return ElicitationForms.requestedSchema(ElicitationSchema.of(field)).getJsonObject("properties")
                .getJsonObject(field.name());
    }

    /** What reading {@code answer} against the schema gives: the values, or the problems when there are some. */
    private static Object read(ElicitationSchema schema, String answer) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> values = ElicitationForms.read(schema, json(answer), problems);
        return problems.isEmpty() ? values : problems;
    }

    private static Object read(ElicitationSchema.Field field, String value) {
        return read(ElicitationSchema.of(field), "{\"" + field.name() + "\":" + value + "}");
    }

    private static void accepted(ElicitationSchema.Field field, String value, Object expected) {
        assertEquals(Map.of(field.name(), expected), read(field, value), value);
    }

    private static void refused(ElicitationSchema.Field field, String value, String problem) {
        assertEquals(List.of(field.name() + ": " + problem), read(field, value), value);
    }

    // Writing the requestedSchema

    @Test
    void theSchemaIsAFlatObjectListingTheRequiredFields() {
        JsonObject schema = ElicitationForms.requestedSchema(ElicitationSchema.of(
                ElicitationSchema.text("name", "Name"), ElicitationSchema.bool("ok", null).optional(),
                ElicitationSchema.number("n", null)));
        assertEquals("object", schema.getString("type"));
        assertEquals(List.of("name", "ok", "n"), new ArrayList<>(schema.getJsonObject("properties").keySet()));
        assertEquals("[\"name\",\"n\"]", schema.getJsonArray("required").toString());
    }

    @Test
    void aSchemaWithNoRequiredFieldHasNoRequiredList() {
        JsonObject schema = ElicitationForms.requestedSchema(ElicitationSchema.of(
                ElicitationSchema.text("name", "Name").optional()));
        assertTrue(!schema.containsKey("required"), schema.toString());
    }

    @Test
    void aTextFieldIsAStringWithItsTitleDescriptionLengthsFormatAndDefault() {
        assertEquals(json("""
                {"type":"string","title":"Your e-mail","description":"For the receipt","minLength":3,
                 "maxLength":50,"format":"email","default":"a@example.com"}"""),
                property(ElicitationSchema.text("email", "Your e-mail").description("For the receipt")
                        .length(3, 50).format(Format.EMAIL).defaultValue("a@example.com")));
        assertEquals(json("{\"type\":\"string\"}"), property(ElicitationSchema.text("plain", null)));
    }

    @Test
    void everyFormatIsWrittenByItsJsonSchemaName() {
        assertEquals("uri", property(ElicitationSchema.text("t", null).format(Format.URI)).getString("format"));
        assertEquals("date", property(ElicitationSchema.text("t", null).format(Format.DATE)).getString("format"));
        assertEquals("date-time",
                property(ElicitationSchema.text("t", null).format(Format.DATE_TIME)).getString("format"));
    }

    @Test
    void aWholeNumberFieldIsAnIntegerWithIntegerBoundsAndDefault() {
        JsonObject property = property(ElicitationSchema.number("guests", "Guests").integer().range(1, 10)
                .defaultValue(2));
        assertEquals("{\"type\":\"integer\",\"title\":\"Guests\",\"minimum\":1,\"maximum\":10,\"default\":2}",
                property.toString());
    }

    @Test
    void wholeNumberBoundsWithAFractionAreTheWholeNumbersWithinThemAsTheAnswerIsChecked() {
        ElicitationSchema.Number field = ElicitationSchema.number("n", null).integer().range(0.5, 9.5);
        JsonObject property = property(field);
        assertEquals(1, property.getInt("minimum"));
        assertEquals(9, property.getInt("maximum"));
        accepted(field, "1", 1L);
        accepted(field, "9", 9L);
        refused(field, "0", "is out of range");
        refused(field, "10", "is out of range");
    }

    @Test
    void aNumberFieldIsANumberWithItsBoundsAndDefault() {
        JsonObject property = property(ElicitationSchema.number("score", null).description("Score")
                .range(0, 99.5).defaultValue(95.5));
        assertEquals("number", property.getString("type"));
        assertEquals(0, property.getJsonNumber("minimum").doubleValue());
        assertEquals(99.5, property.getJsonNumber("maximum").doubleValue());
        assertEquals(95.5, property.getJsonNumber("default").doubleValue());
        assertEquals("Score", property.getString("description"));
    }

    @Test
    void aYesNoFieldIsABooleanWithItsDefault() {
        assertEquals(json("{\"type\":\"boolean\",\"title\":\"Verified\",\"default\":true}"),
                property(ElicitationSchema.bool("verified", "Verified").defaultValue(true)));
    }

    @Test
    void theSep1034DefaultsAreWrittenAsTheConformanceSuiteExpects() {
        JsonObject properties = ElicitationForms.requestedSchema(ElicitationSchema.of(
                ElicitationSchema.text("name", null).description("User name").defaultValue("John Doe").optional(),
                ElicitationSchema.number("age", null).integer().description("User age").defaultValue(30).optional(),
                ElicitationSchema.number("score", null).description("User score").defaultValue(95.5).optional(),
                ElicitationSchema.choice("status", null, Option.of("active"), Option.of("inactive"),
                        Option.of("pending")).description("User status").defaultValue("active").optional(),
                ElicitationSchema.bool("verified", null).description("Verification status").defaultValue(true)
                        .optional()))
                .getJsonObject("properties");
        assertEquals("""
                {"name":{"type":"string","description":"User name","default":"John Doe"},\
                "age":{"type":"integer","description":"User age","default":30},\
                "score":{"type":"number","description":"User score","default":95.5},\
                "status":{"type":"string","description":"User status","enum":["active","inactive","pending"],\
                "default":"active"},\
                "verified":{"type":"boolean","description":"Verification status","default":true}}""",
                properties.toString());
    }

    @Test
    void theSep1330EnumerationsAreWrittenAsTheConformanceSuiteExpects() {
        JsonObject properties = ElicitationForms.requestedSchema(ElicitationSchema.of(
                ElicitationSchema.choice("untitledSingle", null, Option.of("option1"), Option.of("option2"),
                        Option.of("option3")).description("Select one option").optional(),
                ElicitationSchema.choice("titledSingle", null, Option.of("value1", "First Option"),
                        Option.of("value2", "Second Option"), Option.of("value3", "Third Option"))
                        .description("Select one option with titles").optional(),
                ElicitationSchema.choice("legacyEnum", null, Option.of("opt1", "Option One"),
                        Option.of("opt2", "Option Two"), Option.of("opt3", "Option Three"))
                        .description("Select one option (legacy)").legacyTitles().optional(),
                ElicitationSchema.choices("untitledMulti", null, Option.of("option1"), Option.of("option2"),
                        Option.of("option3")).description("Select multiple options").items(1, 3).optional(),
                ElicitationSchema.choices("titledMulti", null, Option.of("value1", "First Choice"),
                        Option.of("value2", "Second Choice"), Option.of("value3", "Third Choice"))
                        .description("Select multiple options with titles").items(1, 3).optional()))
                .getJsonObject("properties");
        assertEquals(json("""
                {"untitledSingle":{"type":"string","description":"Select one option",
                   "enum":["option1","option2","option3"]},
                 "titledSingle":{"type":"string","description":"Select one option with titles",
                   "oneOf":[{"const":"value1","title":"First Option"},{"const":"value2","title":"Second Option"},
                            {"const":"value3","title":"Third Option"}]},
                 "legacyEnum":{"type":"string","description":"Select one option (legacy)",
                   "enum":["opt1","opt2","opt3"],"enumNames":["Option One","Option Two","Option Three"]},
                 "untitledMulti":{"type":"array","description":"Select multiple options","minItems":1,"maxItems":3,
                   "items":{"type":"string","enum":["option1","option2","option3"]}},
                 "titledMulti":{"type":"array","description":"Select multiple options with titles","minItems":1,
                   "maxItems":3,"items":{"anyOf":[{"const":"value1","title":"First Choice"},
                   {"const":"value2","title":"Second Choice"},{"const":"value3","title":"Third Choice"}]}}}"""),
                properties);
    }

    @Test
    void anOptionWithoutATitleIsTitledByItsValueOnceAnotherOptionHasATitle() {
        assertEquals(json("""
                {"type":"string","oneOf":[{"const":"s","title":"Small"},{"const":"m","title":"m"}],"default":"s"}"""),
                property(ElicitationSchema.choice("size", null, Option.of("s", "Small"), Option.of("m"))
                        .defaultValue("s")));
        assertEquals(json("""
                {"type":"string","enum":["s","m"],"enumNames":["Small","m"]}"""),
                property(ElicitationSchema.choice("size", null, Option.of("s", "Small"), Option.of("m"))
                        .legacyTitles()));
    }

    @Test
    void aMultipleChoiceHasItsDefaultValuesAsAList() {
        assertEquals(json("""
                {"type":"array","title":"Toppings","items":{"type":"string","enum":["a","b"]},"default":["a","b"]}"""),
                property(ElicitationSchema.choices("toppings", "Toppings", Option.of("a"), Option.of("b"))
                        .defaultValues("a", "b")));
    }

    // Reading the answer

    @Test
    void anAcceptedAnswerGivesJavaValuesByFieldNameInSchemaOrder() {
        ElicitationSchema schema = ElicitationSchema.of(ElicitationSchema.text("name", null),
                ElicitationSchema.number("guests", null).integer(), ElicitationSchema.number("budget", null),
                ElicitationSchema.bool("vegan", null), ElicitationSchema.choice("size", null, Option.of("s")),
                ElicitationSchema.choices("extras", null, Option.of("a"), Option.of("b")));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("name", "Ann");
        expected.put("guests", 3L);
        expected.put("budget", 12.5);
        expected.put("vegan", true);
        expected.put("size", "s");
        expected.put("extras", List.of("b", "a"));
        Object values = read(schema, """
                {"extras":["b","a"],"size":"s","vegan":true,"budget":12.5,"guests":3,"name":"Ann","extra":1}""");
        assertEquals(expected, values);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(((Map<?, ?>) values).keySet()));
    }

    @Test
    void aRequiredFieldMustBeThereAndNotNull() {
        ElicitationSchema schema = ElicitationSchema.of(ElicitationSchema.text("a", null),
                ElicitationSchema.text("b", null));
        assertEquals(List.of("a: is required", "b: is required"), read(schema, "{\"b\":null}"));
    }

    @Test
    void anOptionalFieldMayBeLeftOutOrNull() {
        ElicitationSchema schema = ElicitationSchema.of(ElicitationSchema.text("a", null).optional(),
                ElicitationSchema.bool("b", null).optional());
        assertEquals(Map.of(), read(schema, "{\"b\":null}"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        ElicitationSchema schema = ElicitationSchema.of(ElicitationSchema.text("a", null),
                ElicitationSchema.number("b", null), ElicitationSchema.bool("c", null));
        assertEquals(List.of("a: must be a string", "b: must be a number", "c: is required"),
                read(schema, "{\"a\":1,\"b\":\"1\"}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "true", "[\"x\"]", "{}"})
    void aTextFieldTakesOnlyAString(String value) {
        refused(ElicitationSchema.text("t", null), value, "must be a string");
    }

    @Test
    void textLengthsCountCharactersNotUtf16Units() {
        ElicitationSchema.Text field = ElicitationSchema.text("t", null).length(2, 3);
        accepted(field, "\"😀😀😀\"", "😀😀😀");
        accepted(field, "\"ab\"", "ab");
        refused(field, "\"a\"", "has the wrong length");
        refused(field, "\"😀😀😀😀\"", "has the wrong length");
    }

    @ParameterizedTest
    @CsvSource({"EMAIL,a@example.com,true", "EMAIL,a.b+c@mail.example.org,true", "EMAIL,no-at-sign,false",
        "EMAIL,a@nodot,false", "EMAIL,a b@example.com,false", "URI,https://example.com/x?y=1,true",
        "URI,urn:isbn:0451450523,true", "URI,/relative/path,false", "URI,not a uri,false", "DATE,2025-11-25,true",
        "DATE,2025-02-30,false", "DATE,25.11.2025,false", "DATE_TIME,2025-11-25T10:15:30Z,true",
        "DATE_TIME,2025-11-25T10:15:30.5+01:00,true", "DATE_TIME,2025-11-25T10:15:30,false",
        "DATE_TIME,2025-11-25,false"})
    void aTextFieldWithAFormatTakesOnlyValuesOfThatFormat(Format format, String value, boolean valid) {
        ElicitationSchema.Text field = ElicitationSchema.text("t", null).format(format);
        if (valid) {
            accepted(field, "\"" + value + "\"", value);
        } else {
            refused(field, "\"" + value + "\"", "is not a valid " + format.wireName());
        }
    }

    @Test
    void aWholeNumberFieldTakesIntegersAsLongs() {
        ElicitationSchema.Number field = ElicitationSchema.number("n", null).integer();
        accepted(field, "3", 3L);
        accepted(field, "3.0", 3L);
        accepted(field, "-2", -2L);
        refused(field, "3.5", "must be a whole number");
        refused(field, "\"3\"", "must be a number");
    }

    @Test
    void aNumberFieldTakesAnyNumberAsADouble() {
        ElicitationSchema.Number field = ElicitationSchema.number("n", null);
        accepted(field, "3", 3.0);
        accepted(field, "2.5e1", 25.0);
        refused(field, "true", "must be a number");
    }

    @Test
    void numbersOutsideTheRangeAreRefusedTheBoundsIncluded() {
        ElicitationSchema.Number field = ElicitationSchema.number("n", null).range(1, 10);
        accepted(field, "1", 1.0);
        accepted(field, "10", 10.0);
        refused(field, "0.99", "is out of range");
        refused(field, "10.01", "is out of range");
    }

    @Test
    void aYesNoFieldTakesOnlyTrueOrFalse() {
        ElicitationSchema.Bool field = ElicitationSchema.bool("b", null);
        accepted(field, "true", true);
        accepted(field, "false", false);
        refused(field, "\"true\"", "must be true or false");
        refused(field, "1", "must be true or false");
    }

    @Test
    void aSingleChoiceTakesOnlyTheValueOfAnOption() {
        ElicitationSchema.SingleChoice field = ElicitationSchema.choice("c", null, Option.of("s", "Small"),
                Option.of("l", "Large"));
        accepted(field, "\"l\"", "l");
        refused(field, "\"Large\"", "is not one of the choices");
        refused(field, "\"x\"", "is not one of the choices");
        refused(field, "[\"s\"]", "is not one of the choices");
    }

    @Test
    void aMultipleChoiceTakesAListOfOptionValuesWithinItsBounds() {
        ElicitationSchema.MultiChoice field = ElicitationSchema.choices("m", null, Option.of("a"), Option.of("b"),
                Option.of("c")).items(1, 2);
        accepted(field, "[\"a\"]", List.of("a"));
        accepted(field, "[\"c\",\"a\"]", List.of("c", "a"));
        refused(field, "[]", "has the wrong number of choices");
        refused(field, "[\"a\",\"b\",\"c\"]", "has the wrong number of choices");
        refused(field, "[\"a\",\"x\"]", "holds something that is not one of the choices");
        refused(field, "[\"a\",1]", "holds something that is not one of the choices");
        refused(field, "\"a\"", "must be a list of choices");
    }

    @Test
    void aMultipleChoiceWithoutBoundsTakesAnyNumberOfOptions() {
        ElicitationSchema.MultiChoice field = ElicitationSchema.choices("m", null, Option.of("a"), Option.of("b"));
        accepted(field, "[]", List.of());
        accepted(field, "[\"a\",\"b\"]", List.of("a", "b"));
    }
}
