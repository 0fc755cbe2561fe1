package dev.delegatemcp.it.badrestclients;

import dev.delegatemcp.api.Downstream;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** A REST client whose requests would need two credentials at once: deploying it must fail. */
@RegisterRestClient(configKey = "it-downstream")
@Downstream(resource = "calendar")
@Downstream(resource = "crm")
@Path("/")
public interface TwoTargetsApi {

    @GET
    @Path("calendar/events")
    String events();
}
