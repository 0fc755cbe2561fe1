/**
 * OpenTelemetry for the request path (MicroProfile Telemetry 2.1, Liberty's {@code mpTelemetry-2.1}): one span and
 * one duration measurement per MCP operation served or sent, following the OpenTelemetry semantic conventions for MCP
 * ({@code mcp.server.operation.duration}, {@code mcp.client.operation.duration}, span name
 * {@code {mcp.method.name} {target}}), the trace context the request path passes on, and the trace id on log records.
 * Below every other layer: it knows none of them, each of them may use it. With telemetry off (the default, unless
 * {@code OTEL_SDK_DISABLED=false}) server.xml does not load the feature, the API (the EAR's copy) is a no-op and what
 * is here costs a few allocations per request.
 */
package dev.delegatemcp.server.telemetry;
