package dev.delegatemcp.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.delegatemcp.credentials.CredentialException.Reason;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenErrorClassifierTest {

    @Test
    void accessDeniedIsDenied() {
        assertEquals(Reason.DENIED, TokenErrorClassifier.classify(400, "access_denied", null));
        assertEquals(Reason.DENIED, TokenErrorClassifier.classify(403, "access_denied", "policy says no"));
    }

    @Test
    void invalidTargetAndInvalidScopeAreInvalidTarget() {
        assertEquals(Reason.INVALID_TARGET, TokenErrorClassifier.classify(400, "invalid_target", null));
        assertEquals(Reason.INVALID_TARGET, TokenErrorClassifier.classify(400, "invalid_scope", "unknown scope"));
    }

    @Test
    void unauthorizedClientAndInvalidClientAreClientUnauthorized() {
        assertEquals(Reason.CLIENT_UNAUTHORIZED, TokenErrorClassifier.classify(400, "unauthorized_client", null));
        assertEquals(Reason.CLIENT_UNAUTHORIZED, TokenErrorClassifier.classify(401, "invalid_client", "bad secret"));
    }

    @Test
    void invalidGrantIsInvalidSubjectToken() {
        assertEquals(Reason.INVALID_SUBJECT_TOKEN, TokenErrorClassifier.classify(400, "invalid_grant", "expired"));
    }

    @Test
    void keycloakUnavailableAudienceIsInvalidTarget() {
        assertEquals(Reason.INVALID_TARGET,
                TokenErrorClassifier.classify(400, "invalid_request", "Requested audience not available: x"));
        assertEquals(Reason.INVALID_TARGET,
                TokenErrorClassifier.classify(400, "invalid_request", "Invalid audience: other-client"));
    }

    @Test
    void keycloakInvalidTokenIsInvalidSubjectToken() {
        assertEquals(Reason.INVALID_SUBJECT_TOKEN,
                TokenErrorClassifier.classify(400, "invalid_request", "Invalid token"));
        assertEquals(Reason.INVALID_SUBJECT_TOKEN,
                TokenErrorClassifier.classify(400, "invalid_request", "missing subject_token"));
    }

    @Test
    void keycloakExchangeNotEnabledIsClientUnauthorized() {
        assertEquals(Reason.CLIENT_UNAUTHORIZED, TokenErrorClassifier.classify(400, "invalid_request",
                "Standard token exchange is not enabled for the requested client"));
    }

    @Test
    void otherInvalidRequestIsFailed() {
        assertEquals(Reason.FAILED, TokenErrorClassifier.classify(400, "invalid_request", "Missing parameter"));
        assertEquals(Reason.FAILED, TokenErrorClassifier.classify(400, "invalid_request", null));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 429})
    void serverErrorsAndRateLimitingAreUnavailable(int status) {
        assertEquals(Reason.UNAVAILABLE, TokenErrorClassifier.classify(status, null, null));
        assertEquals(Reason.UNAVAILABLE, TokenErrorClassifier.classify(status, "invalid_grant", "whatever"));
    }

    @Test
    void unknownErrorIsFailed() {
        assertEquals(Reason.FAILED, TokenErrorClassifier.classify(400, "something_new", "?"));
        assertEquals(Reason.FAILED, TokenErrorClassifier.classify(400, null, null));
        assertEquals(Reason.FAILED, TokenErrorClassifier.classify(404, null, null));
    }

    @Test
    void bareUnauthorizedAndForbiddenStatusesAreClassified() {
        assertEquals(Reason.CLIENT_UNAUTHORIZED, TokenErrorClassifier.classify(401, null, null));
        assertEquals(Reason.DENIED, TokenErrorClassifier.classify(403, null, null));
    }

    @Test
    void descriptionMatchingIsCaseInsensitive() {
        assertEquals(Reason.INVALID_TARGET,
                TokenErrorClassifier.classify(400, "invalid_request", "REQUESTED AUDIENCE NOT AVAILABLE: X"));
    }
}
