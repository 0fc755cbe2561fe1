/**
 * JSON Schema (2020-12) generation from Java types and validation of arguments against it, hand-written on JSON-P
 * (kept as it was: no library served here generates these schemas from records and reports problems as sentences).
 * Used by the features; uses nothing of this module.
 */
package dev.delegatemcp.server.schema;
