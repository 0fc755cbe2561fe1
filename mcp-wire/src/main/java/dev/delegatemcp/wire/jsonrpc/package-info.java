/**
 * JSON-RPC 2.0 envelopes and errors as records, and the request codec (JSON-P, measured faster than binding).
 */
package dev.delegatemcp.wire.jsonrpc;
