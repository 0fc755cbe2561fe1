/**
 * The demo's tools: examples of {@code @Tool} and {@code @Downstream} for tool authors. Uses the api module only.
 */
package dev.delegatemcp.samples;
