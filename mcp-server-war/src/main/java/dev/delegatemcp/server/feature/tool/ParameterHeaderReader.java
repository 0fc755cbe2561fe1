package dev.delegatemcp.server.feature.tool;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Finds the {@code x-mcp-header} annotations of a tool's input schema, generated from
 * {@link dev.delegatemcp.api.ToolArg#header()} or hand-written, and checks them as MCP 2026-07-28 requires
 * (Streamable HTTP, Custom Headers from Tool Parameters, Schema Extension): the value is a non-empty HTTP token
 * (RFC 9110 section 5.6.2, {@code 1*tchar}), case-insensitively unique in the schema, on a property of type
 * {@code string}, {@code integer} or {@code boolean} (not {@code number}), reachable from the root through
 * {@code properties} alone: not through {@code items} or another array keyword, {@code oneOf}, {@code anyOf},
 * {@code allOf}, {@code not}, {@code if}/{@code then}/{@code else}, {@code $ref} or {@code $defs}. Clients drop a tool
 * that breaks any of these, so the server refuses to deploy it.
 */
final class ParameterHeaderReader {

    static final String KEYWORD = "x-mcp-header";

    /** RFC 9110 section 5.6.2: {@code tchar}. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private static final Set<String> PRIMITIVE_TYPES = Set.of("string", "integer", "boolean");

    /** Keywords whose values are instances, not schemas: an {@code x-mcp-header} key there annotates nothing. */
    private static final Set<String> DATA_KEYWORDS = Set.of("enum", "const", "default", "examples", KEYWORD);

    /** Keywords whose values map names to schemas (a name there is not a keyword). */
    private static final Set<String> SCHEMA_MAPS =
            Set.of("properties", "patternProperties", "$defs", "definitions", "dependentSchemas");

    private ParameterHeaderReader() {
    }

    /**
     * @param inputSchema the tool's input schema
     * @param where the start of an error message, naming the method
     * @throws InvalidToolException saying which annotation is wrong, where (a JSON Pointer) and why
     */
    static ParameterHeaders read(JsonObject inputSchema, String where) {
        List<ParameterHeaders.Header> headers = new ArrayList<>();
        walk(inputSchema, null, "", headers, where);
        Map<String, ParameterHeaders.Header> byName = new HashMap<>();
        for (ParameterHeaders.Header header : headers) {
            ParameterHeaders.Header other = byName.putIfAbsent(header.name().toLowerCase(Locale.ROOT), header);
            if (other != null) {
                throw new InvalidToolException(where + KEYWORD + " \"" + header.name() + "\" of "
                        + pointer(header.path()) + " repeats \"" + other.name() + "\" of " + pointer(other.path())
                        + "; header names must differ ignoring case");
            }
        }
        return headers.isEmpty() ? ParameterHeaders.NONE : new ParameterHeaders(headers);
    }

    /**
     * @param path the property names from the root when {@code schema} is reachable through {@code properties}
     *        alone; null for the root itself and for anything not so reachable
     */
    private static void walk(JsonObject schema, List<String> path, String pointer,
            List<ParameterHeaders.Header> headers, String where) {
        JsonValue annotation = schema.get(KEYWORD);
        if (annotation != null) {
            headers.add(header(schema, annotation, path, pointer, where));
        }
        for (Map.Entry<String, JsonValue> entry : schema.entrySet()) {
            String keyword = entry.getKey();
            JsonValue value = entry.getValue();
            String at = pointer + "/" + escape(keyword);
            if (DATA_KEYWORDS.contains(keyword)) {
                continue;
            }
            if (SCHEMA_MAPS.contains(keyword) && value instanceof JsonObject map) {
                for (Map.Entry<String, JsonValue> named : map.entrySet()) {
                    if (named.getValue() instanceof JsonObject child) {
                        List<String> childPath = null;
                        if ("properties".equals(keyword) && (path != null || pointer.isEmpty())) {
                            childPath = new ArrayList<>(path == null ? List.of() : path);
                            childPath.add(named.getKey());
                        }
                        walk(child, childPath, at + "/" + escape(named.getKey()), headers, where);
                    }
                }
            } else if (value instanceof JsonObject child) {
                walk(child, null, at, headers, where);
            } else if (value instanceof JsonArray array) {
                for (int i = 0; i < array.size(); i++) {
                    if (array.get(i) instanceof JsonObject child) {
                        walk(child, null, at + "/" + i, headers, where);
                    }
                }
            }
        }
    }

    private static ParameterHeaders.Header header(JsonObject schema, JsonValue annotation, List<String> path,
            String pointer, String where) {
        String at = where + KEYWORD + " at " + (pointer.isEmpty() ? "the schema root" : pointer) + ": ";
        if (!(annotation instanceof JsonString text) || text.getString().isEmpty()) {
            throw new InvalidToolException(at + "must be a non-empty string, the Name of header Mcp-Param-{Name}");
        }
        String name = text.getString();
        if (!TOKEN.matcher(name).matches()) {
            throw new InvalidToolException(at + "\"" + printable(name) + "\" is not an HTTP token; use letters, "
                    + "digits and !#$%&'*+-.^_`|~ only (RFC 9110 section 5.6.2)");
        }
        if (path == null) {
            throw new InvalidToolException(at + "only a property reachable from the schema root through "
                    + "\"properties\" alone may carry it (not one under items, oneOf, anyOf, allOf, not, "
                    + "if/then/else, $ref or $defs)");
        }
        if (!primitive(schema.get("type"))) {
            throw new InvalidToolException(at + "only a property of type string, integer or boolean may carry it "
                    + "(not number, object, array or null)");
        }
        return new ParameterHeaders.Header(name, path);
    }

    /** {@code "string"}, {@code "integer"} or {@code "boolean"}, also as an array with {@code "null"} beside it. */
    private static boolean primitive(JsonValue type) {
        if (type instanceof JsonString single) {
            return PRIMITIVE_TYPES.contains(single.getString());
        }
        if (type instanceof JsonArray types && types.stream().allMatch(JsonString.class::isInstance)) {
            List<String> names = types.getValuesAs(JsonString::getString);
            List<String> nonNull = names.stream().filter(name -> !"null".equals(name)).toList();
            return nonNull.size() == 1 && PRIMITIVE_TYPES.contains(nonNull.get(0));
        }
        return false;
    }

    private static String pointer(List<String> path) {
        StringBuilder pointer = new StringBuilder();
        path.forEach(name -> pointer.append("/properties/").append(escape(name)));
        return pointer.toString();
    }

    /** RFC 6901: a JSON Pointer's reference token. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** A name as a message may show it: control characters as {@code \\uXXXX}. */
    private static String printable(String name) {
        StringBuilder text = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                text.append(String.format("\\u%04X", c));
            } else {
                text.appendCodePoint(c);
            }
        });
        return text.toString();
    }
}
