package dev.delegatemcp.server.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.delegatemcp.server.ServerMessages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TelemetryFeatureCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {"false", "FALSE", " False ", "0", "no", ""})
    void anyValueButTrueTurnsLibertysSdkOn(String value) {
        assertTrue(TelemetryFeatureCheck.turnsTelemetryOn(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", " True "})
    void trueInAnyCaseLeavesItOff(String value) {
        assertFalse(TelemetryFeatureCheck.turnsTelemetryOn(value));
    }

    @Test
    void theWarningNamesTheValueAndWhatToDo() {
        String line = ServerMessages.TELEMETRY_NOT_LOADED.format("FALSE");
        assertEquals("DMCPS0015W: OpenTelemetry is asked for (otel.sdk.disabled=FALSE) but Liberty's mpTelemetry-2.1"
                + " feature is not loaded, so nothing is recorded. server.xml loads it from"
                + " telemetry/otel-sdk-disabled-false.xml only when the value is false (OTEL_SDK_DISABLED=false or"
                + " -Dotel.sdk.disabled=false): check the value, that this file is beside server.xml and that the"
                + " runtime has the feature installed; after a start with another value, start the server once with"
                + " --clean", line);
    }
}
