package dev.delegatemcp.credentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The cache key of a downstream credential: the SHA-256 digest of the caller's token (never the user id alone, so
 * one user's credential is never served for another token; a digest handed in with a {@link CredentialRequest} must
 * be that token's, see {@link #digestOf}), the target, the requested scopes (sorted), the level
 * and the tenant. A tenant's stored connection token is the same for every user of the tenant: its key has no token
 * digest, only the tenant ({@link #ofTenant}), so it is shared inside that tenant and nowhere else.
 */
public record CredentialKey(String subjectTokenDigest, String target, List<String> scopes, String level,
        String tenant) {

    public static CredentialKey of(String subjectToken, String target, List<String> scopes, String level,
            String tenant) {
        return ofDigest(digestOf(subjectToken), target, scopes, level, tenant);
    }

    /**
     * As {@link #of}, with the token's digest already at hand.
     *
     * @param subjectTokenDigest {@link #digestOf} of the caller's token: 64 lower-case hex digits
     */
    public static CredentialKey ofDigest(String subjectTokenDigest, String target, List<String> scopes, String level,
            String tenant) {
        return new CredentialKey(subjectTokenDigest, target, normalized(scopes), level, tenant);
    }

    /** The key of a tenant-wide stored token: shared by the tenant's users, never across tenants. */
    public static CredentialKey ofTenant(String target, List<String> scopes, String tenant) {
        if (tenant == null || tenant.isEmpty()) {
            throw new IllegalArgumentException("a tenant-wide credential needs a tenant");
        }
        return new CredentialKey(null, target, normalized(scopes), "TENANT", tenant);
    }

    /** Sorted, without duplicates. Tools mostly ask for none or one scope: those lists are kept as they are. */
    private static List<String> normalized(List<String> scopes) {
        return scopes.size() < 2 ? List.copyOf(scopes) : scopes.stream().sorted().distinct().toList();
    }

    /** One digest per thread: looking SHA-256 up on every tool call cost more than the digest itself. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    });

    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /**
     * The digest that stands for a subject token in a key: the lower-case hex of the SHA-256 (FIPS 180-4) of the
     * token's UTF-8 bytes, 64 characters (written directly: {@code HexFormat} cost as much as the digest, per tool
     * call). A caller that sees the same token on many requests may keep it and hand it in with
     * {@link CredentialRequest#subjectTokenDigest()}: the digest and the hash of the string are then computed once
     * per token rather than once per tool call.
     */
    public static String digestOf(String value) {
        byte[] digest = SHA_256.get().digest(value.getBytes(StandardCharsets.UTF_8));
        byte[] hex = new byte[digest.length * 2];
        for (int i = 0; i < digest.length; i++) {
            hex[2 * i] = HEX_DIGITS[(digest[i] >> 4) & 0xf];
            hex[2 * i + 1] = HEX_DIGITS[digest[i] & 0xf];
        }
        return new String(hex, StandardCharsets.US_ASCII);
    }
}
