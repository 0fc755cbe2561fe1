package dev.delegatemcp.samples.telemetry;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The demo's OTLP/HTTP receiver, at {@code /sample-telemetry}. */
@ApplicationPath("/")
public class TelemetryApplication extends Application {
}
