/**
 * The completion feature (MCP 2025-11-25, Server utilities, Completion): discovery of {@code @CompleteArgument}
 * methods, {@code completion/complete} for prompt arguments and resource template variables, and the
 * {@link dev.delegatemcp.server.feature.completion.CompletionReferences} extension point through which the features
 * that own prompts and resource templates say which exist, with which arguments and scopes. May use {@code protocol},
 * {@code security} and the wire module; knows no other feature.
 */
package dev.delegatemcp.server.feature.completion;
