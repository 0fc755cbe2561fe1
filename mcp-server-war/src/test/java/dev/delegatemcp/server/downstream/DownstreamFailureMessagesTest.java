package dev.delegatemcp.server.downstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.delegatemcp.credentials.CredentialException;
import dev.delegatemcp.credentials.CredentialException.Reason;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DownstreamFailureMessagesTest {

    /** A realistic STS error code per reason, which must not reach the user. */
    private static final Map<Reason, String> STS_ERRORS = new EnumMap<>(Map.of(
            Reason.DENIED, "access_denied",
            Reason.INVALID_TARGET, "invalid_target",
            Reason.CLIENT_UNAUTHORIZED, "unauthorized_client",
            Reason.INVALID_SUBJECT_TOKEN, "invalid_grant",
            Reason.UNAVAILABLE, "temporarily_unavailable",
            Reason.FAILED, "server_error"));

    private static final List<String> ALL_STS_ERRORS = List.of("access_denied", "invalid_target", "invalid_scope",
            "unauthorized_client", "invalid_client", "invalid_grant", "invalid_request", "temporarily_unavailable",
            "server_error", "unsupported_grant_type");

    private static String message(Reason reason) {
        return DownstreamFailureMessages.forFailure("calendar", CredentialException.of(reason, STS_ERRORS.get(reason),
                "HTTP 400 from https://sts.example.com/token: " + STS_ERRORS.get(reason)
                        + " (CredentialException detail)"));
    }

    private static void assertOneSentence(String message) {
        assertFalse(message.isBlank());
        assertTrue(Character.isUpperCase(message.charAt(0)), message);
        assertTrue(message.endsWith("."), message);
        assertEquals(message.length() - 1, message.indexOf('.'), "only one full stop: " + message);
        assertFalse(message.contains("!") || message.contains("?"), message);
        assertFalse(message.contains("\n"), message);
        assertEquals(message.trim(), message);
    }

    @ParameterizedTest
    @EnumSource(Reason.class)
    void messageNamesTheTargetInOneSentenceWithoutTechnicalDetail(Reason reason) {
        String message = message(reason);
        assertTrue(message.contains("calendar"), message);
        assertOneSentence(message);
        assertFalse(message.contains("Exception"), message);
        assertFalse(message.contains("HTTP"), message);
        assertFalse(message.contains("sts.example.com"), message);
        for (String code : ALL_STS_ERRORS) {
            assertFalse(message.contains(code), message);
        }
    }

    @ParameterizedTest
    @EnumSource(Reason.class)
    void messageDoesNotDependOnTheStsErrorOrExceptionMessage(Reason reason) {
        assertEquals(message(reason),
                DownstreamFailureMessages.forFailure("calendar", CredentialException.of(reason, null, "anything")));
    }

    @Test
    void eachReasonHasItsOwnMessage() {
        Set<String> messages = new HashSet<>();
        for (Reason reason : Reason.values()) {
            assertTrue(messages.add(message(reason)), reason.name());
        }
    }

    @Test
    void deniedMessageIsExact() {
        assertEquals("Access to calendar was denied by your organisation's policy.", message(Reason.DENIED));
    }

    @Test
    void unavailableMessageBlamesTheAccessNotTheTargetWhichWasNeverCalled() {
        assertEquals("Access to the calendar service could not be obtained just now, as the service that grants it did"
                + " not answer; try again in a moment.", message(Reason.UNAVAILABLE));
    }

    @Test
    void noTenantMessageNamesTheTargetInOneSentence() {
        String message = DownstreamFailureMessages.noTenant("calendar");
        assertTrue(message.contains("calendar"), message);
        assertOneSentence(message);
    }
}
