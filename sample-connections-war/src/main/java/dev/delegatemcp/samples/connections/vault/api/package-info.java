/**
 * The demo vault's REST API in the wire format of Descope Outbound Apps (token fetch by user or tenant, management
 * key). May use {@code vault} and {@code apps}.
 */
package dev.delegatemcp.samples.connections.vault.api;
