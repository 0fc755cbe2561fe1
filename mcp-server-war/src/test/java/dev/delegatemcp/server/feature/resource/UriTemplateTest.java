package dev.delegatemcp.server.feature.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class UriTemplateTest {

    private static Optional<Map<String, String>> match(String template, String uri) {
        return UriTemplate.parse(template).match(uri);
    }

    private static Map<String, String> values(String... nameValue) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            values.put(nameValue[i], nameValue[i + 1]);
        }
        return values;
    }

    private static String refusal(String template) {
        return assertThrows(IllegalArgumentException.class, () -> UriTemplate.parse(template)).getMessage();
    }

    // --- level 1 -------------------------------------------------------------------------------------------------

    @Test
    void aSimpleVariableMatchesOneSegmentBetweenLiterals() {
        assertEquals(Optional.of(values("id", "123")), match("test://template/{id}/data", "test://template/123/data"));
        assertEquals(List.of("id"), UriTemplate.parse("test://template/{id}/data").variables());
    }

    @Test
    void aSimpleVariableDoesNotMatchASlashAQueryOrAFragment() {
        assertTrue(match("test://template/{id}/data", "test://template/1/2/data").isEmpty());
        assertTrue(match("test://item/{id}", "test://item/1?x=2").isEmpty());
        assertTrue(match("test://item/{id}", "test://item/1#top").isEmpty());
    }

    @Test
    void aSimpleVariableNeedsAtLeastOneCharacter() {
        assertTrue(match("test://template/{id}/data", "test://template//data").isEmpty());
    }

    @Test
    void literalsMustMatchExactlyAndWhollyIncludingTheirCase() {
        assertTrue(match("test://template/{id}/data", "test://template/1/data/more").isEmpty());
        assertTrue(match("test://template/{id}/data", "prefix-test://template/1/data").isEmpty());
        assertTrue(match("test://template/{id}/data", "TEST://template/1/data").isEmpty());
        assertTrue(match("test://a.b/{id}", "test://aXb/1").isEmpty(), "a dot in a literal is not a regex wildcard");
    }

    @Test
    void valuesArePercentDecodedAsUtf8AndAPlusStaysAPlus() {
        assertEquals(Optional.of(values("name", "a b/ü+c")), match("test://n/{name}", "test://n/a%20b%2F%C3%BC+c"));
    }

    @Test
    void aMalformedOrNonUtf8EscapeOrACharacterOutsideUrisMeansNoMatch() {
        assertTrue(match("test://n/{name}", "test://n/a%2").isEmpty());
        assertTrue(match("test://n/{name}", "test://n/a%zz").isEmpty());
        assertTrue(match("test://n/{name}", "test://n/%C3").isEmpty());
        assertTrue(match("test://n/{name}", "test://n/a b").isEmpty());
        assertTrue(match("test://n/{name}", "test://n/ü").isEmpty());
    }

    @Test
    void severalVariablesBetweenLiteralsAreEachBound() {
        assertEquals(Optional.of(values("owner", "acme", "repo", "mcp")),
                match("git://{owner}/{repo}/readme", "git://acme/mcp/readme"));
    }

    @Test
    void withALiteralBetweenTwoVariablesTheFirstTakesAsMuchAsItCan() {
        assertEquals(Optional.of(values("a", "x.y", "b", "z")), match("test://{a}.{b}", "test://x.y.z"));
    }

    // --- level 2 and 3 operators -----------------------------------------------------------------------------------

    @Test
    void aReservedVariableSpansSlashes() {
        assertEquals(Optional.of(values("path", "src/main/App.java")),
                match("file:///{+path}", "file:///src/main/App.java"));
        assertEquals(Optional.of(values("path", "docs/a b")), match("file:///{+path}/edit", "file:///docs/a%20b/edit"));
        assertTrue(match("file:///{+path}", "file:///a?b").isEmpty());
    }

    @Test
    void pathSegmentAndLabelExpressionsCarryTheirLeadingCharacter() {
        assertEquals(Optional.of(values("dir", "reports", "file", "q3", "ext", "pdf")),
                match("test://files{/dir}{/file}{.ext}", "test://files/reports/q3.pdf"));
        assertTrue(match("test://files{/dir}{/file}{.ext}", "test://files/reports/q3").isEmpty());
        assertTrue(match("test://files{/dir}", "test://files").isEmpty(), "a path variable is required");
    }

    @Test
    void whereAValueCouldEndInSeveralPlacesTheEarlierExpressionTakesAsMuchAsItCan() {
        assertEquals(Optional.of(values("dir", "a/b", "name", "c")), match("file:///{+dir}{/name}", "file:///a/b/c"));
        assertEquals(Optional.of(values("name", "archive.tar", "ext", "gz")),
                match("test://f/{name}{.ext}", "test://f/archive.tar.gz"));
    }

    @Test
    void queryVariablesAreOptionalAndMatchInAnyOrder() {
        String template = "test://search{?q,limit}";
        assertEquals(Optional.of(values("q", "mcp java", "limit", "5")),
                match(template, "test://search?q=mcp%20java&limit=5"));
        assertEquals(Optional.of(values("q", "x", "limit", "5")), match(template, "test://search?limit=5&q=x"));
        assertEquals(Optional.of(values("q", null, "limit", "5")), match(template, "test://search?limit=5"));
        assertEquals(Optional.of(values("q", null, "limit", null)), match(template, "test://search"));
        assertEquals(Optional.of(values("q", "", "limit", null)), match(template, "test://search?q="));
        assertTrue(UriTemplate.parse(template).isOptional("q"));
    }

    @Test
    void aQueryWithAnUnknownOrRepeatedOrValuelessParameterDoesNotMatch() {
        String template = "test://search{?q,limit}";
        assertTrue(match(template, "test://search?q=a&page=2").isEmpty());
        assertTrue(match(template, "test://search?q=a&q=b").isEmpty());
        assertTrue(match(template, "test://search?q").isEmpty());
        assertTrue(match(template, "test://search/more?q=a").isEmpty());
    }

    @Test
    void aContinuationFollowsALiteralQuery() {
        assertEquals(Optional.of(values("lang", "en")), match("test://docs?v=2{&lang}", "test://docs?v=2&lang=en"));
        assertEquals(Optional.of(values("lang", null)), match("test://docs?v=2{&lang}", "test://docs?v=2"));
        assertEquals(Optional.of(values("q", "a", "lang", "en")),
                match("test://docs{?q}{&lang}", "test://docs?q=a&lang=en"));
    }

    @Test
    void aFragmentVariableIsOptionalAndMayHoldSlashesAndQuestionMarks() {
        String template = "test://page/{id}{#section}";
        assertEquals(Optional.of(values("id", "7", "section", "a/b?c")), match(template, "test://page/7#a/b?c"));
        assertEquals(Optional.of(values("id", "7", "section", null)), match(template, "test://page/7"));
        assertEquals(Optional.of(values("id", "7", "q", "x", "section", "top")),
                match("test://page/{id}{?q}{#section}", "test://page/7?q=x#top"));
        assertTrue(UriTemplate.parse(template).isOptional("section"));
        assertFalse(UriTemplate.parse(template).isOptional("id"));
    }

    // --- refused at deployment -----------------------------------------------------------------------------------

    @Test
    void level4ModifiersAreRefusedWithTheReason() {
        assertTrue(refusal("test://{id:3}").contains("prefix :n or explode *"));
        assertTrue(refusal("test://x{/path*}").contains("prefix :n or explode *"));
    }

    @Test
    void pathStyleAndReservedOperatorsAreRefused() {
        assertTrue(refusal("test://x{;v}").contains("path-style"));
        assertTrue(refusal("test://x{=v}").contains("reserved by RFC 6570"));
        assertTrue(refusal("test://x{|v}").contains("reserved by RFC 6570"));
    }

    @Test
    void expressionsThatCannotBeToldApartAreRefused() {
        assertTrue(refusal("test://{a}{b}").contains("{a} and {b} cannot be told apart"));
        assertTrue(refusal("test://{a}{+b}").contains("cannot be told apart"));
        assertTrue(refusal("test://{+a}{b}").contains("cannot be told apart"));
        assertTrue(refusal("test://x/{a}{&b}").contains("must follow a literal query"));
        UriTemplate.parse("test://x{/a}{/b}{.c}{.d}{?e}{#f}");
    }

    @Test
    void severalVariablesInOneNonQueryExpressionAreRefused() {
        assertTrue(refusal("test://x/{a,b}").contains("several variables"));
        assertTrue(refusal("test://x{/a,b}").contains("several variables"));
    }

    @Test
    void queryAndFragmentExpressionsMustComeLast() {
        assertTrue(refusal("test://x{?a}/more").contains("must come last"));
        assertTrue(refusal("test://x{?a}{/b}").contains("only {?...}, {&...} and {#...} may"));
        assertTrue(refusal("test://x{#a}{?b}").contains("nothing may follow the fragment"));
    }

    @Test
    void malformedTemplatesAreRefusedSayingWhere() {
        assertTrue(refusal("test://x/{id").contains("index 9 is not closed"));
        assertTrue(refusal("test://x/{a{b}}").contains("not closed"));
        assertTrue(refusal("test://x/id}").contains("'}' at index 11 closes no expression"));
        assertTrue(refusal("test://x/{}").contains("is empty"));
        assertTrue(refusal("test://x/{a-b}").contains("'a-b'"));
        assertTrue(refusal("test://x/{a}/{a}").contains("'a' appears twice"));
        assertTrue(refusal("test://x y/{a}").contains("U+0020 at index 8"));
        assertTrue(refusal("test://ü/{a}").contains("U+00FC"));
        assertTrue(refusal("test://x%2/{a}").contains("percent-encoded"));
    }

    @Test
    void aTemplateNeedsASchemeAndAVariable() {
        assertTrue(refusal("{scheme}://x").contains("start with a scheme"));
        assertTrue(refusal("/relative/{a}").contains("start with a scheme"));
        assertTrue(refusal("test://fixed").contains("no variable"));
        assertTrue(refusal("").contains("empty"));
    }

    @Test
    void specificityCountsLiteralCharacters() {
        assertEquals("test:///data".length(), UriTemplate.parse("test://{a}/data").literalCharacters());
        assertEquals("file:///".length(), UriTemplate.parse("file:///{+path}").literalCharacters());
    }

    @Test
    void theMcpConformanceTemplateMatchesItsExampleUri() {
        assertEquals(Optional.of(values("id", "abc-123")),
                match("test://template/{id}/data", "test://template/abc-123/data"));
    }
}
