/**
 * What prompt authors touch: {@link dev.delegatemcp.api.prompt.Prompt} methods, their
 * {@link dev.delegatemcp.api.prompt.PromptArg arguments} and the {@link dev.delegatemcp.api.prompt.PromptMessage
 * messages} they return (MCP 2025-11-25, Server features, Prompts). May use {@code dev.delegatemcp.api}.
 */
package dev.delegatemcp.api.prompt;
