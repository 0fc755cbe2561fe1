/**
 * The Origin allow-list and the CORS filter shared by both web modules (Fetch standard, CORS protocol). Uses Jakarta
 * Servlet and MicroProfile Config only.
 */
package dev.delegatemcp.web.cors;
