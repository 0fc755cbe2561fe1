package dev.delegatemcp.it.support;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every credential the test run handed out or used that would grant access: tokens signed by the trusted test key,
 * credentials the STS double issued, Keycloak tokens, client secrets. The log scan at the end of the run looks for
 * each of them in every server log.
 */
public final class SecretsLedger {

    private static final ConcurrentLinkedQueue<String> SECRETS = new ConcurrentLinkedQueue<>();

    private SecretsLedger() {
    }

    public static String record(String secret) {
        SECRETS.add(secret);
        return secret;
    }

    public static List<String> all() {
        return List.copyOf(SECRETS);
    }
}
