/**
 * The prompts feature (MCP 2025-11-25, Server features, Prompts): discovery of {@code @Prompt} methods,
 * {@code prompts/list} and {@code prompts/get} with argument validation, invocation and results; it tells the
 * completion feature which prompts and arguments exist. May use {@code protocol}, {@code security},
 * {@code feature.completion}'s extension point and the wire module.
 */
package dev.delegatemcp.server.feature.prompt;
