package dev.delegatemcp.server.feature.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.delegatemcp.api.Content;
import dev.delegatemcp.api.prompt.Prompt;
import dev.delegatemcp.api.prompt.PromptArg;
import dev.delegatemcp.wire.mcp.PromptArgument;

import org.junit.jupiter.api.Test;

class PromptDefinitionReaderTest {

    /** Prompt methods that cannot be served, each for one reason. */
    public static class BadPrompts {

        @Prompt(name = "not a valid name!")
        public String badName() {
            return "";
        }

        @Prompt
        String notPublic() {
            return "";
        }

        @Prompt
        public static String isStatic() {
            return "";
        }

        @Prompt
        public String numberArgument(int count) {
            return "";
        }

        @Prompt
        public String listArgument(List<String> tags) {
            return "";
        }

        @Prompt
        public String optionalNumber(Optional<Integer> count) {
            return "";
        }

        @Prompt
        public String sameName(@PromptArg(name = "x") String a, @PromptArg(name = "x") String b) {
            return "";
        }

        @Prompt
        public void nothing() {
        }

        @Prompt
        public Content content() {
            return null;
        }

        @Prompt
        public List<String> texts() {
            return null;
        }

        @Prompt
        public Object anything() {
            return null;
        }

        @Prompt(name = "twice")
        public String first() {
            return "";
        }

        @Prompt(name = "twice")
        public String second() {
            return "";
        }
    }

    private static Method method(Class<?> type, String name) {
        return Arrays.stream(type.getDeclaredMethods()).filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow();
    }

    private static PromptDefinition read(String name) {
        return PromptDefinitionReader.read(TestPrompts.class, method(TestPrompts.class, name));
    }

    private static String problem(String name) {
        return assertThrows(InvalidPromptException.class,
                () -> PromptDefinitionReader.read(BadPrompts.class, method(BadPrompts.class, name))).getMessage();
    }

    @Test
    void aPromptHasItsNameTitleDescriptionScopesAndArgumentsInParameterOrder() {
        PromptDefinition review = read("review");
        assertEquals("code_review", review.name());
        assertEquals(Set.of("code.read"), review.requiredScopes());
        assertEquals(new dev.delegatemcp.wire.mcp.Prompt("code_review", "Request Code Review",
                "Asks for a review of code.",
                List.of(new PromptArgument("code", "Code", "The code to review", true),
                        new PromptArgument("language", null, "Its language", false),
                        new PromptArgument("focus", null, null, false))),
                review.descriptor());
        assertEquals(List.of(new PromptParameter.Caller(), new PromptParameter.Argument("code", true, false),
                new PromptParameter.Argument("language", false, true),
                new PromptParameter.Argument("focus", false, false)), review.parameters());
        assertEquals(List.of("code", "language", "focus"), review.argumentNames());
    }

    @Test
    void theNameDefaultsToTheMethodsAndTheDescriptionToTheNameAndNoArgumentsIsAnEmptyList() {
        PromptDefinition simple = read("simple");
        assertEquals(new dev.delegatemcp.wire.mcp.Prompt("simple", null, "simple", List.of()), simple.descriptor());
        assertEquals(Set.of(), simple.requiredScopes());
    }

    @Test
    void anUnannotatedStringParameterIsARequiredArgumentNamedAfterIt() {
        assertEquals(
                List.of(new PromptArgument("arg1", null, null, true), new PromptArgument("arg2", null, null, true)),
                read("withArguments").descriptor().arguments());
    }

    @Test
    void credentialParametersAreLeftToTheDownstreamInterceptorAndAreNotArguments() {
        PromptDefinition agenda = read("agenda");
        assertEquals(List.of(new PromptParameter.Credential(), new PromptParameter.Argument("day", true, false)),
                agenda.parameters());
        assertEquals(List.of("day"), agenda.argumentNames());
    }

    @Test
    void eachSupportedReturnTypeIsAccepted() {
        for (String name : List.of("simple", "oneMessage", "everyContent", "review")) {
            assertEquals(name, read(name).method().getName());
        }
    }

    @Test
    void anInvalidNameFailsNamingTheMethodAndTheRule() {
        assertEquals("Prompt method " + BadPrompts.class.getName() + "#badName(): the prompt name 'not a valid name!'"
                + " is invalid; use 1 to 128 characters of A-Z, a-z, 0-9, '_', '-' and '.'", problem("badName"));
    }

    @Test
    void aMethodThatIsNotPublicOrIsStaticFails() {
        assertTrue(problem("notPublic").endsWith("#notPublic(): a prompt method must be public and not static"));
        assertTrue(problem("isStatic").endsWith("#isStatic(): a prompt method must be public and not static"));
    }

    @Test
    void anArgumentThatIsNotAStringFailsNamingTheParameterAndItsType() {
        assertEquals("Prompt method " + BadPrompts.class.getName() + "#numberArgument(int): parameter 'count' has the"
                + " unsupported type int; prompt arguments are strings: declare String or Optional<String> (or"
                + " McpCaller for the caller, McpRequest for the request, or a credential of @Downstream)",
                problem("numberArgument"));
        assertTrue(problem("listArgument").contains("parameter 'tags' has the unsupported type java.util.List<"
                + "java.lang.String>"));
        assertTrue(problem("optionalNumber").contains("java.util.Optional<java.lang.Integer>"));
    }

    @Test
    void twoArgumentsOfOneNameFail() {
        assertTrue(problem("sameName").endsWith("#sameName(String, String): two parameters are named 'x'"));
    }

    @Test
    void anUnsupportedReturnTypeFailsSayingWhatToReturn() {
        assertEquals("Prompt method " + BadPrompts.class.getName() + "#nothing(): the return type void is unsupported;"
                + " return String, PromptMessage, List<PromptMessage> or PromptResponse", problem("nothing"));
        assertTrue(problem("content").contains("the return type dev.delegatemcp.api.Content is unsupported"));
        assertTrue(problem("texts").contains("the return type java.util.List<java.lang.String> is unsupported"));
        assertTrue(problem("anything").contains("the return type java.lang.Object is unsupported"));
    }

    @Test
    void aNameTwoMethodsUseFailsNamingBoth() {
        List<PromptDefinition> definitions = List.of(
                PromptDefinitionReader.read(BadPrompts.class, method(BadPrompts.class, "first")),
                PromptDefinitionReader.read(BadPrompts.class, method(BadPrompts.class, "second")),
                read("simple"));
        assertEquals(List.of("Prompt method " + BadPrompts.class.getName() + "#second(): the prompt name 'twice' is"
                + " already used by " + BadPrompts.class.getName() + "#first()"),
                PromptExtension.duplicateNames(definitions));
    }
}
