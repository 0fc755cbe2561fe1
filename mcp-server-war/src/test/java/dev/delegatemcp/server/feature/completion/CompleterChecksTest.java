package dev.delegatemcp.server.feature.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.delegatemcp.api.completion.CompleteArgument;
import dev.delegatemcp.wire.mcp.CompletionReference;

import org.junit.jupiter.api.Test;

class CompleterChecksTest {

    /** Completers that are well formed but do not fit what is deployed, or each other. */
    public static class Misfits {

        @CompleteArgument(prompt = "code_review", argument = "language")
        public List<String> again(String typed) {
            return null;
        }

        @CompleteArgument(prompt = "no_such_prompt", argument = "x")
        public List<String> unknownPrompt(String typed) {
            return null;
        }

        @CompleteArgument(prompt = "code_review", argument = "colour")
        public List<String> unknownArgument(String typed) {
            return null;
        }

        @CompleteArgument(resourceTemplate = "db://{table}", argument = "table")
        public List<String> template(String typed) {
            return null;
        }
    }

    private static CompleterDefinition definition(Class<?> type, String name) {
        return CompleterDefinitionReader.read(type, Arrays.stream(type.getDeclaredMethods())
                .filter(m -> m.getName().equals(name)).findFirst().orElseThrow());
    }

    private static final List<CompleterDefinition> GOOD = Arrays.stream(TestCompleters.class.getDeclaredMethods())
            .filter(m -> m.isAnnotationPresent(CompleteArgument.class))
            .map(m -> definition(TestCompleters.class, m.getName())).toList();

    @Test
    void completersThatFitTheDeployedPromptsPass() {
        assertEquals(List.of(), CompleterChecks.duplicates(GOOD));
        assertEquals(List.of(), CompleterChecks.references(GOOD, List.of(TestCompleters.prompts())));
    }

    @Test
    void twoCompletersOfOneArgumentFailNamingBoth() {
        CompleterDefinition first = definition(TestCompleters.class, "languages");
        assertEquals(List.of("Completer method " + Misfits.class.getName() + "#again(String): argument 'language' of"
                + " the prompt 'code_review' is already completed by " + first.methodReference()),
                CompleterChecks.duplicates(List.of(first, definition(Misfits.class, "again"))));
    }

    @Test
    void aPromptThatDoesNotExistOrLacksTheArgumentFails() {
        assertEquals(List.of("Completer method " + Misfits.class.getName() + "#unknownPrompt(String): there is no"
                + " prompt 'no_such_prompt'",
                "Completer method " + Misfits.class.getName() + "#unknownArgument(String):"
                        + " the prompt 'code_review' has no argument 'colour' (it has: code, language, framework)"),
                CompleterChecks.references(List.of(definition(Misfits.class, "unknownPrompt"),
                        definition(Misfits.class, "unknownArgument")), List.of(TestCompleters.prompts())));
    }

    @Test
    void withNoFeatureAnsweringForPromptsEveryPromptCompleterFails() {
        assertEquals(List.of("Completer method " + Misfits.class.getName() + "#again(String): there is no prompt"
                + " 'code_review'"),
                CompleterChecks.references(List.of(definition(Misfits.class, "again")), List.of()));
    }

    @Test
    void aResourceTemplateIsCheckedOnlyWhenAFeatureAnswersForTemplates() {
        List<CompleterDefinition> template = List.of(definition(Misfits.class, "template"));
        assertEquals(List.of(), CompleterChecks.references(template, List.of(TestCompleters.prompts())));
        CompletionReferences none = new TestCompleters.Fixed(CompletionReference.RESOURCE_TEMPLATE, Map.of());
        assertEquals(List.of("Completer method " + Misfits.class.getName() + "#template(String): there is no resource"
                + " template 'db://{table}'"), CompleterChecks.references(template, List.of(none)));
        CompletionReferences other = new TestCompleters.Fixed(CompletionReference.RESOURCE_TEMPLATE,
                Map.of("db://{table}", new CompletionReferences.Referenced(List.of("schema"), Set.of())));
        assertEquals(List.of("Completer method " + Misfits.class.getName() + "#template(String): the resource template"
                + " 'db://{table}' has no variable 'table' (it has: schema)"),
                CompleterChecks.references(template, List.of(other)));
        CompletionReferences listed = new TestCompleters.Fixed(CompletionReference.RESOURCE_TEMPLATE,
                Map.of("db://{table}", new CompletionReferences.Referenced(List.of("table"), Set.of())));
        assertEquals(List.of(), CompleterChecks.references(template, List.of(listed)));
    }

    @Test
    void twoFeaturesAnsweringForOneReferenceTypeFail() {
        CompletionReferences again = new TestCompleters.Fixed(CompletionReference.PROMPT, Map.of());
        assertEquals(List.of("Completion: both " + TestCompleters.Fixed.class.getName() + " and "
                + TestCompleters.Fixed.class.getName() + " answer for ref/prompt"),
                CompleterChecks.references(List.of(), List.of(TestCompleters.prompts(), again)));
    }
}
