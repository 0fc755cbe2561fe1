package dev.delegatemcp.server.protocol.roundtrip;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * One JSON text per JSON value, so that equal arguments digest equally however the client wrote them: object members
 * sorted by name (UTF-16 code units, as RFC 8785), recursively; arrays in their order; no whitespace; strings escaped
 * the JSON way ({@code \"}, {@code \\}, {@code \b \f \n \r \t}, other control characters and lone surrogates as
 * {@code \}{@code uXXXX}, everything else as is); numbers by value, so that {@code 1}, {@code 1.0} and {@code 1e0} are
 * one number ({@code 1}).
 *
 * <p>Hand-written rather than an RFC 8785 (JCS) library: this package may use only the JDK and Jakarta JSON
 * Processing, and JCS writes numbers as IEEE doubles, which would make two large integers that differ in their last
 * digits one number. Numbers here are exact decimals: {@link BigDecimal#stripTrailingZeros()} in plain notation while
 * the exponent is at most {@value #MAX_PLAIN_EXPONENT} either way, beyond that {@code <unscaled>e<exponent>} (still
 * one form per value, and bounded, where plain notation of {@code 1e999999999} would be a billion digits); a number
 * that {@link BigDecimal} cannot hold is written as the client wrote it.
 */
final class CanonicalJson {

    /** Plain notation up to this many zeros before or after the digits; beyond, scientific. */
    static final int MAX_PLAIN_EXPONENT = 1000;

    private CanonicalJson() {
    }

    /** URL-safe base64 (no padding) of the SHA-256 of the canonical JSON text of {@code value}. */
    static String digest(JsonValue value) {
        try {
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(java.security.MessageDigest
                    .getInstance("SHA-256").digest(write(value).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** The canonical JSON text of {@code value}; a Java {@code null} is JSON {@code null}. */
    static String write(JsonValue value) {
        StringBuilder out = new StringBuilder();
        write(value == null ? JsonValue.NULL : value, out);
        return out.toString();
    }

    private static void write(JsonValue value, StringBuilder out) {
        switch (value.getValueType()) {
            case OBJECT -> writeObject(value.asJsonObject(), out);
            case ARRAY -> writeArray(value.asJsonArray(), out);
            case STRING -> writeString(((JsonString) value).getString(), out);
            case NUMBER -> out.append(number((JsonNumber) value));
            case TRUE -> out.append("true");
            case FALSE -> out.append("false");
            case NULL -> out.append("null");
        }
    }

    private static void writeObject(JsonObject object, StringBuilder out) {
        List<Map.Entry<String, JsonValue>> members = new ArrayList<>(object.entrySet());
        members.sort(Map.Entry.comparingByKey());
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonValue> member : members) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(member.getKey(), out);
            out.append(':');
            write(member.getValue(), out);
        }
        out.append('}');
    }

    private static void writeArray(JsonArray array, StringBuilder out) {
        out.append('[');
        boolean first = true;
        for (JsonValue element : array) {
            if (!first) {
                out.append(',');
            }
            first = false;
            write(element, out);
        }
        out.append(']');
    }

    private static void writeString(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        unicodeEscape(c, out);
                    } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        // Alone it has no UTF-8 form: two different lone surrogates must not become the same bytes.
                        unicodeEscape(c, out);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void unicodeEscape(char c, StringBuilder out) {
        out.append(String.format("\\u%04x", (int) c));
    }

    private static String number(JsonNumber number) {
        BigDecimal value;
        try {
            value = number.bigDecimalValue().stripTrailingZeros();
        } catch (RuntimeException beyondBigDecimal) {
            return number.toString();
        }
        int exponent = -value.scale();
        if (Math.abs((long) exponent) <= MAX_PLAIN_EXPONENT) {
            return value.toPlainString();
        }
        return value.unscaledValue() + "e" + exponent;
    }
}
