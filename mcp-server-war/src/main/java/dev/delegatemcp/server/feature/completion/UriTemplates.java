package dev.delegatemcp.server.feature.completion;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The syntax of a URI template (RFC 6570, section 2) and its variables' names, so that a completer of a resource
 * template's variable is checked at deployment before the resources feature tells which templates exist.
 * <p>
 * Hand-written because nothing here needs more than the grammar, and the Java libraries for RFC 6570 expand templates
 * without giving their variables' names (vertx-uri-template's {@code UriTemplate} has only {@code of} and
 * {@code expandToString}; std-uritemplate only expands). The resources feature, which matches URIs against templates,
 * owns the full treatment and reports the variables through {@link CompletionReferences}.
 */
public final class UriTemplates {

    /** An expression's body: optional operator, then varspecs (varname, optional prefix or explode modifier). */
    private static final String VARCHAR = "(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})";
    private static final String VARNAME = VARCHAR + "(?:\\.?" + VARCHAR + ")*";
    private static final String VARSPEC = VARNAME + "(?::[1-9][0-9]{0,3}|\\*)?";
    private static final Pattern EXPRESSION = Pattern.compile("[+#./;?&]?" + VARSPEC + "(?:," + VARSPEC + ")*");
    private static final Pattern MODIFIER = Pattern.compile("(?::[0-9]+|\\*)$");
    /** Characters a literal may not hold (RFC 6570 section 2.1), besides controls, braces and a bare '%'. */
    private static final String NOT_LITERAL = " \"'<>\\^`|";

    private UriTemplates() {
    }

    /**
     * The names of the template's variables, each once, in order of appearance.
     *
     * @throws IllegalArgumentException saying what is malformed and where
     */
    public static List<String> variables(String template) {
        Set<String> names = new LinkedHashSet<>();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{') {
                int end = template.indexOf('}', i);
                if (end < 0) {
                    throw new IllegalArgumentException("the expression at position " + i + " is not closed with '}'");
                }
                String body = template.substring(i + 1, end);
                if (!EXPRESSION.matcher(body).matches()) {
                    throw new IllegalArgumentException("the expression {" + body + "} is not an RFC 6570 expression"
                            + " (an optional operator of + # . / ; ? &, then variable names separated by ',')");
                }
                String list = "+#./;?&".indexOf(body.charAt(0)) >= 0 ? body.substring(1) : body;
                for (String varspec : list.split(",")) {
                    names.add(MODIFIER.matcher(varspec).replaceFirst(""));
                }
                i = end + 1;
            } else if (c == '}') {
                throw new IllegalArgumentException("the '}' at position " + i + " closes no expression");
            } else if (c == '%') {
                if (i + 2 >= template.length() || !isHex(template.charAt(i + 1)) || !isHex(template.charAt(i + 2))) {
                    throw new IllegalArgumentException("the '%' at position " + i + " is not followed by two hex"
                            + " digits");
                }
                i += 3;
            } else if (Character.isISOControl(c) || NOT_LITERAL.indexOf(c) >= 0) {
                throw new IllegalArgumentException("the character '" + c + "' at position " + i
                        + " may not appear outside an expression");
            } else {
                i++;
            }
        }
        return new ArrayList<>(names);
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
