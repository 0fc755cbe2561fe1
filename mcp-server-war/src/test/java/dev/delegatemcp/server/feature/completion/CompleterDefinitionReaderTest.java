package dev.delegatemcp.server.feature.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.delegatemcp.api.completion.CompleteArgument;
import dev.delegatemcp.api.completion.Completion;
import dev.delegatemcp.wire.mcp.CompletionReference;

import org.junit.jupiter.api.Test;

class CompleterDefinitionReaderTest {

    /** Completer methods that cannot be served, each for one reason. */
    public static class BadCompleters {

        @CompleteArgument(prompt = "p", resourceTemplate = "file:///{x}", argument = "x")
        public List<String> both(String typed) {
            return null;
        }

        @CompleteArgument(argument = "x")
        public List<String> neither(String typed) {
            return null;
        }

        @CompleteArgument(prompt = "p", argument = "")
        public List<String> noArgument(String typed) {
            return null;
        }

        @CompleteArgument(resourceTemplate = "file:///{path", argument = "path")
        public List<String> malformedTemplate(String typed) {
            return null;
        }

        @CompleteArgument(resourceTemplate = "file:///{root}/{path}", argument = "name")
        public List<String> notAVariable(String typed) {
            return null;
        }

        @CompleteArgument(prompt = "p", argument = "x")
        List<String> notPublic(String typed) {
            return null;
        }

        @CompleteArgument(prompt = "p", argument = "x")
        public String oneString(String typed) {
            return null;
        }

        @CompleteArgument(prompt = "p", argument = "x")
        public List<Integer> numbers(String typed) {
            return null;
        }

        @CompleteArgument(prompt = "p", argument = "x")
        public List<String> number(String typed, int limit) {
            return null;
        }

        @CompleteArgument(prompt = "p", argument = "x")
        public List<String> objects(String typed, Map<String, Object> resolved) {
            return null;
        }

        @CompleteArgument(prompt = "p", argument = "x")
        public List<String> twoStrings(String typed, String other) {
            return null;
        }

        @CompleteArgument(prompt = "p", argument = "x")
        public Completion noValue(Map<String, String> resolved) {
            return null;
        }
    }

    private static Method method(Class<?> type, String name) {
        return Arrays.stream(type.getDeclaredMethods()).filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow();
    }

    private static String problem(String name) {
        return assertThrows(InvalidCompleterException.class,
                () -> CompleterDefinitionReader.read(BadCompleters.class, method(BadCompleters.class, name)))
                .getMessage();
    }

    private static CompleterDefinition read(String name) {
        return CompleterDefinitionReader.read(TestCompleters.class, method(TestCompleters.class, name));
    }

    @Test
    void aPromptCompleterNamesItsPromptAndArgumentAndTakesTheValue() {
        CompleterDefinition languages = read("languages");
        assertEquals(new CompletionTarget(CompletionReference.PROMPT, "code_review", "language"), languages.target());
        assertEquals(List.of(new CompleterParameter.Value()), languages.parameters());
    }

    @Test
    void theCallerAndTheResolvedArgumentsMayBeTakenInAnyOrder() {
        assertEquals(List.of(new CompleterParameter.Caller(), new CompleterParameter.Value(),
                new CompleterParameter.Arguments()), read("frameworks").parameters());
        assertEquals(List.of(new CompleterParameter.Arguments(), new CompleterParameter.Value()),
                read("paths").parameters());
    }

    @Test
    void credentialParametersAreLeftToTheDownstreamInterceptor() {
        assertEquals(List.of(new CompleterParameter.Credential(), new CompleterParameter.Value()),
                read("customers").parameters());
    }

    @Test
    void aTemplateCompleterNamesTheUriTemplateAndOneOfItsVariables() {
        assertEquals(new CompletionTarget(CompletionReference.RESOURCE_TEMPLATE, "file:///{root}/{path}", "path"),
                read("paths").target());
        assertEquals("variable 'path' of the resource template 'file:///{root}/{path}'", read("paths").target()
                .toString());
    }

    @Test
    void exactlyOneOfPromptAndResourceTemplateAndAnArgumentAreNeeded() {
        assertEquals("Completer method " + BadCompleters.class.getName() + "#both(String): set exactly one of prompt"
                + " and resourceTemplate on @CompleteArgument", problem("both"));
        assertEquals("Completer method " + BadCompleters.class.getName() + "#neither(String): set exactly one of"
                + " prompt and resourceTemplate on @CompleteArgument", problem("neither"));
        assertEquals("Completer method " + BadCompleters.class.getName() + "#noArgument(String): @CompleteArgument"
                + " needs the argument's name", problem("noArgument"));
    }

    @Test
    void aMalformedUriTemplateOrOneWithoutTheVariableFailsTheDeployment() {
        assertEquals("Completer method " + BadCompleters.class.getName() + "#malformedTemplate(String): the URI"
                + " template 'file:///{path' is malformed: the expression at position 8 is not closed with '}'",
                problem("malformedTemplate"));
        assertEquals("Completer method " + BadCompleters.class.getName() + "#notAVariable(String): the URI template"
                + " 'file:///{root}/{path}' has no variable 'name' (its variables: root, path)",
                problem("notAVariable"));
    }

    @Test
    void anUnsupportedSignatureFailsNamingTheMethodAndWhatIsWrong() {
        String prefix = "Completer method " + BadCompleters.class.getName() + "#";
        assertEquals(prefix + "notPublic(String): a completer method must be public and not static",
                problem("notPublic"));
        assertEquals(prefix + "oneString(String): the return type java.lang.String is unsupported; return"
                + " List<String> or Completion", problem("oneString"));
        assertEquals(prefix + "numbers(String): the return type java.util.List<java.lang.Integer> is unsupported;"
                + " return List<String> or Completion", problem("numbers"));
        assertEquals(prefix + "number(String, int): parameter 'limit' has the unsupported type int; a completer takes"
                + " a String (the value typed), and may take a Map<String, String> (the resolved arguments), an"
                + " McpCaller and credentials of @Downstream", problem("number"));
        assertEquals(prefix + "objects(String, Map): parameter 'resolved' has the unsupported type"
                + " java.util.Map<java.lang.String, java.lang.Object>; a completer takes a String (the value typed),"
                + " and may take a Map<String, String> (the resolved arguments), an McpCaller and credentials of"
                + " @Downstream", problem("objects"));
        assertEquals(prefix + "twoStrings(String, String): it has two parameters of type String (the value typed)",
                problem("twoStrings"));
        assertEquals(prefix + "noValue(Map): it has no String parameter to receive the value typed",
                problem("noValue"));
    }
}
