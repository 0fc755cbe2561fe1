package dev.delegatemcp.server.feature.resource;

import java.util.Optional;

import dev.delegatemcp.server.feature.completion.CompletionReferences;
import dev.delegatemcp.wire.mcp.CompletionReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Tells the completion feature which resource templates exist ({@code ref/resource}, MCP 2025-11-25, Completion):
 * a template by its URI template exactly as declared, with its variables and the scopes it needs.
 */
@ApplicationScoped
public class ResourceTemplateCompletionReferences implements CompletionReferences {

    @Inject
    ResourceCatalog catalog;

    @Override
    public String type() {
        return CompletionReference.RESOURCE_TEMPLATE;
    }

    @Override
    public Optional<Referenced> find(String uriTemplate) {
        return catalog.template(uriTemplate).map(template -> new Referenced(template.template().variables(),
                template.scopes()));
    }
}
