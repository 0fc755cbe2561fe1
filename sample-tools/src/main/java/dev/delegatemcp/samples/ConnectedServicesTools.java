package dev.delegatemcp.samples;

import java.util.Map;

import dev.delegatemcp.api.Downstream;
import dev.delegatemcp.api.RemoteMcpServer;
import dev.delegatemcp.api.RemoteToolResult;
import dev.delegatemcp.api.Tool;
import dev.delegatemcp.api.ToolArg;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sample tools that call three remote MCP servers (a scheduler, a CRM, a document generator) with the caller's own
 * stored connection to each: the scheduler and the CRM are connected by each user, the document generator once per
 * tenant by an admin. A user who has not connected a service gets its connect URL instead of a result.
 */
@ApplicationScoped
public class ConnectedServicesTools {

    @Tool(name = "find_meeting_slot", title = "Find a meeting slot",
            description = "Finds a free slot on a day in your calendar, through the remote scheduler MCP server "
                    + "(needs your own scheduler connection).",
            annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, openWorldHint = true))
    @Downstream(connection = "scheduler", scopes = "calendar.read")
    public RemoteToolResult findSlot(@ToolArg(description = "The day, e.g. 2026-11-23") String day,
            RemoteMcpServer scheduler) {
        return scheduler.callTool("find_slot", Map.of("day", day));
    }

    @Tool(name = "book_meeting", title = "Book a meeting",
            description = "Books a meeting in your calendar through the remote scheduler MCP server (needs a "
                    + "scheduler connection that grants calendar.write).",
            annotations = @Tool.Annotations(readOnlyHint = false, destructiveHint = false, openWorldHint = true))
    @Downstream(connection = "scheduler", scopes = {"calendar.read", "calendar.write"})
    public RemoteToolResult bookMeeting(@ToolArg(description = "The meeting's title") String title,
            @ToolArg(description = "The day, e.g. 2026-11-23") String day, RemoteMcpServer scheduler) {
        return scheduler.callTool("book_meeting", Map.of("title", title, "day", day));
    }

    @Tool(name = "crm_lookup", title = "Look up a customer",
            description = "Looks a customer up in the CRM through the remote CRM MCP server (needs your own CRM "
                    + "connection).",
            annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, openWorldHint = true))
    @Downstream(connection = "crm")
    public RemoteToolResult lookupCustomer(@ToolArg(description = "The customer's name, e.g. Acme Corp") String name,
            RemoteMcpServer crm) {
        return crm.callTool("lookup_customer", Map.of("name", name));
    }

    @Tool(name = "generate_document", title = "Generate a document",
            description = "Generates a document with the remote document generator, connected once for your whole "
                    + "organisation (tenant).",
            annotations = @Tool.Annotations(readOnlyHint = false, destructiveHint = false, openWorldHint = true))
    @Downstream(connection = "docs", level = Downstream.Level.TENANT)
    public RemoteToolResult generateDocument(@ToolArg(description = "The document's title") String title,
            @ToolArg(description = "The document's text") String body, RemoteMcpServer docs) {
        return docs.callTool("generate_document", Map.of("title", title, "body", body));
    }
}
