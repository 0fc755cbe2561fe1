package dev.delegatemcp.server.transport;

import java.util.List;

/** The MCP protocol versions this server speaks, newest first. */
public final class ProtocolVersions {

    public static final String LATEST = "2025-11-25";
    /** Assumed when a request after initialize carries no MCP-Protocol-Version header. */
    public static final String ASSUMED_WITHOUT_HEADER = "2025-03-26";
    public static final List<String> SUPPORTED = List.of(LATEST, "2025-06-18", ASSUMED_WITHOUT_HEADER);

    private ProtocolVersions() {
    }

    public static boolean isSupported(String version) {
        return version != null && SUPPORTED.contains(version);
    }

    /** The client's requested version when we speak it, else our latest (the client then decides). */
    public static String negotiate(String requested) {
        return isSupported(requested) ? requested : LATEST;
    }
}
