package dev.delegatemcp.it.tools;

import java.util.List;

import dev.delegatemcp.api.Tool;
import dev.delegatemcp.api.ToolArg;
import dev.delegatemcp.api.resource.McpResource;
import dev.delegatemcp.api.resource.McpResources;
import dev.delegatemcp.api.resource.ResourceContents;
import dev.delegatemcp.api.resource.ResourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A resource whose changes the application signals (notifications/resources/updated to subscribed sessions) and
 * resources added at run time (notifications/resources/list_changed), through the public {@link McpResources}.
 * Test deployments only.
 */
@ApplicationScoped
public class BoardResources {

    @Inject
    McpResources resources;

    @McpResource(uri = "e2e://board", name = "board", description = "A board that changes", mimeType = "text/plain")
    public String board() {
        return "the board";
    }

    @Tool(name = "e2e_change_board", description = "Changes the board: its subscribers are told")
    public String changeBoard() {
        resources.notifyUpdated("e2e://board");
        return "changed";
    }

    @Tool(name = "e2e_add_page", description = "Adds a resource at run time: every session is told the list changed")
    public String addPage(@ToolArg(description = "the page's name") String name) {
        resources.add(ResourceDefinition.of("e2e://pages/" + name, name),
                () -> List.of(ResourceContents.text("e2e://pages/" + name, "text/plain", "page " + name)));
        return "added";
    }
}
