/**
 * The tools feature: discovery of {@code @Tool} methods, the {@link dev.delegatemcp.server.feature.tool.ToolProvider}
 * extension point, {@code Mcp-Param-*} header checks ({@code x-mcp-header}), argument binding, invocation and results.
 * May use {@code protocol}, {@code schema}, {@code security} and the wire module; {@code proxy} plugs into it.
 */
package dev.delegatemcp.server.feature.tool;
