/**
 * The one place that renders outcomes the user must act on (e.g. connect a service) per revision and client
 * capability. Part of the protocol layer.
 */
package dev.delegatemcp.server.protocol.outcome;
