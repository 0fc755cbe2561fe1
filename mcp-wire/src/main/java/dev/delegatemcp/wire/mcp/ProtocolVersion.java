package dev.delegatemcp.wire.mcp;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The MCP protocol revisions this project speaks, newest first, each with its era. Revisions up to 2025-11-25 are
 * session-based: {@code initialize} negotiates the version once and a session carries it (MCP 2025-11-25, Lifecycle).
 */
public enum ProtocolVersion {

    V2025_11_25("2025-11-25", Era.SESSION),
    V2025_06_18("2025-06-18", Era.SESSION),
    V2025_03_26("2025-03-26", Era.SESSION);

    /** How requests of a revision are framed. */
    public enum Era {
        /** {@code initialize} opens a session; later requests carry {@code Mcp-Session-Id}. */
        SESSION
    }

    /** The newest revision. */
    public static final ProtocolVersion LATEST = V2025_11_25;

    /**
     * Assumed when a request after initialize carries no {@code MCP-Protocol-Version} header (MCP 2025-11-25,
     * Transports, Protocol Version Header).
     */
    public static final ProtocolVersion ASSUMED_WITHOUT_HEADER = V2025_03_26;

    private final String text;
    private final Era era;

    ProtocolVersion(String text, Era era) {
        this.text = text;
        this.era = era;
    }

    /** As written on the wire, e.g. {@code 2025-11-25}. */
    public String text() {
        return text;
    }

    public Era era() {
        return era;
    }

    /** The revision written so; empty when this project does not speak it (or {@code text} is null). */
    public static Optional<ProtocolVersion> of(String text) {
        return Arrays.stream(values()).filter(version -> version.text.equals(text)).findFirst();
    }

    /** The client's requested revision when spoken here, else the newest (the client then decides). */
    public static ProtocolVersion negotiate(String requested) {
        return of(requested).orElse(LATEST);
    }

    /** Every revision spoken here, as written, newest first. */
    public static List<String> supported() {
        return Arrays.stream(values()).map(ProtocolVersion::text).toList();
    }

    @Override
    public String toString() {
        return text;
    }
}
