package dev.delegatemcp.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.delegatemcp.credentials.StsException.Reason;

class StsExceptionTest {

    private static final Map<Reason, Class<? extends StsException>> TYPES = Map.of(
            Reason.DENIED, StsException.Denied.class,
            Reason.INVALID_TARGET, StsException.InvalidTarget.class,
            Reason.CLIENT_UNAUTHORIZED, StsException.ClientUnauthorized.class,
            Reason.INVALID_SUBJECT_TOKEN, StsException.InvalidSubjectToken.class,
            Reason.NOT_CONNECTED, StsException.NotConnected.class,
            Reason.UNAVAILABLE, StsException.Unavailable.class,
            Reason.FAILED, StsException.class);

    @ParameterizedTest
    @EnumSource(Reason.class)
    void ofReturnsTheSubclassOfTheReasonAndKeepsReasonErrorAndMessage(Reason reason) {
        StsException e = StsException.of(reason, "some_error", "what happened");
        assertSame(TYPES.get(reason), e.getClass(), reason.name());
        assertEquals(reason, e.reason());
        assertEquals("some_error", e.stsError());
        assertEquals("what happened", e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Reason.class)
    void ofKeepsANullStsError(Reason reason) {
        StsException e = StsException.of(reason, null, "no error code");
        assertNull(e.stsError());
        assertEquals(reason, e.reason());
    }

    @Test
    void failedIsTheBaseClassItself() {
        assertSame(StsException.class, StsException.of(Reason.FAILED, "x", "y").getClass());
    }

    @Test
    void unavailableMadeDirectlyHasTheUnavailableReason() {
        StsException e = new StsException.Unavailable("temporarily_unavailable", "later");
        assertInstanceOf(StsException.class, e);
        assertEquals(Reason.UNAVAILABLE, e.reason());
        assertEquals("temporarily_unavailable", e.stsError());
    }
}
