/**
 * What completion authors touch: {@link dev.delegatemcp.api.completion.CompleteArgument} methods that suggest values
 * for a prompt's argument or a resource template's variable, and the
 * {@link dev.delegatemcp.api.completion.Completion} they may return (MCP 2025-11-25, Server utilities, Completion).
 * May use {@code dev.delegatemcp.api}.
 */
package dev.delegatemcp.api.completion;
