package dev.delegatemcp.server.protocol;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code Mcp-Param-{Name}} headers of one request (MCP 2026-07-28, Streamable HTTP, Custom Headers from Tool
 * Parameters), by {@code Name}, compared case-insensitively as header names are (Case Sensitivity). Values are kept
 * as sent (not trimmed, not decoded): which of them a tool recognizes, and whether they match the body, is the tool
 * feature's to say.
 */
public final class McpParamHeaders {

    /** The prefix of these headers' names. */
    public static final String PREFIX = "Mcp-Param-";

    /** A request that carries no {@code Mcp-Param-*} header. */
    public static final McpParamHeaders NONE = new McpParamHeaders(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));

    private final Map<String, String> byName;

    private McpParamHeaders(TreeMap<String, String> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /**
     * The {@code Mcp-Param-*} headers among a request's headers.
     *
     * @param headers every header of the request: its name (any case) and its values, one per field line; a header
     *        sent on several lines is one value, the lines joined with {@code ", "} (RFC 9110 section 5.3)
     */
    public static McpParamHeaders from(Map<String, List<String>> headers) {
        TreeMap<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((header, values) -> {
            if (header != null && header.length() > PREFIX.length()
                    && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) && values != null
                    && !values.isEmpty()) {
                byName.merge(header.substring(PREFIX.length()), String.join(", ", values),
                        (first, second) -> first + ", " + second);
            }
        });
        return byName.isEmpty() ? NONE : new McpParamHeaders(byName);
    }

    /** The value of {@code Mcp-Param-{name}} as sent, {@code name} in any case; empty when the request has none. */
    public Optional<String> value(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The names ({@code Name} of {@code Mcp-Param-{Name}}) as sent. */
    public Set<String> names() {
        return byName.keySet();
    }

    @Override
    public String toString() {
        return "McpParamHeaders" + byName.keySet().stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
    }
}
