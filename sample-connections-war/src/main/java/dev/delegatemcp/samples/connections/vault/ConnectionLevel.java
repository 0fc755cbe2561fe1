package dev.delegatemcp.samples.connections.vault;

import java.util.Locale;
import java.util.Optional;

/** Whom a stored token belongs to: one user, or a whole tenant (connected once by a tenant admin). */
public enum ConnectionLevel {
    USER, TENANT;

    /** "user" or "tenant", as in URLs and JSON. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level named "user" or "tenant" (case insensitive). */
    public static Optional<ConnectionLevel> fromWireName(String name) {
        for (ConnectionLevel level : values()) {
            if (level.wireName().equalsIgnoreCase(name)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
