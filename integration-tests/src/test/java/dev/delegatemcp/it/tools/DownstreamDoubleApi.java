package dev.delegatemcp.it.tools;

import dev.delegatemcp.api.Downstream;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The test's downstream services (the STS double's calendar and CRM) as a MicroProfile Rest Client whose methods
 * declare their targets: the calendar with an exchanged bearer token, the CRM with an API key. URL:
 * {@code it-downstream/mp-rest/url} (test-server.xml).
 */
@RegisterRestClient(configKey = "it-downstream")
@Path("/")
public interface DownstreamDoubleApi {

    @GET
    @Path("calendar/events")
    @Downstream(resource = "calendar")
    String calendar();

    @POST
    @Path("calendar/events")
    @Consumes(MediaType.APPLICATION_JSON)
    @Downstream(resource = "calendar")
    String addToCalendar(String eventJson);

    @GET
    @Path("crm/contacts")
    @Downstream(resource = "crm")
    String crm();

    /** A target the STS double's policy denies: the request is never sent. */
    @GET
    @Path("calendar/events")
    @Downstream(resource = "payroll")
    String payroll();
}
