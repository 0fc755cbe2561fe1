package dev.delegatemcp.samples;

import java.time.LocalDate;

import dev.delegatemcp.api.Downstream;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The sample calendar service, as a MicroProfile Rest Client: inside a tool call, every request carries the caller's
 * delegated credential for the target "calendar" (a token the server exchanged for the audience {@code calendar-api},
 * see {@code mcp.downstream.calendar.*}), and the trace context of the MCP request. If the calendar answers 401, the
 * server renews the credential and sends a GET once more; a POST is not sent twice.
 * <p>
 * Where it is and how long it may take are the Rest Client's own settings, under its config key:
 * {@code calendar/mp-rest/url} (from {@code samples.calendar.url}), {@code calendar/mp-rest/connectTimeout} and
 * {@code calendar/mp-rest/readTimeout} in milliseconds (server.xml variables, so that the environment overrides
 * them like any other setting).
 */
@RegisterRestClient(configKey = "calendar")
@Downstream(resource = "calendar")
@Produces(MediaType.APPLICATION_JSON)
public interface CalendarApi {

    /** An event to add. */
    record NewEvent(String title, LocalDate day) {
    }

    /** The caller's upcoming events, as the service's JSON. */
    @GET
    String events();

    /** Adds an event to the caller's calendar; the service's JSON for the event added. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    String add(NewEvent event);
}
