package dev.delegatemcp.test;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every secret the kit made or handed out in this test JVM that would grant access: the tokens {@link TestTokenIssuer}
 * signed with its key (not those of {@code signedByUnknownKey()} or {@code unsigned()}), the credentials the
 * {@link StsDouble} granted, its client secret, the tokens stored in or issued by the {@link VaultDouble}, and any a
 * test adds. A server must never show one in a response or a log; {@link #foundIn(String)} says which of them a text
 * (a response body, a log file) holds.
 */
public final class TestSecrets {

    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    private TestSecrets() {
    }

    /** Remembers a secret (ignored when null or shorter than 8 characters, which would match by chance); returns it. */
    public static String record(String secret) {
        if (secret != null && secret.length() >= 8) {
            SECRETS.add(secret);
        }
        return secret;
    }

    /** All secrets recorded so far, in no particular order. */
    public static List<String> all() {
        return List.copyOf(SECRETS);
    }

    /**
     * The first recorded secret that occurs in the text, if any. A test asserts {@code foundIn(log).isEmpty()}; the
     * secret itself should not be printed in the failure message.
     */
    public static Optional<String> foundIn(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        return SECRETS.stream().filter(text::contains).findFirst();
    }
}
