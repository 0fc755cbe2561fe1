package dev.delegatemcp.samples.connections.vault.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class ManagementKeyVerifierTest {

    private final ManagementKeyVerifier verifier = new ManagementKeyVerifier("demo-project", Optional.of("s3cret"));

    @Test
    void acceptsTheProjectIdAndManagementKey() {
        assertTrue(verifier.accepts("Bearer demo-project:s3cret"));
        assertTrue(verifier.accepts("bearer demo-project:s3cret"));
    }

    @Test
    void refusesAnythingElse() {
        assertFalse(verifier.accepts(null));
        assertFalse(verifier.accepts(""));
        assertFalse(verifier.accepts("Bearer "));
        assertFalse(verifier.accepts("Bearer demo-project:wrong"));
        assertFalse(verifier.accepts("Bearer other-project:s3cret"));
        assertFalse(verifier.accepts("Bearer s3cret"));
        assertFalse(verifier.accepts("Bearer demo-project:s3cret2"));
        assertFalse(verifier.accepts("Basic demo-project:s3cret"));
    }

    @Test
    void refusesEveryRequestWhenNoKeyIsConfigured() {
        ManagementKeyVerifier unset = new ManagementKeyVerifier("demo-project", Optional.empty());
        ManagementKeyVerifier blank = new ManagementKeyVerifier("demo-project", Optional.of(" "));

        assertFalse(unset.accepts("Bearer demo-project:"));
        assertFalse(unset.accepts("Bearer demo-project:s3cret"));
        assertFalse(blank.accepts("Bearer demo-project: "));
    }
}
