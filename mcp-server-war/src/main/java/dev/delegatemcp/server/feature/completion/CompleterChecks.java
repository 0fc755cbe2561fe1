package dev.delegatemcp.server.feature.completion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.delegatemcp.wire.mcp.CompletionReference;

/**
 * The deployment checks of completers against one another and against what the other features deployed: no argument
 * has two completers; the prompt (or resource template) each names exists and has that argument; one
 * {@link CompletionReferences} bean per reference type. Each problem names the method.
 */
final class CompleterChecks {

    private CompleterChecks() {
    }

    /** A problem for each completer of an argument an earlier one already completes. */
    static List<String> duplicates(List<CompleterDefinition> completers) {
        List<String> problems = new ArrayList<>();
        Map<CompletionTarget, CompleterDefinition> byTarget = new HashMap<>();
        for (CompleterDefinition completer : completers) {
            CompleterDefinition other = byTarget.putIfAbsent(completer.target(), completer);
            if (other != null) {
                problems.add("Completer method " + completer.methodReference() + ": " + completer.target()
                        + " is already completed by " + other.methodReference());
            }
        }
        return problems;
    }

    /**
     * A problem for each completer whose prompt (or resource template) does not exist or lacks the argument, and for
     * each reference type two beans answer for. A resource template is checked only when a bean answers for
     * {@code ref/resource}.
     */
    static List<String> references(List<CompleterDefinition> completers, Iterable<CompletionReferences> beans) {
        List<String> problems = new ArrayList<>();
        Map<String, CompletionReferences> byType = new LinkedHashMap<>();
        for (CompletionReferences bean : beans) {
            CompletionReferences other = byType.putIfAbsent(bean.type(), bean);
            if (other != null) {
                problems.add("Completion: both " + other.getClass().getName() + " and " + bean.getClass().getName()
                        + " answer for " + bean.type());
            }
        }
        for (CompleterDefinition completer : completers) {
            CompletionTarget target = completer.target();
            CompletionReferences references = byType.get(target.type());
            if (references == null && CompletionReference.RESOURCE_TEMPLATE.equals(target.type())) {
                continue; // no feature lists resource templates yet: the reader checked the URI template itself
            }
            Optional<CompletionReferences.Referenced> referenced = references == null ? Optional.empty()
                    : references.find(target.key());
            String where = "Completer method " + completer.methodReference() + ": ";
            if (referenced.isEmpty()) {
                problems.add(where + "there is no " + target.referenced().substring("the ".length()));
            } else if (!referenced.get().arguments().contains(target.argument())) {
                List<String> arguments = referenced.get().arguments();
                problems.add(where + target.referenced() + " has no "
                        + (CompletionReference.PROMPT.equals(target.type()) ? "argument '" : "variable '")
                        + target.argument() + "' (it has: " + (arguments.isEmpty() ? "none" : String.join(", ",
                                arguments))
                        + ")");
            }
        }
        return problems;
    }
}
