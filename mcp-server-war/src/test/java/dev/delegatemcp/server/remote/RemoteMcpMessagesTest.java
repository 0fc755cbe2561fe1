package dev.delegatemcp.server.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class RemoteMcpMessagesTest {

    @Test
    void failureSentencesNameTheTargetAndEndWithAFullStop() {
        List<String> messages = List.of(RemoteMcpMessages.unreachable("crm"), RemoteMcpMessages.notMcp("crm"),
                RemoteMcpMessages.notAccepted("crm"), RemoteMcpMessages.forbidden("crm"),
                RemoteMcpMessages.unsupportedVersion("crm"), RemoteMcpMessages.refused("crm", null));
        for (String message : messages) {
            assertTrue(message.startsWith("The crm service "), message);
            assertTrue(message.endsWith("."), message);
            assertEquals(message.length() - 1, message.indexOf('.'), "one sentence: " + message);
        }
        assertEquals(messages.size(), messages.stream().distinct().count());
    }

    @Test
    void refusalShowsTheRemoteMessage() {
        assertEquals("The crm service refused the request: Unknown tool: x",
                RemoteMcpMessages.refused("crm", "Unknown tool: x"));
        assertEquals("The crm service refused the request.", RemoteMcpMessages.refused("crm", " \n "));
    }

    @Test
    void remoteTextLosesControlAndFormatCharacters() {
        assertEquals("a b c d e", RemoteMcpMessages.sanitize("a\r\nb\u0000c\u202Ed\u2028\te"));
    }

    @Test
    void remoteTextIsCappedAt200CharactersWithAnEllipsis() {
        String capped = RemoteMcpMessages.sanitize("x".repeat(1000));
        assertEquals(200, capped.length());
        assertTrue(capped.endsWith("\u2026"));
        assertEquals("y".repeat(200), RemoteMcpMessages.sanitize("y".repeat(200)));
    }

    @Test
    void cappingNeverSplitsASurrogatePair() {
        String capped = RemoteMcpMessages.sanitize("x".repeat(198) + "\uD83D\uDE00".repeat(10));
        assertFalse(Character.isHighSurrogate(capped.charAt(capped.length() - 2)), capped);
        assertTrue(capped.length() <= 200);
    }

    @Test
    void secretsInTheRemoteTextAreMasked() {
        assertEquals("you sent Bearer *** and ***",
                RemoteMcpMessages.sanitize("you sent Bearer tok-1 and key-2", "tok-1", "key-2", null, ""));
        assertEquals("split *** ***", RemoteMcpMessages.sanitize("split tok-1\ntok-1", "tok-1"));
    }
}
