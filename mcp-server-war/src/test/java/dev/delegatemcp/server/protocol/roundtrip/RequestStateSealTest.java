package dev.delegatemcp.server.protocol.roundtrip;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import dev.delegatemcp.server.protocol.roundtrip.RequestStateRejectedException.Reason;
import dev.delegatemcp.server.protocol.session.MutableClock;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

class RequestStateSealTest {

    private static final String SECRET = "correct horse battery staple, 32+ characters";
    private static final String OTHER_SECRET = "another secret of at least thirty-two characters";
    private static final String SUBJECT = "alice-7f3a";
    private static final Duration TTL = Duration.ofMinutes(10);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-07-28T10:00:00Z"));
    private final RequestStateSeal seal = new RequestStateSeal(SECRET, null, TTL, clock);

    private static final JsonObject PAYLOAD = Json.createObjectBuilder().add("step", 2)
            .add("answers", Json.createObjectBuilder().add("github_login", "octocat-the-secret-answer")).build();
    private static final String BINDING = RequestStateSeal.requestBinding("tools/call", "create_issue",
            json("{\"repo\":\"delegate-mcp\",\"priority\":1}"));

    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    private static Reason rejection(RequestStateSeal seal, String token, String subject, String binding) {
        return assertThrows(RequestStateRejectedException.class, () -> seal.open(token, subject, binding)).reason();
    }

    private static byte[] bytes(String token) {
        return Base64.getUrlDecoder().decode(token);
    }

    private static String token(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Test
    void aSealedStateOpensToItsPayload() {
        String token = seal.seal(PAYLOAD, SUBJECT, BINDING);
        assertEquals(PAYLOAD, seal.open(token, SUBJECT, BINDING));
    }

    @Test
    void theTokenIsUrlSafeBase64WithoutPadding() {
        assertTrue(seal.seal(PAYLOAD, SUBJECT, BINDING).matches("[A-Za-z0-9_-]+"));
    }

    @Test
    void flippingAnyBitOfHeaderNonceCiphertextOrTagMakesTheStateUnverifiable() {
        byte[] sealed = bytes(seal.seal(PAYLOAD, SUBJECT, BINDING));
        for (int i = 0; i < sealed.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] altered = sealed.clone();
                altered[i] ^= (byte) (1 << bit);
                assertEquals(Reason.UNVERIFIABLE, rejection(seal, token(altered), SUBJECT, BINDING),
                        "byte " + i + " bit " + bit);
            }
        }
    }

    @Test
    void aTokenTruncatedBelowTheSmallestSealIsMalformedAndAboveItUnverifiable() {
        byte[] sealed = bytes(seal.seal(PAYLOAD, SUBJECT, BINDING));
        assertEquals(Reason.MALFORMED, rejection(seal, token(Arrays.copyOf(sealed, 32)), SUBJECT, BINDING));
        assertEquals(Reason.MALFORMED, rejection(seal, token(Arrays.copyOf(sealed, 5)), SUBJECT, BINDING));
        assertEquals(Reason.UNVERIFIABLE,
                rejection(seal, token(Arrays.copyOf(sealed, sealed.length - 1)), SUBJECT, BINDING));
        assertEquals(Reason.UNVERIFIABLE, rejection(seal, token(Arrays.copyOf(sealed, 33)), SUBJECT, BINDING));
    }

    @Test
    void emptyMissingAndNonBase64UrlTokensAreMalformed() {
        for (String token : new String[] {"", null, "not base64url!",
            "ab+/cd+/ef+/gh+/ij+/kl+/mn+/op+/qr+/st+/uv+/wx+/",
            "A", "====", " " + token(new byte[40])}) {
            assertEquals(Reason.MALFORMED, rejection(seal, token, SUBJECT, BINDING), String.valueOf(token));
        }
    }

    @Test
    void garbageOfTheRightAlphabetAndLengthIsUnverifiable() {
        byte[] garbage = new byte[200];
        new java.util.Random(7).nextBytes(garbage);
        garbage[0] = 1;
        assertEquals(Reason.UNVERIFIABLE, rejection(seal, token(garbage), SUBJECT, BINDING));
    }

    @Test
    void aTokenOverSixtyFourKibibytesIsMalformedBeforeItIsDecoded() {
        // Decodable base64url (a multiple of 4 characters): only the size limit refuses it as malformed.
        String oversized = "A".repeat(RequestStateSeal.MAX_TOKEN_CHARS + 4);
        assertEquals(Reason.MALFORMED, rejection(seal, oversized, SUBJECT, BINDING));
    }

    @Test
    void aPayloadTooLargeToBeOpenedAgainIsNotSealed() {
        JsonObject large = Json.createObjectBuilder().add("text", "x".repeat(RequestStateSeal.MAX_TOKEN_CHARS)).build();
        assertThrows(IllegalArgumentException.class, () -> seal.seal(large, SUBJECT, BINDING));
    }

    @Test
    void stateSealedForAnotherUserIsRefused() {
        String token = seal.seal(PAYLOAD, SUBJECT, BINDING);
        assertEquals(Reason.OTHER_SUBJECT, rejection(seal, token, "mallory", BINDING));
    }

    @Test
    void stateSealedForAnotherRequestIsRefused() {
        String token = seal.seal(PAYLOAD, SUBJECT, BINDING);
        String otherArguments = RequestStateSeal.requestBinding("tools/call", "create_issue",
                json("{\"repo\":\"delegate-mcp\",\"priority\":2}"));
        String otherTool = RequestStateSeal.requestBinding("tools/call", "delete_repo",
                json("{\"repo\":\"delegate-mcp\",\"priority\":1}"));
        String otherMethod = RequestStateSeal.requestBinding("prompts/get", "create_issue",
                json("{\"repo\":\"delegate-mcp\",\"priority\":1}"));
        for (String binding : List.of(otherArguments, otherTool, otherMethod)) {
            assertEquals(Reason.OTHER_REQUEST, rejection(seal, token, SUBJECT, binding));
        }
    }

    @Test
    void stateIsAcceptedUntilItsTimeToLiveHasPassedAndExpiredFromThen() {
        String token = seal.seal(PAYLOAD, SUBJECT, BINDING);
        clock.advance(TTL.minusSeconds(1));
        assertEquals(PAYLOAD, seal.open(token, SUBJECT, BINDING));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Reason.EXPIRED, rejection(seal, token, SUBJECT, BINDING));
    }

    @Test
    void anotherServerInstanceWithTheSameSecretOpensTheState() {
        String token = seal.seal(PAYLOAD, SUBJECT, BINDING);
        RequestStateSeal otherInstance = new RequestStateSeal(SECRET, null, TTL, clock);
        assertEquals(PAYLOAD, otherInstance.open(token, SUBJECT, BINDING));
    }

    @Test
    void aServerWithAnotherSecretCannotOpenTheState() {
        String token = seal.seal(PAYLOAD, SUBJECT, BINDING);
        RequestStateSeal otherServer = new RequestStateSeal(OTHER_SECRET, null, TTL, clock);
        assertEquals(Reason.UNVERIFIABLE, rejection(otherServer, token, SUBJECT, BINDING));
    }

    @Test
    void afterARotationThePreviousSecretStillOpensOldStateAndNewStateIsSealedWithTheCurrentSecret() {
        String before = seal.seal(PAYLOAD, SUBJECT, BINDING);
        RequestStateSeal rotated = new RequestStateSeal(OTHER_SECRET, SECRET, TTL, clock);
        assertEquals(PAYLOAD, rotated.open(before, SUBJECT, BINDING));

        String after = rotated.seal(PAYLOAD, SUBJECT, BINDING);
        assertEquals(PAYLOAD, new RequestStateSeal(OTHER_SECRET, null, TTL, clock).open(after, SUBJECT, BINDING));
        assertEquals(Reason.UNVERIFIABLE, rejection(seal, after, SUBJECT, BINDING));
    }

    @Test
    void theTokenHoldsNeitherThePayloadNorTheSubjectNorTheRequestInClear() {
        String token = seal.seal(PAYLOAD, SUBJECT, BINDING);
        String decoded = new String(bytes(token), UTF_8);
        for (String clear : List.of("octocat-the-secret-answer", "github_login", "answers", SUBJECT, "tools/call",
                "create_issue", BINDING.substring(BINDING.lastIndexOf('\n') + 1), "subject", "expiresAt")) {
            assertFalse(decoded.contains(clear), clear + " in clear");
            assertFalse(token.contains(clear), clear + " in the token text");
        }
    }

    @Test
    void twoSealsOfTheSameStateDiffer() {
        assertNotEquals(seal.seal(PAYLOAD, SUBJECT, BINDING), seal.seal(PAYLOAD, SUBJECT, BINDING));
        byte[] first = bytes(seal.seal(PAYLOAD, SUBJECT, BINDING));
        byte[] second = bytes(seal.seal(PAYLOAD, SUBJECT, BINDING));
        assertFalse(Arrays.equals(first, 5, 17, second, 5, 17), "the nonces are equal");
    }

    @Test
    void eachRejectionTellsTheClientASentenceWithoutTokenOrUser() {
        String token = seal.seal(PAYLOAD, SUBJECT, BINDING);
        RequestStateRejectedException otherUser = assertThrows(RequestStateRejectedException.class,
                () -> seal.open(token, "mallory", BINDING));
        assertEquals("requestState belongs to another user", otherUser.getMessage());
        clock.advance(TTL);
        assertEquals("requestState has expired; send the request again without it",
                assertThrows(RequestStateRejectedException.class, () -> seal.open(token, SUBJECT, BINDING))
                        .getMessage());
        for (Reason reason : Reason.values()) {
            String message = new RequestStateRejectedException(reason).getMessage();
            assertFalse(message.contains(SUBJECT) || message.contains("mallory") || message.contains(token));
        }
        assertEquals("requestState was not issued by this server or was altered",
                assertThrows(RequestStateRejectedException.class, () -> seal.open("x", SUBJECT, BINDING))
                        .getMessage());
    }

    @Test
    void sameArgumentsWrittenOtherwiseBindTheSameRequest() {
        assertEquals(BINDING, RequestStateSeal.requestBinding("tools/call", "create_issue",
                json("{\"priority\":1.0,\"repo\":\"delegate-mcp\"}")));
        assertEquals(RequestStateSeal.requestBinding("tools/call", "t", null),
                RequestStateSeal.requestBinding("tools/call", "t", json("{}")));
        assertEquals(RequestStateSeal.requestBinding("tools/call", "t", JsonValue.NULL),
                RequestStateSeal.requestBinding("tools/call", "t", JsonValue.EMPTY_JSON_OBJECT));
    }

    @Test
    void aBindingIsMethodNameAndTheArgumentsDigest() {
        String[] parts = BINDING.split("\n");
        assertEquals("tools/call", parts[0]);
        assertEquals("create_issue", parts[1]);
        assertEquals(43, parts[2].length(), "SHA-256 in unpadded base64url");
    }

    @Test
    void aSecretShorterThan32CharactersIsRefusedWithoutShowingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RequestStateSeal("tenchars!!", null, TTL, clock));
        assertTrue(e.getMessage().contains("mcp.request-state.secret"), e.getMessage());
        assertFalse(e.getMessage().contains("tenchars!!"), e.getMessage());
        IllegalArgumentException previous = assertThrows(IllegalArgumentException.class,
                () -> new RequestStateSeal(SECRET, "tenchars!!", TTL, clock));
        assertTrue(previous.getMessage().contains("mcp.request-state.previous-secret"), previous.getMessage());
        assertFalse(previous.getMessage().contains("tenchars!!"), previous.getMessage());
    }

    @Test
    void withoutASecretAKeyOfThisStartIsMadeWithOneWarningAndOnlyThisInstanceOpensItsState() {
        Logger logger = Logger.getLogger(RequestStateSeal.class.getName());
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            RequestStateSeal withoutSecret = new RequestStateSeal(
                    new RequestStateConfig(Optional.empty(), Optional.empty(), TTL));
            assertEquals(1, records.size());
            assertTrue(records.get(0).getMessage().startsWith("DMCPS0012W: "), records.get(0).getMessage());
            assertTrue(records.get(0).getMessage().contains("MCP_REQUEST_STATE_SECRET"));

            String token = withoutSecret.seal(PAYLOAD, SUBJECT, BINDING);
            assertEquals(PAYLOAD, withoutSecret.open(token, SUBJECT, BINDING));
            RequestStateSeal afterRestart = new RequestStateSeal(
                    new RequestStateConfig(Optional.empty(), Optional.empty(), TTL));
            assertEquals(Reason.UNVERIFIABLE, rejection(afterRestart, token, SUBJECT, BINDING));

            records.clear();
            new RequestStateSeal(new RequestStateConfig(Optional.of(SECRET), Optional.empty(), TTL));
            assertEquals(List.of(), records, "no warning with a secret");
        } finally {
            logger.removeHandler(handler);
        }
    }

    @Test
    void everyOtherSpellingOfTheLastCharacterIsRefusedAlsoWhenItDecodesToTheSameBytes() {
        String token = seal.seal(PAYLOAD, "alice", BINDING);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = token.charAt(token.length() - 1);
        for (char other : alphabet.toCharArray()) {
            if (other != last) {
                String altered = token.substring(0, token.length() - 1) + other;
                assertThrows(RequestStateRejectedException.class, () -> seal.open(altered, "alice", BINDING),
                        "last character " + last + " -> " + other);
            }
        }
    }
}
