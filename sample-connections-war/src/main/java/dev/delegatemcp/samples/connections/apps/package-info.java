/**
 * The demo's third-party apps (their ids, names and scopes).
 */
package dev.delegatemcp.samples.connections.apps;
