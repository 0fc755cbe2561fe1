package dev.delegatemcp.samples.services;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The demo downstream services; each request needs a token for this service's own audience. */
@ApplicationPath("/")
public class SampleServicesApplication extends Application {
}
