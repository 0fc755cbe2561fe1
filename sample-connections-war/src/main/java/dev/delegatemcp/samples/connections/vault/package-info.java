/**
 * The demo vault's store of connections (per user or tenant) and the tokens it mints. May use {@code apps}.
 */
package dev.delegatemcp.samples.connections.vault;
