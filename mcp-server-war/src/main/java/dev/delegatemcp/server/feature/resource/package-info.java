/**
 * The resources feature (MCP 2025-11-25, Server features, Resources): discovery of {@code @McpResource} and
 * {@code @McpResourceTemplate} methods (a CDI extension failing the deployment with a message naming the method), RFC
 * 6570 template matching, the catalogue of annotated and run-time resources, reading through the bean's contextual
 * reference (so {@code @Downstream} runs), the lists, per-session subscriptions, and the application's
 * {@link dev.delegatemcp.api.resource.McpResources}. May use {@code protocol} (its {@code session} events and
 * {@code stream} notifications included), {@code security} and the wire module.
 */
package dev.delegatemcp.server.feature.resource;
