package dev.delegatemcp.samples.connections.vault.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.logging.Logger;

import dev.delegatemcp.samples.connections.SampleMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks the vault API's {@code Authorization: Bearer <projectId>:<managementKey>} header in constant time. The key
 * comes from MP Config {@code mcp.outbound.management-key} (environment: {@code MCP_OUTBOUND_MANAGEMENT_KEY}); when
 * it is not set every request is refused. Neither the key nor the header is ever logged.
 */
@ApplicationScoped
public class ManagementKeyVerifier {

    private static final Logger LOG = Logger.getLogger(ManagementKeyVerifier.class.getName());
    private static final String BEARER = "bearer ";

    /** SHA-256 of "projectId:managementKey"; null when no key is configured. */
    private byte[] expectedDigest;

    /** For CDI's proxy only. */
    protected ManagementKeyVerifier() {
    }

    @Inject
    public ManagementKeyVerifier(
            @ConfigProperty(name = "samples.vault.project-id", defaultValue = "demo-project") String projectId,
            @ConfigProperty(name = "mcp.outbound.management-key") Optional<String> managementKey) {
        if (managementKey.isEmpty() || managementKey.get().isBlank()) {
            SampleMessages.NO_MANAGEMENT_KEY.log(LOG);
            this.expectedDigest = null;
        } else {
            this.expectedDigest = sha256(projectId + ":" + managementKey.get());
        }
    }

    /** Whether the Authorization header value carries this project's id and management key. */
    public boolean accepts(String authorizationHeader) {
        if (expectedDigest == null || authorizationHeader == null || authorizationHeader.length() <= BEARER.length()
                || !authorizationHeader.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        // Digests have equal length, so the comparison's time says nothing about the key or its length.
        return MessageDigest.isEqual(expectedDigest, sha256(authorizationHeader.substring(BEARER.length()).strip()));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
