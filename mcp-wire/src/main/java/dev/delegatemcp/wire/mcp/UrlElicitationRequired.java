package dev.delegatemcp.wire.mcp;

import java.util.List;

/**
 * The {@code data} of a -32042 error (MCP 2025-11-25 schema: URLElicitationRequiredError): the elicitations the user
 * must complete before the request can succeed.
 *
 * @param elicitations at least one
 */
public record UrlElicitationRequired(List<UrlElicitation> elicitations) {
}
