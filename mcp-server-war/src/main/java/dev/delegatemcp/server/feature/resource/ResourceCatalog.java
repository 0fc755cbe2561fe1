package dev.delegatemcp.server.feature.resource;

import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.resource.ResourceContents;
import dev.delegatemcp.api.resource.ResourceDefinition;
import dev.delegatemcp.wire.mcp.Resource;
import dev.delegatemcp.wire.mcp.ResourceTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Every resource the server serves: the annotated ones found at deployment and those the application added since
 * ({@link dev.delegatemcp.api.resource.McpResources}), and the resource templates. Finds what a URI names: a fixed
 * resource first (annotated or added), then the templates in their matching order, the first whose template matches
 * and whose variables convert to their parameters' types.
 * <p>
 * Templates are tried most specific first, by JAX-RS's rule for URI templates (Jakarta RESTful Web Services 3.1,
 * section 3.7.2): more literal characters first, then more variables, then by template text. CDI reports beans and
 * their methods in no defined order, so the order of declaration cannot be used; the same order is that of
 * {@code resources/templates/list}. {@code resources/list} is ordered by URI.
 */
@ApplicationScoped
public class ResourceCatalog {

    /** Produces what a resource's read returns, from its bound arguments. */
    @FunctionalInterface
    public interface ContentsSource {
        Object produce(Object[] arguments) throws Throwable;
    }

    /** A resource declaration and how to call it. */
    public record Declared(ResourceDeclaration declaration, ContentsSource source) {
    }

    /**
     * A readable resource found for a URI.
     *
     * @param label the declared URI or template and where it comes from, for the operator's log (no caller data)
     * @param scopes the scopes the caller needs to read or subscribe
     * @param parameters how to fill the method's parameters
     * @param variables the template's variables converted to their parameters' types (empty for a fixed resource)
     * @param shape how the returned value becomes contents
     * @param mimeType the declared MIME type, or null
     * @param source what produces the value
     */
    public record Resolved(String label, Set<String> scopes, List<ResourceParameter> parameters,
            Map<String, Object> variables, ReturnShape shape, String mimeType, ContentsSource source) {
    }

    /** A resource at a fixed URI, annotated or added. */
    private record FixedEntry(Resource descriptor, Set<String> scopes, List<ResourceParameter> parameters,
            ReturnShape shape, String label, ContentsSource source) {
    }

    private record TemplateEntry(ResourceDeclaration.Templated declaration, ContentsSource source) {
    }

    private static final Comparator<TemplateEntry> MOST_SPECIFIC_FIRST = Comparator
            .comparingInt((TemplateEntry entry) -> -entry.declaration().template().literalCharacters())
            .thenComparingInt(entry -> -entry.declaration().template().variables().size())
            .thenComparing(entry -> entry.declaration().template().text());

    private final Map<String, FixedEntry> annotated;
    private final ConcurrentSkipListMap<String, FixedEntry> added = new ConcurrentSkipListMap<>();
    private final List<TemplateEntry> templates;

    /** For CDI proxies only. */
    protected ResourceCatalog() {
        annotated = Map.of();
        templates = List.of();
    }

    @Inject
    public ResourceCatalog(ResourceExtension extension, ResourceInvoker invoker) {
        this(extension.resources().stream().map(found -> new Declared(found.declaration(),
                arguments -> invoker.invoke(found.bean(), found.declaration(), arguments))).toList());
    }

    /** @param declared the annotated resources and templates, with distinct URIs and template texts */
    public ResourceCatalog(List<Declared> declared) {
        Map<String, FixedEntry> fixed = new TreeMap<>();
        Map<String, TemplateEntry> byTemplate = new HashMap<>();
        for (Declared item : declared) {
            ResourceDeclaration declaration = item.declaration();
            if (declaration instanceof ResourceDeclaration.Fixed resource) {
                fixed.put(resource.descriptor().uri(), new FixedEntry(resource.descriptor(), resource.scopes(),
                        resource.parameters(), resource.returns(), label(resource), item.source()));
            } else {
                ResourceDeclaration.Templated template = (ResourceDeclaration.Templated) declaration;
                byTemplate.put(template.declared(), new TemplateEntry(template, item.source()));
            }
        }
        annotated = Collections.unmodifiableMap(fixed);
        templates = byTemplate.values().stream().sorted(MOST_SPECIFIC_FIRST).toList();
    }

    /** The resources this caller may see (its token carries every scope they need), by URI. */
    public List<Resource> visibleResources(McpCaller caller) {
        return Stream.concat(annotated.values().stream(), added.values().stream())
                .filter(entry -> caller.scopes().containsAll(entry.scopes())).map(FixedEntry::descriptor)
                .sorted(Comparator.comparing(Resource::uri)).toList();
    }

    /** The template declared with exactly this text, whoever asks. */
    public Optional<ResourceDeclaration.Templated> template(String declaredText) {
        return templates.stream().map(TemplateEntry::declaration)
                .filter(declaration -> declaration.declared().equals(declaredText)).findFirst();
    }

    /** The templates this caller may see, in matching order. */
    public List<ResourceTemplate> visibleTemplates(McpCaller caller) {
        return templates.stream().map(TemplateEntry::declaration)
                .filter(declaration -> caller.scopes().containsAll(declaration.scopes()))
                .map(ResourceDeclaration.Templated::descriptor).toList();
    }

    /**
     * What the URI names, whoever asks (scopes are the caller's to check: a resource the caller may not read is
     * answered 403, not "not found").
     *
     * @return empty when no resource has the URI and no template matches it
     */
    public Optional<Resolved> resolve(String uri) {
        FixedEntry fixed = annotated.get(uri);
        if (fixed == null) {
            fixed = added.get(uri);
        }
        if (fixed != null) {
            return Optional.of(new Resolved(fixed.label(), fixed.scopes(), fixed.parameters(), Map.of(),
                    fixed.shape(), fixed.descriptor().mimeType(), fixed.source()));
        }
        for (TemplateEntry entry : templates) {
            Optional<Map<String, Object>> variables = entry.declaration().template().match(uri)
                    .flatMap(values -> convert(entry.declaration(), values));
            if (variables.isPresent()) {
                ResourceDeclaration.Templated declaration = entry.declaration();
                return Optional.of(new Resolved(label(declaration), declaration.scopes(), declaration.parameters(),
                        variables.get(), declaration.returns(), declaration.mimeType(), entry.source()));
            }
        }
        return Optional.empty();
    }

    /**
     * Adds a resource at run time.
     *
     * @throws IllegalArgumentException when its URI, name or MIME type is invalid or its URI is taken
     */
    public void add(ResourceDefinition definition, Supplier<List<ResourceContents>> contents) {
        Objects.requireNonNull(contents, "contents");
        String uri = definition.uri();
        Optional<String> problem = ResourceChecks.uriProblem(uri)
                .or(() -> ResourceChecks.mimeTypeProblem(definition.mimeType()))
                .or(() -> definition.name().isBlank() ? Optional.of("the name is blank") : Optional.empty())
                .or(() -> definition.size() != null && definition.size() < 0
                        ? Optional.of("the size " + definition.size() + " is negative") : Optional.empty());
        if (problem.isPresent()) {
            throw new IllegalArgumentException("Cannot add the resource " + uri + ": " + problem.get());
        }
        Resource descriptor = new Resource(uri, definition.name(), emptyToNull(definition.title()),
                emptyToNull(definition.description()), emptyToNull(definition.mimeType()), definition.size());
        FixedEntry entry = new FixedEntry(descriptor, definition.scopes(), List.of(), ReturnShape.CONTENTS_LIST,
                uri + " (added at run time)", arguments -> contents.get());
        if (annotated.containsKey(uri) || added.putIfAbsent(uri, entry) != null) {
            throw new IllegalArgumentException("Cannot add the resource " + uri
                    + ": a resource with that URI exists already" + (annotated.containsKey(uri)
                            ? " (" + annotated.get(uri).label() + ")" : "; remove it first"));
        }
    }

    /** Removes a resource added at run time; returns whether there was one (annotated resources stay). */
    public boolean remove(String uri) {
        return uri != null && added.remove(uri) != null;
    }

    /** The template's variables converted to their parameters' types; empty when one does not convert. */
    private static Optional<Map<String, Object>> convert(ResourceDeclaration.Templated declaration,
            Map<String, String> values) {
        Map<String, Object> converted = new LinkedHashMap<>();
        for (ResourceParameter parameter : declaration.parameters()) {
            if (parameter instanceof ResourceParameter.Variable variable) {
                try {
                    converted.put(variable.name(), variable.type().convert(values.get(variable.name())));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(converted);
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static String label(ResourceDeclaration declaration) {
        return declaration.declared() + " (" + declaration.methodReference() + ")";
    }
}
