package dev.delegatemcp.server.telemetry;

import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

import dev.delegatemcp.server.ServerMessages;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At start-up, warns ({@code DMCPS0015W}) when OpenTelemetry is asked for but Liberty's {@code mpTelemetry-2.1} is not
 * loaded, so that telemetry is never off without a word, and ({@code DMCPS0016W}) when the feature is loaded while
 * telemetry is off, costing CPU for nothing. server.xml loads that feature through an include whose file
 * name carries the value of {@code otel.sdk.disabled}: only {@code false} loads it, while Liberty turns its SDK on for
 * any value but {@code true}; the included file may be missing beside server.xml, or the feature not installed (a
 * runtime whose features were installed from server.xml with telemetry off); and Liberty reuses its cached
 * configuration and features on a warm start ({@code server start} without {@code --clean}) of a server whose
 * server.xml did not change.
 */
@ApplicationScoped
public class TelemetryFeatureCheck {

    static final String SDK_DISABLED = "otel.sdk.disabled";

    private static final Logger LOG = Logger.getLogger(TelemetryFeatureCheck.class.getName());

    @Inject
    Instance<OpenTelemetry> liberty;

    /** {@code otel.sdk.disabled}: MicroProfile Config reads it from the environment's OTEL_SDK_DISABLED too. */
    @Inject
    @ConfigProperty(name = SDK_DISABLED)
    Optional<String> sdkDisabled;

    void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
        boolean loaded = !liberty.isUnsatisfied();
        String value = sdkDisabled.orElse("true");
        boolean on = turnsTelemetryOn(value);
        if (on && !loaded) {
            ServerMessages.TELEMETRY_NOT_LOADED.log(LOG, value);
        } else if (!on && loaded) {
            ServerMessages.TELEMETRY_LOADED_WHILE_OFF.log(LOG, value);
        }
    }

    /**
     * @param sdkDisabled the value of {@code otel.sdk.disabled}
     * @return whether it turns Liberty's SDK on: any value but {@code true} (in any case), as OpenTelemetry's
     *         {@code otel.sdk.disabled} is read
     */
    static boolean turnsTelemetryOn(String sdkDisabled) {
        return !"true".equals(sdkDisabled.trim().toLowerCase(Locale.ROOT));
    }
}
