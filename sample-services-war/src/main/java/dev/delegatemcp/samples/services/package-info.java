/**
 * The demo's downstream services (calendar, payroll): JAX-RS resources protected by MP-JWT with their own
 * audiences, the targets of token exchange.
 */
package dev.delegatemcp.samples.services;
