package dev.delegatemcp.api.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TraceContextTest {

    private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    private static final String TRACESTATE = "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7";

    @Test
    void aVersion00TraceparentWithItsTracestateIsAccepted() {
        assertEquals(Optional.of(new TraceContext(TRACEPARENT, TRACESTATE)), TraceContext.of(TRACEPARENT, TRACESTATE));
    }

    @Test
    void aTraceparentWithoutTracestateIsAccepted() {
        assertEquals(Optional.of(new TraceContext(TRACEPARENT, null)), TraceContext.of(TRACEPARENT, null));
    }

    @Test
    void noTraceparentMeansNoTraceContextEvenWithATracestate() {
        assertEquals(Optional.empty(), TraceContext.of(null, TRACESTATE));
    }

    @Test
    void upperCaseHexIsRefused() {
        assertEquals(Optional.empty(), TraceContext.of(TRACEPARENT.toUpperCase(), null));
        assertEquals(Optional.empty(),
                TraceContext.of("00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01", null));
        assertEquals(Optional.empty(),
                TraceContext.of("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-0A", null));
    }

    @Test
    void anAllZeroTraceIdIsRefused() {
        assertEquals(Optional.empty(),
                TraceContext.of("00-00000000000000000000000000000000-b7ad6b7169203331-01", null));
    }

    @Test
    void anAllZeroParentIdIsRefused() {
        assertEquals(Optional.empty(),
                TraceContext.of("00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01", null));
    }

    @Test
    void versionFfIsRefused() {
        assertEquals(Optional.empty(),
                TraceContext.of("ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", null));
    }

    @Test
    void version00WithMoreFieldsIsRefused() {
        assertEquals(Optional.empty(), TraceContext.of(TRACEPARENT + "-cafe", null));
    }

    @Test
    void aFutureVersionWithExtraFieldsIsAcceptedAsSent() {
        String future = "cc-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-what-comes-next";
        assertEquals(future, TraceContext.of(future, null).orElseThrow().traceparent());
        String bare = "01-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        assertTrue(TraceContext.of(bare, null).isPresent());
    }

    @Test
    void aFutureVersionWhoseExtraFieldsDoNotFollowADashIsRefused() {
        assertEquals(Optional.empty(),
                TraceContext.of("cc-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01x", null));
    }

    @Test
    void aTraceparentShorterThan55CharactersIsRefused() {
        assertEquals(Optional.empty(), TraceContext.of("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-1", null));
        assertEquals(Optional.empty(), TraceContext.of("", null));
    }

    @Test
    void misplacedDashesAreRefused() {
        assertEquals(Optional.empty(),
                TraceContext.of("00_0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", null));
    }

    @Test
    void anInvalidTraceparentDropsAValidTracestateToo() {
        assertEquals(Optional.empty(), TraceContext.of("00-xyz", TRACESTATE));
    }

    @Test
    void anOversizedTracestateIsDroppedAndTheTraceparentKept() {
        String oversized = "a=" + "x".repeat(255) + ",b=" + "y".repeat(255); // 515 characters
        assertEquals(Optional.of(new TraceContext(TRACEPARENT, null)), TraceContext.of(TRACEPARENT, oversized));
    }

    @Test
    void aTracestateOfExactly512CharactersIsKept() {
        String full = "a=" + "x".repeat(254) + ",b=" + "y".repeat(253);
        assertEquals(512, full.length());
        assertEquals(full, TraceContext.of(TRACEPARENT, full).orElseThrow().tracestate());
    }

    @Test
    void aTracestateMemberWithoutEqualsSignIsDropped() {
        assertEquals(Optional.of(new TraceContext(TRACEPARENT, null)), TraceContext.of(TRACEPARENT, "congo"));
    }

    @Test
    void aTracestateKeyWithUpperCaseOrStartingWithADigitIsDropped() {
        assertEquals(Optional.of(new TraceContext(TRACEPARENT, null)), TraceContext.of(TRACEPARENT, "Congo=1"));
        assertEquals(Optional.of(new TraceContext(TRACEPARENT, null)), TraceContext.of(TRACEPARENT, "1congo=1"));
    }

    @Test
    void aTracestateValueHoldingAnEqualsSignOrNonAsciiIsDropped() {
        assertEquals(Optional.of(new TraceContext(TRACEPARENT, null)), TraceContext.of(TRACEPARENT, "congo=a=b"));
        assertEquals(Optional.of(new TraceContext(TRACEPARENT, null)),
                TraceContext.of(TRACEPARENT, "congo=\u00e9t\u00e9"));
    }

    @Test
    void tracestateMayHaveMultiTenantKeysOptionalWhitespaceAndEmptyMembers() {
        String state = "fw529a3039@dt=aGVsbG8 ,\t ,  rojo=00f067aa0ba902b7";
        assertEquals(state, TraceContext.of(TRACEPARENT, state).orElseThrow().tracestate());
    }

    @Test
    void aTracestateWithMoreThan32MembersIsDropped() {
        StringBuilder state = new StringBuilder("k0=v");
        for (int i = 1; i < 33; i++) {
            state.append(",k").append(i).append("=v");
        }
        assertEquals(null, TraceContext.of(TRACEPARENT, state.toString()).orElseThrow().tracestate());
        assertEquals(state.substring(0, state.lastIndexOf(",")),
                TraceContext.of(TRACEPARENT, state.substring(0, state.lastIndexOf(","))).orElseThrow().tracestate());
    }

    @Test
    void theConstructorRefusesWhatTheFactoryWouldDrop() {
        assertThrows(IllegalArgumentException.class, () -> new TraceContext("00-xyz", null));
        assertThrows(IllegalArgumentException.class, () -> new TraceContext(TRACEPARENT, "congo"));
        assertThrows(NullPointerException.class, () -> new TraceContext(null, null));
    }

    @Test
    void applyToSetsBothHeadersOrOnlyTraceparent() {
        Map<String, String> headers = new LinkedHashMap<>();
        new TraceContext(TRACEPARENT, TRACESTATE).applyTo(headers::put);
        assertEquals(Map.of("traceparent", TRACEPARENT, "tracestate", TRACESTATE), headers);
        headers.clear();
        new TraceContext(TRACEPARENT, null).applyTo(headers::put);
        assertEquals(Map.of("traceparent", TRACEPARENT), headers);
    }
}
