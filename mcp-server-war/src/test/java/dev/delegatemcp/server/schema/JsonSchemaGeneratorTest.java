package dev.delegatemcp.server.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;

import org.junit.jupiter.api.Test;

class JsonSchemaGeneratorTest {

    // --- test types ---------------------------------------------------------------------------------------------

    enum Color { RED, GREEN, BLUE }

    record Address(String street, Optional<String> zip, int number) {
    }

    record Person(String name, Address address, Optional<Integer> age, OptionalInt rank, int score) {
    }

    record Renamed(@JsonbProperty("full_name") String fullName, @JsonbTransient String secret, String plain) {
    }

    record Node(String label, List<Node> children) {
    }

    record SelfOptional(Optional<SelfOptional> next) {
    }

    record UsesTwice(Address home, Address work) {
    }

    record HasObject(Object anything) {
    }

    public static class Pojo {
        public String publicField;
        public int count;
        private String withGetter;
        private boolean active;
        private String hidden;
        public static String staticField;
        public transient String transientField;
        @JsonbTransient
        public String ignored;
        @JsonbProperty("renamed")
        public String original;

        public String getWithGetter() {
            return withGetter;
        }

        public boolean isActive() {
            return active;
        }
    }

    public static class EmptyPojo {
        @SuppressWarnings("unused")
        private String nothingVisible;
    }

    public abstract static class AbstractThing {
        public String x;
    }

    interface Shape {
    }

    // Fields whose declared generic types are used for the type-family tests.
    List<String> listOfString;
    Set<Integer> setOfInteger;
    Collection<String> collectionOfString;
    ArrayList<String> arrayListOfString;
    Queue<String> queueOfString;
    List<String>[] arrayOfLists;
    Map<String, Integer> mapOfInteger;
    Map<Integer, String> mapWithIntegerKeys;
    Optional<LocalDate> optionalDate;
    @SuppressWarnings("rawtypes")
    List rawList;
    @SuppressWarnings("rawtypes")
    Map rawMap;
    List<?> wildcardList;
    List<? extends Number> boundedWildcardList;

    private static Type field(String name) {
        try {
            return JsonSchemaGeneratorTest.class.getDeclaredField(name).getGenericType();
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonObject schema(Type type) {
        return JsonSchemaGenerator.schemaFor(type);
    }

    private static JsonArray required(JsonObject schema) {
        return schema.containsKey("required") ? schema.getJsonArray("required") : JsonArray.EMPTY_JSON_ARRAY;
    }

    private static boolean requires(JsonObject schema, String name) {
        return required(schema).contains(Json.createValue(name));
    }

    // --- value types --------------------------------------------------------------------------------------------

    @Test
    void byteShortIntAndLongAreIntegersWithTheirBounds() {
        assertIntegerBounds(byte.class, Byte.MIN_VALUE, Byte.MAX_VALUE);
        assertIntegerBounds(Byte.class, Byte.MIN_VALUE, Byte.MAX_VALUE);
        assertIntegerBounds(short.class, Short.MIN_VALUE, Short.MAX_VALUE);
        assertIntegerBounds(Short.class, Short.MIN_VALUE, Short.MAX_VALUE);
        assertIntegerBounds(int.class, Integer.MIN_VALUE, Integer.MAX_VALUE);
        assertIntegerBounds(Integer.class, Integer.MIN_VALUE, Integer.MAX_VALUE);
        assertIntegerBounds(long.class, Long.MIN_VALUE, Long.MAX_VALUE);
        assertIntegerBounds(Long.class, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    private static void assertIntegerBounds(Class<?> type, long min, long max) {
        JsonObject schema = schema(type);
        assertEquals("integer", schema.getString("type"), type.getName());
        assertEquals(min, schema.getJsonNumber("minimum").longValueExact(), type.getName());
        assertEquals(max, schema.getJsonNumber("maximum").longValueExact(), type.getName());
    }

    @Test
    void bigIntegerIsUnboundedInteger() {
        JsonObject schema = schema(BigInteger.class);
        assertEquals("integer", schema.getString("type"));
        assertFalse(schema.containsKey("minimum"));
        assertFalse(schema.containsKey("maximum"));
    }

    @Test
    void floatingPointAndBigDecimalAreNumbers() {
        for (Class<?> type : List.of(float.class, Float.class, double.class, Double.class, BigDecimal.class)) {
            assertEquals(Json.createObjectBuilder().add("type", "number").build(), schema(type), type.getName());
        }
    }

    @Test
    void stringIsStringAndCharIsOneCharacterString() {
        assertEquals(Json.createObjectBuilder().add("type", "string").build(), schema(String.class));
        for (Class<?> type : List.of(char.class, Character.class)) {
            JsonObject schema = schema(type);
            assertEquals("string", schema.getString("type"));
            assertEquals(1, schema.getInt("minLength"));
            assertEquals(1, schema.getInt("maxLength"));
        }
    }

    @Test
    void booleanAndWrapperAreBoolean() {
        assertEquals(Json.createObjectBuilder().add("type", "boolean").build(), schema(boolean.class));
        assertEquals(Json.createObjectBuilder().add("type", "boolean").build(), schema(Boolean.class));
    }

    @Test
    void enumIsStringWithConstantNamesInOrder() {
        JsonObject schema = schema(Color.class);
        assertEquals("string", schema.getString("type"));
        assertEquals(Json.createArrayBuilder().add("RED").add("GREEN").add("BLUE").build(),
                schema.getJsonArray("enum"));
    }

    @Test
    void instantOffsetAndZonedDateTimeAreDateTimeFormat() {
        for (Class<?> type : List.of(Instant.class, OffsetDateTime.class, ZonedDateTime.class)) {
            JsonObject schema = schema(type);
            assertEquals("string", schema.getString("type"), type.getName());
            assertEquals("date-time", schema.getString("format"), type.getName());
        }
    }

    @Test
    void localDateIsDateFormat() {
        JsonObject schema = schema(LocalDate.class);
        assertEquals("string", schema.getString("type"));
        assertEquals("date", schema.getString("format"));
    }

    @Test
    void localTimeAndLocalDateTimeArePatternsWithoutOffset() {
        JsonObject time = schema(LocalTime.class);
        assertEquals("string", time.getString("type"));
        assertFalse(time.containsKey("format"));
        java.util.regex.Pattern timePattern = java.util.regex.Pattern.compile(time.getString("pattern"));
        assertTrue(timePattern.matcher("10:15:30.5").find());
        assertTrue(timePattern.matcher("10:15").find());
        assertFalse(timePattern.matcher("10:15+01:00").find());

        JsonObject dateTime = schema(LocalDateTime.class);
        assertEquals("string", dateTime.getString("type"));
        assertFalse(dateTime.containsKey("format"));
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(dateTime.getString("pattern"));
        assertTrue(pattern.matcher("2024-05-01T10:15:30").find());
        assertTrue(pattern.matcher("2024-05-01T10:15").find());
        assertFalse(pattern.matcher("2024-05-01T10:15:30Z").find());
        assertFalse(pattern.matcher("2024-05-01").find());
    }

    @Test
    void durationIsDurationFormat() {
        JsonObject schema = schema(Duration.class);
        assertEquals("string", schema.getString("type"));
        assertEquals("duration", schema.getString("format"));
    }

    @Test
    void uuidAndUriAreFormattedStrings() {
        assertEquals("uuid", schema(UUID.class).getString("format"));
        assertEquals("string", schema(UUID.class).getString("type"));
        assertEquals("uri", schema(URI.class).getString("format"));
        assertEquals("string", schema(URI.class).getString("type"));
    }

    // --- containers ---------------------------------------------------------------------------------------------

    @Test
    void listIsArrayOfItemSchemaWithoutUniqueItems() {
        JsonObject schema = schema(field("listOfString"));
        assertEquals("array", schema.getString("type"));
        assertEquals("string", schema.getJsonObject("items").getString("type"));
        assertFalse(schema.containsKey("uniqueItems"));
    }

    @Test
    void setIsArrayWithUniqueItems() {
        JsonObject schema = schema(field("setOfInteger"));
        assertEquals("array", schema.getString("type"));
        assertEquals("integer", schema.getJsonObject("items").getString("type"));
        assertTrue(schema.getBoolean("uniqueItems"));
    }

    @Test
    void collectionAndConcreteListClassesAreArrays() {
        assertEquals("array", schema(field("collectionOfString")).getString("type"));
        assertEquals("array", schema(field("arrayListOfString")).getString("type"));
    }

    @Test
    void otherCollectionInterfacesAreRejected() {
        assertThrows(UnsupportedTypeException.class, () -> schema(field("queueOfString")));
    }

    @Test
    void javaArraysAreArraysOfComponentSchema() {
        JsonObject ints = schema(int[].class);
        assertEquals("array", ints.getString("type"));
        assertEquals("integer", ints.getJsonObject("items").getString("type"));
        JsonObject colors = schema(Color[].class);
        assertEquals(3, colors.getJsonObject("items").getJsonArray("enum").size());
    }

    @Test
    void genericArraysAreRejectedInFavourOfLists() {
        UnsupportedTypeException e = org.junit.jupiter.api.Assertions.assertThrows(UnsupportedTypeException.class,
                () -> schema(field("arrayOfLists")));
        assertTrue(e.getMessage().contains("use a List"), e.getMessage());
    }

    @Test
    void mapWithStringKeysIsObjectWithAdditionalPropertiesSchema() {
        JsonObject schema = schema(field("mapOfInteger"));
        assertEquals("object", schema.getString("type"));
        assertEquals("integer", schema.getJsonObject("additionalProperties").getString("type"));
        assertFalse(schema.containsKey("properties"));
    }

    @Test
    void optionalHasTheSchemaOfItsContentAndIsOptional() {
        Type optionalDate = field("optionalDate");
        assertEquals(schema(LocalDate.class), schema(optionalDate));
        assertTrue(JsonSchemaGenerator.isOptional(optionalDate));
        assertTrue(JsonSchemaGenerator.isOptional(OptionalInt.class));
        assertFalse(JsonSchemaGenerator.isOptional(String.class));
        assertFalse(JsonSchemaGenerator.isOptional(field("listOfString")));
    }

    @Test
    void optionalIntHasIntSchema() {
        assertEquals(schema(int.class), schema(OptionalInt.class));
    }

    // --- records and POJOs --------------------------------------------------------------------------------------

    @Test
    void recordInputSchemaRequiresEveryComponentExceptOptionals() {
        JsonObject schema = schema(Person.class);
        assertEquals("object", schema.getString("type"));
        JsonObject properties = schema.getJsonObject("properties");
        assertEquals(Set.of("name", "address", "age", "rank", "score"), properties.keySet());
        assertEquals(Json.createArrayBuilder().add("name").add("address").add("score").build(), required(schema));
        assertEquals("integer", properties.getJsonObject("age").getString("type"));
        assertTrue(JsonSchemaGenerator.isObjectType(Person.class));
    }

    @Test
    void nestedRecordsAreInlined() {
        JsonObject address = schema(Person.class).getJsonObject("properties").getJsonObject("address");
        assertEquals("object", address.getString("type"));
        assertEquals(Set.of("street", "zip", "number"), address.getJsonObject("properties").keySet());
        assertTrue(requires(address, "street"));
        assertTrue(requires(address, "number"));
        assertFalse(requires(address, "zip"));
    }

    @Test
    void recordOutputSchemaRequiresOnlyPrimitiveComponents() {
        JsonObject schema = JsonSchemaGenerator.outputSchemaFor(Person.class);
        assertEquals(Json.createArrayBuilder().add("score").build(), required(schema));
        JsonObject address = schema.getJsonObject("properties").getJsonObject("address");
        assertEquals(Json.createArrayBuilder().add("number").build(), required(address));
    }

    @Test
    void sameRecordUsedTwiceIsNotMistakenForRecursion() {
        JsonObject schema = schema(UsesTwice.class);
        assertEquals("object", schema.getJsonObject("properties").getJsonObject("home").getString("type"));
        assertEquals("object", schema.getJsonObject("properties").getJsonObject("work").getString("type"));
    }

    @Test
    void jsonbPropertyRenamesAndJsonbTransientSkipsRecordComponents() {
        JsonObject schema = schema(Renamed.class);
        assertEquals(Set.of("full_name", "plain"), schema.getJsonObject("properties").keySet());
        assertTrue(requires(schema, "full_name"));
        assertFalse(requires(schema, "secret"));
        assertFalse(requires(schema, "fullName"));
    }

    @Test
    void pojoHasPublicFieldsAndFieldsWithGettersWithPrimitivesRequired() {
        JsonObject schema = schema(Pojo.class);
        JsonObject properties = schema.getJsonObject("properties");
        assertEquals(Set.of("publicField", "count", "withGetter", "active", "renamed"), properties.keySet());
        assertEquals("boolean", properties.getJsonObject("active").getString("type"));
        assertEquals("integer", properties.getJsonObject("count").getString("type"));
        assertTrue(requires(schema, "count"));
        assertTrue(requires(schema, "active"));
        assertFalse(requires(schema, "publicField"));
        assertFalse(requires(schema, "withGetter"));
    }

    @Test
    void pojoWithoutVisiblePropertiesIsRejected() {
        UnsupportedTypeException e = assertThrows(UnsupportedTypeException.class, () -> schema(EmptyPojo.class));
        assertTrue(e.getMessage().contains(EmptyPojo.class.getName()), e.getMessage());
    }

    // --- rejections ---------------------------------------------------------------------------------------------

    @Test
    void recursiveRecordIsRejected() {
        UnsupportedTypeException e = assertThrows(UnsupportedTypeException.class, () -> schema(Node.class));
        assertTrue(e.getMessage().contains("recursive"), e.getMessage());
        assertTrue(e.getMessage().contains(Node.class.getName()), e.getMessage());
    }

    @Test
    void recordRecursiveThroughOptionalIsRejected() {
        assertThrows(UnsupportedTypeException.class, () -> schema(SelfOptional.class));
    }

    @Test
    void objectIsRejected() {
        assertThrows(UnsupportedTypeException.class, () -> schema(Object.class));
        assertThrows(UnsupportedTypeException.class, () -> schema(HasObject.class));
        assertFalse(JsonSchemaGenerator.isObjectType(Object.class));
    }

    @Test
    void rawListAndRawMapAreRejected() {
        UnsupportedTypeException e = assertThrows(UnsupportedTypeException.class, () -> schema(field("rawList")));
        assertTrue(e.getMessage().contains("raw"), e.getMessage());
        assertThrows(UnsupportedTypeException.class, () -> schema(field("rawMap")));
        assertThrows(UnsupportedTypeException.class, () -> schema(List.class));
    }

    @Test
    void mapWithNonStringKeysIsRejected() {
        UnsupportedTypeException e = assertThrows(UnsupportedTypeException.class,
                () -> schema(field("mapWithIntegerKeys")));
        assertTrue(e.getMessage().contains("String keys"), e.getMessage());
    }

    @Test
    void wildcardTypesAreRejected() {
        assertThrows(UnsupportedTypeException.class, () -> schema(field("wildcardList")));
        assertThrows(UnsupportedTypeException.class, () -> schema(field("boundedWildcardList")));
    }

    @Test
    void interfacesAndAbstractClassesAreRejected() {
        assertThrows(UnsupportedTypeException.class, () -> schema(Shape.class));
        assertThrows(UnsupportedTypeException.class, () -> schema(AbstractThing.class));
        assertFalse(JsonSchemaGenerator.isObjectType(Shape.class));
        assertFalse(JsonSchemaGenerator.isObjectType(AbstractThing.class));
    }

    @Test
    void valueTypesAndContainersAreNotObjectTypes() {
        assertFalse(JsonSchemaGenerator.isObjectType(String.class));
        assertFalse(JsonSchemaGenerator.isObjectType(int.class));
        assertFalse(JsonSchemaGenerator.isObjectType(Color.class));
        assertFalse(JsonSchemaGenerator.isObjectType(field("listOfString")));
        assertFalse(JsonSchemaGenerator.isObjectType(field("mapOfInteger")));
        assertFalse(JsonSchemaGenerator.isObjectType(field("optionalDate")));
        assertTrue(JsonSchemaGenerator.isObjectType(Pojo.class));
    }
}
