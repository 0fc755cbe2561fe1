package dev.delegatemcp.server.feature.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class UriTemplatesTest {

    @Test
    void theVariablesOfEachLevelOfRfc6570AreFoundOnceInOrder() {
        assertEquals(List.of("path"), UriTemplates.variables("file:///{path}"));
        assertEquals(List.of("base", "q", "lang"), UriTemplates.variables("{+base}/search{?q,lang}"));
        assertEquals(List.of("segments", "frag"), UriTemplates.variables("x{/segments*}{#frag:3}"));
        assertEquals(List.of("user.name", "a%20b", "x"),
                UriTemplates.variables("db://{user.name}/{a%20b}/{;x}{&x}{.x}"));
        assertEquals(List.of(), UriTemplates.variables("test://static/resource%20one"));
    }

    @Test
    void aMalformedTemplateIsRefusedSayingWhatAndWhere() {
        assertEquals("the expression at position 7 is not closed with '}'", problem("file://{path"));
        assertEquals("the '}' at position 4 closes no expression", problem("file}"));
        assertEquals("the '%' at position 1 is not followed by two hex digits", problem("a%2g"));
        assertEquals("the character ' ' at position 1 may not appear outside an expression", problem("a b{x}"));
        assertEquals("the expression {} is not an RFC 6570 expression (an optional operator of + # . / ; ? &, then"
                + " variable names separated by ',')", problem("x{}"));
        for (String template : List.of("{=x}", "{!x}", "{x:0}", "{x:10000}", "{a..b}", "{x,}", "{x-y}", "{{x}}")) {
            assertThrows(IllegalArgumentException.class, () -> UriTemplates.variables(template), template);
        }
    }

    private static String problem(String template) {
        return assertThrows(IllegalArgumentException.class, () -> UriTemplates.variables(template)).getMessage();
    }
}
