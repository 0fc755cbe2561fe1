package dev.delegatemcp.server.protocol.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

class InFlightRequestsTest {

    private final InFlightRequests inFlight = new InFlightRequests();

    private static JsonValue id(String value) {
        return Json.createValue(value);
    }

    private static JsonValue id(int value) {
        return Json.createValue(value);
    }

    @Test
    void aRequestOfTheSessionIsCancelledByItsId() {
        RequestCancellation cancellation = new RequestCancellation();
        inFlight.add("s1", id("r1"), cancellation);
        assertTrue(inFlight.cancel("s1", id("r1")));
        assertTrue(cancellation.isCancelled());
    }

    @Test
    void aNumberIdIsOneRequestHoweverItIsWritten() {
        RequestCancellation cancellation = new RequestCancellation();
        inFlight.add("s1", Json.createValue(new java.math.BigDecimal("1.0")), cancellation);
        assertTrue(inFlight.cancel("s1", id(1)));
        assertTrue(cancellation.isCancelled());
        RequestCancellation hundred = new RequestCancellation();
        inFlight.add("s1", id(100), hundred);
        assertTrue(inFlight.cancel("s1", Json.createValue(new java.math.BigDecimal("1E+2"))));
        assertTrue(hundred.isCancelled());
    }

    @Test
    void anotherSessionCannotCancelIt() {
        RequestCancellation cancellation = new RequestCancellation();
        inFlight.add("s1", id(7), cancellation);
        assertFalse(inFlight.cancel("s2", id(7)));
        assertFalse(cancellation.isCancelled());
    }

    @Test
    void aStringIdAndANumberIdAreDifferentRequests() {
        RequestCancellation number = new RequestCancellation();
        inFlight.add("s1", id(1), number);
        assertFalse(inFlight.cancel("s1", id("1")));
        assertFalse(number.isCancelled());
        assertTrue(inFlight.cancel("s1", id(1)));
    }

    @Test
    void aFinishedRequestIsNoLongerCancelled() {
        RequestCancellation cancellation = new RequestCancellation();
        inFlight.add("s1", id("r1"), cancellation);
        inFlight.remove("s1", id("r1"), cancellation);
        assertFalse(inFlight.cancel("s1", id("r1")));
        assertFalse(cancellation.isCancelled());
        assertEquals(0, inFlight.size());
    }

    @Test
    void aCancellationWithANumberNoRequestIdCanBeIsIgnored() {
        inFlight.add("s1", id(1), new RequestCancellation());
        // Written out in digits, 1E+2147483647 does not fit in a Java array (1E+999999999 takes a gigabyte).
        assertFalse(inFlight.cancel("s1", Json.createValue(new java.math.BigDecimal("1E+2147483647"))));
        assertFalse(inFlight.cancel("s1", Json.createValue(new java.math.BigDecimal("1.5"))));
    }

    @Test
    void anUnknownIdIsIgnored() {
        assertFalse(inFlight.cancel("s1", id("never")));
    }

    @Test
    void removingAnOlderRequestKeepsANewerOneWithTheSameId() {
        RequestCancellation older = new RequestCancellation();
        RequestCancellation newer = new RequestCancellation();
        inFlight.add("s1", id(1), older);
        inFlight.add("s1", id(1), newer);
        inFlight.remove("s1", id(1), older);
        assertEquals(1, inFlight.size());
        assertTrue(inFlight.cancel("s1", id(1)));
        assertTrue(newer.isCancelled());
    }
}
