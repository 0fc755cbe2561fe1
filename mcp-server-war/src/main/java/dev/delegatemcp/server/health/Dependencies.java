package dev.delegatemcp.server.health;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.delegatemcp.credentials.CredentialService;
import dev.delegatemcp.credentials.DownstreamTarget;
import dev.delegatemcp.credentials.StsConfig;
import dev.delegatemcp.credentials.TokenVaultConfig;
import dev.delegatemcp.server.downstream.DownstreamExtension;
import dev.delegatemcp.server.remote.RemoteConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

/**
 * The services this deployment depends on, from its configuration and its tools' {@code @Downstream} targets: the
 * token issuer's JWK set when MP-JWT fetches it over HTTP; the STS when a target is obtained by token exchange; the
 * token vault when a target is a stored connection; each remote MCP server (a target's {@code mcp-url}, for tools
 * that take it as a {@code RemoteMcpServer} or for re-exported tools). A service the deployment does not use is not
 * looked at. Fixed once the application has started.
 */
@ApplicationScoped
public class Dependencies {

    /** MicroProfile JWT 2.1, section "Supported Public Key Locations". */
    static final String JWKS_LOCATION = "mp.jwt.verify.publickey.location";

    @Inject
    Config config;

    @Inject
    DownstreamExtension declared;

    @Inject
    CredentialService credentials;

    @Inject
    StsConfig sts;

    @Inject
    TokenVaultConfig vault;

    @Inject
    RemoteConfig remote;

    private List<Dependency> all;

    /** At the first look (the bean is made then), when the deployment's targets are all known. */
    @PostConstruct
    void read() {
        all = List.copyOf(found());
    }

    /**
     * In the order issuer, STS, vault, remote MCP servers (by target name); each URL once (two targets on one remote
     * server are one dependency, named by the first).
     */
    public List<Dependency> all() {
        return all;
    }

    private List<Dependency> found() {
        List<Dependency> found = new ArrayList<>();
        issuerKeys().ifPresent(url -> found.add(new Dependency(Dependency.Kind.ISSUER, "issuer", url)));
        Set<String> targets = new LinkedHashSet<>(declared.targetNames());
        for (String exported : remote.export().split(",")) {
            if (!exported.isBlank()) {
                targets.add(exported.trim());
            }
        }
        List<DownstreamTarget> configured = targets.stream().sorted().map(credentials::target).toList();
        if (configured.stream().anyMatch(t -> t.source() == DownstreamTarget.Source.TOKEN_EXCHANGE)) {
            found.add(new Dependency(Dependency.Kind.STS, "sts", sts.tokenEndpoint()));
        }
        if (configured.stream().anyMatch(t -> t.source() == DownstreamTarget.Source.OUTBOUND_APP)) {
            found.add(new Dependency(Dependency.Kind.VAULT, "vault", vault.baseUrl()));
        }
        for (DownstreamTarget target : configured) {
            target.mcpUrl().filter(url -> found.stream().noneMatch(known -> known.url().equals(url)))
                    .ifPresent(url -> found.add(
                            new Dependency(Dependency.Kind.REMOTE_MCP, "remote-mcp " + target.name(), url)));
        }
        return found;
    }

    /**
     * The JWK set's URL when MP-JWT reads it over HTTP (not an inline key, a file or a class-path resource); none when
     * it is no URL at all (MP-JWT then refuses every token, which the security tests and the log show).
     */
    private Optional<URI> issuerKeys() {
        return config.getOptionalValue(JWKS_LOCATION, String.class).map(String::trim)
                .filter(location -> location.startsWith("http://") || location.startsWith("https://"))
                .flatMap(Dependencies::uri);
    }

    private static Optional<URI> uri(String location) {
        try {
            return Optional.of(new URI(location));
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
