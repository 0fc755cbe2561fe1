package dev.delegatemcp.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;

import dev.delegatemcp.credentials.CredentialException.Reason;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CredentialExceptionTest {

    private static final Map<Reason, Class<? extends CredentialException>> TYPES = Map.of(
            Reason.DENIED, CredentialException.Denied.class,
            Reason.INVALID_TARGET, CredentialException.InvalidTarget.class,
            Reason.CLIENT_UNAUTHORIZED, CredentialException.ClientUnauthorized.class,
            Reason.INVALID_SUBJECT_TOKEN, CredentialException.InvalidSubjectToken.class,
            Reason.NOT_CONNECTED, CredentialException.NotConnected.class,
            Reason.UNAVAILABLE, CredentialException.Unavailable.class,
            Reason.FAILED, CredentialException.class);

    @ParameterizedTest
    @EnumSource(Reason.class)
    void ofReturnsTheSubclassOfTheReasonAndKeepsReasonErrorAndMessage(Reason reason) {
        CredentialException e = CredentialException.of(reason, "some_error", "what happened");
        assertSame(TYPES.get(reason), e.getClass(), reason.name());
        assertEquals(reason, e.reason());
        assertEquals("some_error", e.errorCode());
        assertEquals("what happened", e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Reason.class)
    void ofKeepsANullErrorCode(Reason reason) {
        CredentialException e = CredentialException.of(reason, null, "no error code");
        assertNull(e.errorCode());
        assertEquals(reason, e.reason());
    }

    @Test
    void failedIsTheBaseClassItself() {
        assertSame(CredentialException.class, CredentialException.of(Reason.FAILED, "x", "y").getClass());
    }

    @Test
    void unavailableMadeDirectlyHasTheUnavailableReason() {
        CredentialException e = new CredentialException.Unavailable("temporarily_unavailable", "later");
        assertInstanceOf(CredentialException.class, e);
        assertEquals(Reason.UNAVAILABLE, e.reason());
        assertEquals("temporarily_unavailable", e.errorCode());
    }
}
