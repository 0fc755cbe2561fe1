package dev.delegatemcp.server.feature.resource;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An RFC 6570 URI template read for matching: which variables a concrete URI gives (MCP 2025-11-25, Resources,
 * Resource Templates: a {@code resources/read} names a concrete URI, and the server must find the template and the
 * values). Hand-written because matching is what MCP needs and no library here does it: io.vertx:vertx-uri-template
 * (the only RFC 6570 library served to this build) and the other RFC 6570 libraries only expand, and the routers that
 * match (JAX-RS, Spring) read their own path-template syntax, not RFC 6570's operators.
 * <p>
 * Matching inverts expansion only where that is unambiguous, so only these forms are accepted ({@link #parse} says
 * why anything else is not):
 * <ul>
 * <li>{@code {var}}: one or more URI characters other than {@code / ? #};</li>
 * <li>{@code {+var}}: one or more URI characters other than {@code ? #} ({@code /} allowed);</li>
 * <li>{@code {/var}}: {@code /} and a segment (as {@code {var}}); {@code {.var}}: {@code .} and a label (no dot);</li>
 * <li>{@code {?a,b}} and {@code {&c}}: query parameters {@code name=value}, at the end (only query expressions and a
 * fragment expression may follow); matched in any order, each optional (absent: null), no other name allowed;</li>
 * <li>{@code {#var}}: the fragment, optional, last.</li>
 * </ul>
 * Two expressions may touch only when the second starts with its own character ({@code {a}{/b}}, {@code {+dir}{/name}},
 * {@code {/name}{.ext}}; not {@code {a}{b}}, whose split would be arbitrary). Where a value could end in more than one
 * place, the earlier expression takes as much as it can, as with a literal between two expressions: {@code {+dir}{/name}}
 * reads {@code a/b/c} as {@code a/b} and {@code c}, {@code {a}.{b}} reads {@code x.y.z} as {@code x.y} and {@code z}.
 * Values are percent-decoded as UTF-8 ({@code +} stays a
 * plus: RFC 6570 encodes a space as {@code %20}); a malformed escape or a character outside RFC 3986 makes the URI not
 * match. Literal parts are compared as they are (RFC 3986 simple string comparison). Level 4 modifiers
 * ({@code {var:3}}, {@code {var*}}) and {@code {;var}} are refused: a prefix or an exploded list cannot be told back
 * into the value the method would bind.
 */
final class UriTemplate {

    /** RFC 3986 characters other than {@code / ? #} (unreserved, sub-delims, {@code : @ [ ]}, and {@code %}). */
    private static final String SEGMENT_CHARS = "A-Za-z0-9\\-._~!$&'()*+,;=:@%\\[\\]";
    private static final String SIMPLE = "([" + SEGMENT_CHARS + "]+)";
    private static final String RESERVED = "([" + SEGMENT_CHARS + "/]+)";
    private static final String LABEL = "([" + SEGMENT_CHARS.replace(".", "") + "]+)";
    private static final String FRAGMENT = "(?:#([" + SEGMENT_CHARS + "/?]*))?";
    private static final String QUERY = "(?:[?&]([" + SEGMENT_CHARS + "/?]*))?";

    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)*");
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]*:.*", Pattern.DOTALL);
    private static final Pattern PERCENT_ESCAPE = Pattern.compile("%[0-9A-Fa-f]{2}");

    /** The operators of RFC 6570 section 2.2 that can be matched. */
    private enum Operator {
        SIMPLE('\0'), RESERVED('+'), SEGMENT('/'), LABEL('.'), QUERY('?'), CONTINUATION('&'), FRAGMENT('#');

        final char symbol;

        Operator(char symbol) {
            this.symbol = symbol;
        }

        /** The character a value of this operator starts with once expanded, or none for SIMPLE and RESERVED. */
        char leading() {
            return this == RESERVED ? '\0' : symbol;
        }
    }

    private final String text;
    private final Pattern pattern;
    private final List<String> pathVariables;
    private final Set<String> queryVariables;
    private final String fragmentVariable;
    private final List<String> variables;
    private final int literalCharacters;

    private UriTemplate(String text, Pattern pattern, List<String> pathVariables, Set<String> queryVariables,
            String fragmentVariable, List<String> variables, int literalCharacters) {
        this.text = text;
        this.pattern = pattern;
        this.pathVariables = pathVariables;
        this.queryVariables = queryVariables;
        this.fragmentVariable = fragmentVariable;
        this.variables = variables;
        this.literalCharacters = literalCharacters;
    }

    /**
     * Reads a template.
     *
     * @throws IllegalArgumentException saying what is wrong and where, when it is not a template of the forms above
     */
    static UriTemplate parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("the URI template is empty");
        }
        if (!SCHEME.matcher(text).matches()) {
            throw new IllegalArgumentException(
                    "the URI template must start with a scheme, such as test:// or file:///");
        }
        StringBuilder regex = new StringBuilder();
        List<String> pathVariables = new ArrayList<>();
        Set<String> queryVariables = new LinkedHashSet<>();
        String fragmentVariable = null;
        Set<String> all = new LinkedHashSet<>();
        int literals = 0;
        Operator previous = null; // the expression just before, when nothing literal came after it
        String previousBody = null;
        boolean inQuery = false;
        boolean afterFragment = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '{') {
                int end = text.indexOf('}', i);
                int nested = text.indexOf('{', i + 1);
                if (end < 0 || (nested >= 0 && nested < end)) {
                    throw new IllegalArgumentException("the expression at index " + i + " is not closed with '}'");
                }
                if (afterFragment) {
                    throw new IllegalArgumentException("nothing may follow the fragment expression {#...}");
                }
                String body = text.substring(i + 1, end);
                Operator operator = operator(body, i);
                List<String> names = names(operator == Operator.SIMPLE ? body : body.substring(1), i);
                for (String name : names) {
                    if (!all.add(name)) {
                        throw new IllegalArgumentException("the variable '" + name + "' appears twice");
                    }
                }
                if (names.size() > 1 && operator != Operator.QUERY && operator != Operator.CONTINUATION) {
                    throw new IllegalArgumentException("the expression {" + body
                            + "} has several variables; only a query expression such as {?a,b} may, use one per "
                            + "expression");
                }
                switch (operator) {
                    case QUERY, CONTINUATION -> {
                        if (operator == Operator.CONTINUATION && !inQuery && previous != null) {
                            throw new IllegalArgumentException("the expression {" + body
                                    + "} must follow a literal query such as ?a=1 or a {?...} expression");
                        }
                        if (!inQuery) {
                            regex.append(QUERY);
                        }
                        inQuery = true;
                        queryVariables.addAll(names);
                    }
                    case FRAGMENT -> {
                        regex.append(FRAGMENT);
                        fragmentVariable = names.get(0);
                        afterFragment = true;
                    }
                    default -> {
                        if (inQuery) {
                            throw new IllegalArgumentException("the expression {" + body
                                    + "} follows a query expression; only {?...}, {&...} and {#...} may");
                        }
                        if (previous != null && operator.leading() == '\0') {
                            throw new IllegalArgumentException("the expressions {" + previousBody + "} and {" + body
                                    + "} cannot be told apart in a URI; put a literal character between them");
                        }
                        regex.append(switch (operator) {
                            case SEGMENT -> "/" + SIMPLE;
                            case LABEL -> "\\." + LABEL;
                            case RESERVED -> RESERVED;
                            default -> SIMPLE;
                        });
                        pathVariables.add(names.get(0));
                    }
                }
                previous = operator;
                previousBody = body;
                i = end + 1;
            } else {
                int end = nextBrace(text, i);
                String literal = text.substring(i, end);
                checkLiteral(literal, i);
                if (inQuery || afterFragment) {
                    throw new IllegalArgumentException("the literal '" + literal + "' follows a query or fragment"
                            + " expression; those must come last");
                }
                regex.append(Pattern.quote(literal));
                literals += literal.length();
                previous = null;
                i = end;
            }
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("the URI template has no variable; declare a fixed URI as a resource");
        }
        return new UriTemplate(text, Pattern.compile(regex.toString()), List.copyOf(pathVariables),
                Collections.unmodifiableSet(queryVariables), fragmentVariable, List.copyOf(all), literals);
    }

    /** The template as written. */
    String text() {
        return text;
    }

    /** Every variable, in the order the template names them. */
    List<String> variables() {
        return variables;
    }

    /** Whether a matching URI may leave the variable out (a query or fragment variable): then it is null. */
    boolean isOptional(String variable) {
        return queryVariables.contains(variable) || variable.equals(fragmentVariable);
    }

    /** How many literal characters the template has: the more, the more specific (JAX-RS's ordering). */
    int literalCharacters() {
        return literalCharacters;
    }

    /**
     * The variables' values when the URI matches: every variable of the template, percent-decoded; an optional one the
     * URI leaves out is null.
     *
     * @return empty when the URI does not match
     */
    Optional<Map<String, String>> match(String uri) {
        Matcher matcher = pattern.matcher(uri);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        variables.forEach(name -> values.put(name, null));
        int group = 1;
        for (String name : pathVariables) {
            String value = decode(matcher.group(group++));
            if (value == null) {
                return Optional.empty();
            }
            values.put(name, value);
        }
        if (!queryVariables.isEmpty()) {
            String query = matcher.group(group++);
            if (query != null && !matchQuery(query, values)) {
                return Optional.empty();
            }
        }
        if (fragmentVariable != null) {
            String fragment = matcher.group(group);
            if (fragment != null) {
                String value = decode(fragment);
                if (value == null) {
                    return Optional.empty();
                }
                values.put(fragmentVariable, value);
            }
        }
        return Optional.of(values);
    }

    @Override
    public String toString() {
        return text;
    }

    /** {@code name=value} pairs joined by {@code &}, each a query variable of the template, once. */
    private boolean matchQuery(String query, Map<String, String> values) {
        Set<String> seen = new LinkedHashSet<>();
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals < 0) {
                return false;
            }
            String name = pair.substring(0, equals);
            String value = decode(pair.substring(equals + 1));
            if (!queryVariables.contains(name) || !seen.add(name) || value == null) {
                return false;
            }
            values.put(name, value);
        }
        return true;
    }

    /** The percent-decoded value (UTF-8), or null when an escape is malformed or not UTF-8. */
    static String decode(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 3 > value.length() || !PERCENT_ESCAPE.matcher(value.substring(i, i + 3)).matches()) {
                    return null;
                }
                bytes.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c); // the matched characters are ASCII
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static Operator operator(String body, int index) {
        if (body.isEmpty()) {
            throw new IllegalArgumentException("the expression at index " + index + " is empty");
        }
        char first = body.charAt(0);
        for (Operator operator : Operator.values()) {
            if (operator != Operator.SIMPLE && operator.symbol == first) {
                return operator;
            }
        }
        if (first == ';') {
            throw new IllegalArgumentException("the path-style expression {" + body + "} cannot be matched; use {/"
                    + body.substring(1) + "} or a query expression {?...}");
        }
        if ("=,!@|".indexOf(first) >= 0) {
            throw new IllegalArgumentException("the operator '" + first + "' in {" + body
                    + "} is reserved by RFC 6570 for future use");
        }
        return Operator.SIMPLE;
    }

    private static List<String> names(String list, int index) {
        List<String> names = new ArrayList<>();
        for (String spec : list.split(",", -1)) {
            if (spec.endsWith("*") || spec.contains(":")) {
                throw new IllegalArgumentException("the modifier in '" + spec
                        + "' (prefix :n or explode *) cannot be matched back into one value; remove it");
            }
            if (!VARIABLE_NAME.matcher(spec).matches()) {
                throw new IllegalArgumentException("'" + spec + "' in the expression at index " + index
                        + " is not a variable name; use letters, digits and '_' (dots between them)");
            }
            names.add(spec);
        }
        return names;
    }

    private static int nextBrace(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == '{' || text.charAt(i) == '}') {
                return text.charAt(i) == '{' ? i : closingWithoutOpening(i);
            }
        }
        return text.length();
    }

    private static int closingWithoutOpening(int index) {
        throw new IllegalArgumentException("the '}' at index " + index + " closes no expression");
    }

    /** RFC 6570 section 2.1 literals, and ASCII only (a URI has no other characters; percent-encode them). */
    private static void checkLiteral(String literal, int index) {
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c <= ' ' || c >= 0x7f || "\"'<>\\^`|".indexOf(c) >= 0) {
                throw new IllegalArgumentException("the character " + describe(c) + " at index " + (index + i)
                        + " is not allowed in a URI template; percent-encode it");
            }
            if (c == '%' && (i + 3 > literal.length()
                    || !PERCENT_ESCAPE.matcher(literal.substring(i, i + 3)).matches())) {
                throw new IllegalArgumentException("the '%' at index " + (index + i)
                        + " does not start a percent-encoded octet such as %20");
            }
        }
    }

    private static String describe(char c) {
        return c > ' ' && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
