package dev.delegatemcp.server.protocol;

/**
 * Who may keep a cacheable result (MCP 2026-07-28, Caching, Cache Scope Field): anyone ({@code public}), or only the
 * same authorization context ({@code private}: the answer depends on the caller, e.g. a list filtered by scopes).
 */
public enum CacheScope {
    PUBLIC, PRIVATE;

    /** As written on the wire. */
    public String wireName() {
        return this == PUBLIC ? "public" : "private";
    }
}
