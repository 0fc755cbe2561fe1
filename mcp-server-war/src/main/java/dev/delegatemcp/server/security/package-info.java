/**
 * The caller (from MP-JWT), bearer challenges (RFC 6750, RFC 9728) and scope refusals. Uses no other layer of this
 * module; every layer above may use it.
 */
package dev.delegatemcp.server.security;
