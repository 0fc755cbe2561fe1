package dev.delegatemcp.server.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.delegatemcp.server.ServerMessages;

import org.junit.jupiter.api.Test;

class TelemetryFeatureCheckTest {

    @Test
    void warnsWhenAValueThatTurnsLibertysSdkOnAsksForTelemetryThatIsNotLoaded() {
        assertTrue(TelemetryFeatureCheck.askedForButNotLoaded("false", false));
        assertTrue(TelemetryFeatureCheck.askedForButNotLoaded("FALSE", false));
        assertTrue(TelemetryFeatureCheck.askedForButNotLoaded(" False ", false));
        assertTrue(TelemetryFeatureCheck.askedForButNotLoaded("0", false));
        assertTrue(TelemetryFeatureCheck.askedForButNotLoaded("no", false));
    }

    @Test
    void staysSilentWhenTelemetryIsLoadedOrNotAskedFor() {
        assertFalse(TelemetryFeatureCheck.askedForButNotLoaded("false", true));
        assertFalse(TelemetryFeatureCheck.askedForButNotLoaded("true", false));
        assertFalse(TelemetryFeatureCheck.askedForButNotLoaded("TRUE", false));
        assertFalse(TelemetryFeatureCheck.askedForButNotLoaded(" True ", false));
    }

    @Test
    void warnsWhenTheFeatureIsLoadedWhileTelemetryIsOff() {
        assertTrue(TelemetryFeatureCheck.loadedWhileOff("true", true));
        assertTrue(TelemetryFeatureCheck.loadedWhileOff(" TRUE ", true));
        assertFalse(TelemetryFeatureCheck.loadedWhileOff("true", false));
        assertFalse(TelemetryFeatureCheck.loadedWhileOff("false", true));
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
