/**
 * MCP resources (MCP 2025-11-25, Server features, Resources) as tool authors write them: {@link
 * dev.delegatemcp.api.resource.McpResource} for a resource at a fixed URI, {@link
 * dev.delegatemcp.api.resource.McpResourceTemplate} for a family of resources under an RFC 6570 URI template (its
 * variables bound to parameters, {@link dev.delegatemcp.api.resource.TemplateVariable}), the contents a method returns
 * ({@link dev.delegatemcp.api.resource.ResourceContents}), and {@link dev.delegatemcp.api.resource.McpResources} to
 * announce changes and add or remove resources while the server runs. May use {@code dev.delegatemcp.api}; no
 * implementation.
 */
package dev.delegatemcp.api.resource;
