package dev.delegatemcp.wire.mcp;

import java.util.List;
import java.util.Optional;

/**
 * The MCP protocol revisions this project speaks, newest first, each with its era. Revisions up to 2025-11-25 are
 * session-based: {@code initialize} negotiates the version once and a session carries it (MCP 2025-11-25, Lifecycle).
 * From 2026-07-28 on, requests are stateless: each carries its revision and the client's capabilities in {@code _meta}
 * (MCP 2026-07-28, Versioning and Compatibility: "modern" versus "legacy").
 */
public enum ProtocolVersion {

    V2026_07_28("2026-07-28", Era.STATELESS),
    V2025_11_25("2025-11-25", Era.SESSION),
    V2025_06_18("2025-06-18", Era.SESSION),
    V2025_03_26("2025-03-26", Era.SESSION);

    /** How requests of a revision are framed. */
    public enum Era {
        /** {@code initialize} opens a session; later requests carry {@code Mcp-Session-Id} ("legacy"). */
        SESSION,
        /** No handshake, no session: every request carries its revision and capabilities in {@code _meta} ("modern"). */
        STATELESS
    }

    /** The newest session-based revision: what {@code initialize} settles on when the client asks for another. */
    public static final ProtocolVersion LATEST = V2025_11_25;

    /** The newest stateless revision. */
    public static final ProtocolVersion MODERN = V2026_07_28;

    /**
     * Assumed when a request after initialize carries no {@code MCP-Protocol-Version} header (MCP 2025-11-25,
     * Transports, Protocol Version Header).
     */
    public static final ProtocolVersion ASSUMED_WITHOUT_HEADER = V2025_03_26;

    private static final List<ProtocolVersion> VALUES = List.of(values());

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
        // A loop over the constants, no stream: read for every request's MCP-Protocol-Version header (a stream
        // pipeline cost about 1 % of a tools/call's CPU in bench/peers/run's profile).
        for (ProtocolVersion version : VALUES) {
            if (version.text.equals(text)) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }

    /**
     * What {@code initialize} settles on: the client's requested revision when it is a session-based one spoken here,
     * else the newest session-based one (the client then decides). A stateless revision has no {@code initialize}.
     */
    public static ProtocolVersion negotiate(String requested) {
        return of(requested).filter(version -> version.era == Era.SESSION).orElse(LATEST);
    }

    /** Every revision spoken here, as written, newest first. */
    public static List<String> supported() {
        return VALUES.stream().map(ProtocolVersion::text).toList();
    }

    @Override
    public String toString() {
        return text;
    }
}
