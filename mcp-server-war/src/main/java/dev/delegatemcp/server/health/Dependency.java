package dev.delegatemcp.server.health;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/**
 * A service this server needs to answer requests, and where to look whether it answers.
 *
 * @param kind what it is to this server
 * @param name how the readiness response names it: the kind, and for a remote MCP server its target
 * @param url the URL looked at: the JWK set itself for the issuer, else the service's endpoint
 */
public record Dependency(Kind kind, String name, URI url) {

    /** The kinds of dependency, with the names {@code mcp.health.critical} lists them by. */
    public enum Kind {
        /** The token issuer's JWK set ({@code mp.jwt.verify.publickey.location}): no new token validates without it. */
        ISSUER("issuer"),
        /** The STS's token endpoint ({@code mcp.sts.token-endpoint}), for targets obtained by token exchange. */
        STS("sts"),
        /** The token vault ({@code mcp.outbound.base-url}), for targets whose credential is a stored connection. */
        VAULT("vault"),
        /** A remote MCP server ({@code mcp.downstream.<target>.mcp-url}). */
        REMOTE_MCP("remote-mcp");

        private final String configName;

        Kind(String configName) {
            this.configName = configName;
        }

        public String configName() {
            return configName;
        }

        static Optional<Kind> ofConfigName(String name) {
            return Arrays.stream(values()).filter(kind -> kind.configName.equals(name)).findFirst();
        }
    }

    /** Where it is, for people: scheme, host and port only (a URL's path or query may carry what is not theirs). */
    public String location() {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }
}
