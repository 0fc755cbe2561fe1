package dev.delegatemcp.server.feature.tool;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.delegatemcp.api.McpCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The deployed tools, by name, in a stable order. */
@ApplicationScoped
public class ToolRegistry {

    private final Map<String, ToolExtension.DiscoveredTool> tools = new LinkedHashMap<>();

    @Inject
    public ToolRegistry(ToolExtension extension) {
        extension.tools().stream().sorted(Comparator.comparing(t -> t.definition().name()))
                .forEach(tool -> tools.put(tool.definition().name(), tool));
    }

    /** For CDI proxies only. */
    protected ToolRegistry() {
    }

    /** Every deployed tool, by name. */
    public java.util.Collection<ToolExtension.DiscoveredTool> all() {
        return java.util.Collections.unmodifiableCollection(tools.values());
    }

    public Optional<ToolExtension.DiscoveredTool> find(String name) {
        return Optional.ofNullable(tools.get(name));
    }

    /** The tools this caller may call (its token carries every scope they require), by name. */
    public List<ToolDefinition> visibleTo(McpCaller caller) {
        return tools.values().stream().map(ToolExtension.DiscoveredTool::definition)
                .filter(definition -> caller.scopes().containsAll(definition.requiredScopes())).toList();
    }
}
