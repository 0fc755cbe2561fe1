package dev.delegatemcp.credentials;

import java.io.IOException;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;

/** What a {@link ProcessingException} of an MP Rest Client call to the STS or the vault means for the caller. */
final class ClientFailures {

    private ClientFailures() {
    }

    /**
     * The response exception mapper's own {@link CredentialException}, passed on; an HTTP 200 answer that is not the
     * JSON it should be: {@code FAILED}; else the service was not reached or did not answer in time:
     * {@code UNAVAILABLE}.
     *
     * @param service the service for the message, e.g. "The STS"
     */
    static CredentialException of(ProcessingException e, String service) {
        boolean io = false;
        boolean json = false;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CredentialException mapped) {
                return mapped;
            }
            io |= cause instanceof IOException;
            json |= cause instanceof JsonbException || cause instanceof JsonException;
        }
        if (json && !io) {
            return CredentialException.of(CredentialException.Reason.FAILED, null,
                    service + " answered HTTP 200 with a body that is not the JSON it should be");
        }
        return new CredentialException.Unavailable(null,
                service + " could not be reached: " + e.getClass().getSimpleName());
    }
}
