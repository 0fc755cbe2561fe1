/**
 * {@code @Downstream}: the interceptor that obtains the caller's credential per target from the credentials module,
 * its deployment checks (its own CDI extension) and connect links. Throws
 * {@link dev.delegatemcp.api.interaction.ConnectionRequiredException}, never renders wire answers. May use
 * {@code remote} and {@code security}; used by {@code proxy}.
 */
package dev.delegatemcp.server.downstream;
