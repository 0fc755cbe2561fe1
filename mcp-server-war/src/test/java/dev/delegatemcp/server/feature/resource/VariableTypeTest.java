package dev.delegatemcp.server.feature.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class VariableTypeTest {

    public enum Color { RED, GREEN }

    public Optional<Integer> optionalInteger;
    public Optional<Optional<String>> nested;
    public Optional<int[]> optionalArray;
    public List<String> list;
    public Map<String, String> map;

    private static VariableType of(Type type) {
        return VariableType.of(type).orElseThrow();
    }

    private static Type field(String name) throws NoSuchFieldException {
        return VariableTypeTest.class.getField(name).getGenericType();
    }

    @Test
    void stringsNumbersBooleansUuidsAndEnumsConvert() {
        assertEquals("a b", of(String.class).convert("a b"));
        assertEquals(42, of(int.class).convert("42"));
        assertEquals(-7, of(Integer.class).convert("-7"));
        assertEquals(9_000_000_000L, of(long.class).convert("9000000000"));
        assertEquals(true, of(boolean.class).convert("true"));
        assertEquals(false, of(Boolean.class).convert("false"));
        assertEquals(UUID.fromString("6f1c0b7e-6a3e-4a1f-9a44-6bfa1d1e2c3d"),
                of(UUID.class).convert("6F1C0B7E-6A3E-4A1F-9A44-6BFA1D1E2C3D"));
        assertEquals(Color.GREEN, of(Color.class).convert("GREEN"));
    }

    @Test
    void textThatDoesNotConvertIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> of(int.class).convert("4x2"));
        assertThrows(IllegalArgumentException.class, () -> of(int.class).convert("9000000000"));
        assertThrows(IllegalArgumentException.class, () -> of(boolean.class).convert("yes"));
        assertThrows(IllegalArgumentException.class, () -> of(boolean.class).convert("TRUE"));
        assertThrows(IllegalArgumentException.class, () -> of(UUID.class).convert("1-1-1-1-1"));
        assertThrows(IllegalArgumentException.class, () -> of(Color.class).convert("red"));
    }

    @Test
    void anAbsentValueIsNullOrEmptyAndOptionalWrapsAPresentOne() throws NoSuchFieldException {
        VariableType optional = of(field("optionalInteger"));
        assertEquals(Optional.of(3), optional.convert("3"));
        assertEquals(Optional.empty(), optional.convert(null));
        assertEquals("Optional<Integer>", optional.name());
        assertNull(of(String.class).convert(null));
        assertThrows(IllegalArgumentException.class, () -> of(int.class).convert(null));
    }

    @Test
    void otherTypesCannotTakeAVariable() throws NoSuchFieldException {
        for (String name : List.of("nested", "optionalArray", "list", "map")) {
            assertTrue(VariableType.of(field(name)).isEmpty(), name);
        }
        assertTrue(VariableType.of(Object.class).isEmpty());
        assertTrue(VariableType.of(double.class).isEmpty());
    }
}
