package dev.delegatemcp.samples.connections.vault;

import java.security.SecureRandom;
import java.util.Base64;

/** Mints opaque token values: the app id, a dot, then 32 random bytes in unpadded base64url ("crm.Zx3..."). */
public final class AccessTokenMinter {

    private static final int RANDOM_BYTES = 32;

    private final SecureRandom random = new SecureRandom();

    public String mint(String appId) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return appId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
