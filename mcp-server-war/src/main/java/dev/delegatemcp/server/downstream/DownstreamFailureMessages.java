package dev.delegatemcp.server.downstream;

import dev.delegatemcp.credentials.CredentialException;

/** The sentence the end user reads when a downstream credential could not be obtained. No token, no STS detail. */
public final class DownstreamFailureMessages {

    private DownstreamFailureMessages() {
    }

    public static String forFailure(String target, CredentialException failure) {
        return switch (failure.reason()) {
            case DENIED -> "Access to " + target + " was denied by your organisation's policy.";
            case INVALID_TARGET -> "Access to " + target + " is not available to you or to this server; ask your "
                    + "administrator to grant it.";
            case CLIENT_UNAUTHORIZED -> "This server is not set up correctly to reach " + target
                    + "; please tell your administrator.";
            case INVALID_SUBJECT_TOKEN -> "Your sign-in was not accepted for " + target + "; sign in again and retry.";
            case NOT_CONNECTED -> "Your " + target + " account is not connected; connect it and try again.";
            // The STS or the vault failed, not the target itself, which was never called.
            case UNAVAILABLE -> "Access to the " + target + " service could not be obtained just now, as the service "
                    + "that grants it did not answer; try again in a moment.";
            case FAILED -> "Access to " + target + " could not be obtained; try again later.";
        };
    }

    /** The downstream rejected the delegated credential (401), and again the renewed one. */
    public static String rejectedAfterRenewal(String target) {
        return "The " + target + " service did not accept your delegated access, even after it was renewed. Ask your "
                + "administrator to check this server's access to " + target + ", or try again later.";
    }

    /** The downstream rejected the delegated credential (401) for a request that is not sent twice (e.g. a POST). */
    public static String rejectedNotRepeated(String target) {
        return "The " + target + " service did not accept your delegated access, so nothing was done there. The "
                + "request was not sent again, since repeating it could do it twice; try again.";
    }

    public static String noTenant(String target) {
        return "The tenant connection to " + target + " needs an account that belongs to a tenant, and yours does not.";
    }
}
