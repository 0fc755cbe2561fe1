package dev.delegatemcp.server.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

class ToolArgumentsTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void nullIsTheEmptyObject() {
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, ToolArguments.toJsonObject(null));
    }

    @Test
    void numbersKeepTheirDecimalValueWhateverTheirJavaType() {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("float", 1.1f);
        arguments.put("byte", (byte) 3);
        arguments.put("atomic", new AtomicLong(12_345_678_901L));
        arguments.put("big", new BigInteger("123456789012345678901234567890"));
        arguments.put("decimal", new BigDecimal("0.10"));
        arguments.put("double", 2.5d);

        assertEquals(json("{\"float\":1.1,\"byte\":3,\"atomic\":12345678901,"
                + "\"big\":123456789012345678901234567890,\"decimal\":0.10,\"double\":2.5}"),
                ToolArguments.toJsonObject(arguments));
    }

    @Test
    void nestedMapsCollectionsArraysAndJsonValuesAreKept() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("none", null);
        nested.put("list", List.of(true, "x"));
        assertEquals(json("{\"n\":{\"none\":null,\"list\":[true,\"x\"]},\"ids\":[1,2],\"raw\":{\"a\":1}}"),
                ToolArguments.toJsonObject(Map.of("n", nested, "ids", new long[] {1, 2}, "raw", json("{\"a\":1}"))));
    }

    @Test
    void aValueWithoutJsonFormIsRefusedNamingItsPath() {
        IllegalArgumentException date = assertThrows(IllegalArgumentException.class,
                () -> ToolArguments.toJsonObject(Map.of("when", List.of("ok", LocalDate.of(2025, 1, 2)))));
        assertTrue(date.getMessage().startsWith("arguments.when[1]: a java.time.LocalDate has no JSON form"),
                date.getMessage());
        IllegalArgumentException infinite = assertThrows(IllegalArgumentException.class,
                () -> ToolArguments.toJsonObject(Map.of("x", Double.POSITIVE_INFINITY)));
        assertTrue(infinite.getMessage().startsWith("arguments.x:"), infinite.getMessage());
    }

    @Test
    void aKeyThatIsNotAStringIsRefused() {
        Map<Object, Object> inner = new HashMap<>();
        inner.put(1, "one");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ToolArguments.toJsonObject(Map.of("m", inner)));
        assertEquals("arguments.m: keys must be strings, not java.lang.Integer", e.getMessage());
    }
}
