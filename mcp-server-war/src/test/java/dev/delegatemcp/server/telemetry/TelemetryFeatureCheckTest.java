package dev.delegatemcp.server.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.delegatemcp.server.ServerMessages;

import org.junit.jupiter.api.Test;

class TelemetryFeatureCheckTest {

    @Test
    void warnsWhenFalseInAnyCaseAsksForTelemetryThatIsNotLoaded() {
        assertTrue(TelemetryFeatureCheck.askedForButNotLoaded("false", false));
        assertTrue(TelemetryFeatureCheck.askedForButNotLoaded("FALSE", false));
        assertTrue(TelemetryFeatureCheck.askedForButNotLoaded(" False ", false));
    }

    @Test
    void staysSilentWhenTelemetryIsLoadedOrNotAskedFor() {
        assertFalse(TelemetryFeatureCheck.askedForButNotLoaded("false", true));
        assertFalse(TelemetryFeatureCheck.askedForButNotLoaded("true", false));
        assertFalse(TelemetryFeatureCheck.askedForButNotLoaded("TRUE", false));
        assertFalse(TelemetryFeatureCheck.askedForButNotLoaded("", false));
    }

    @Test
    void theWarningNamesTheValueAndWhatToDo() {
        String line = ServerMessages.TELEMETRY_NOT_LOADED.format("FALSE");
        assertEquals("DMCPS0015W: OpenTelemetry is asked for (otel.sdk.disabled=FALSE) but Liberty's mpTelemetry-2.1"
                + " feature is not loaded, so nothing is recorded: server.xml loads it only when the value is false in"
                + " lower case (OTEL_SDK_DISABLED=false or -Dotel.sdk.disabled=false). If it is, start the server once"
                + " with --clean", line);
    }
}
