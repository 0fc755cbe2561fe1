package dev.delegatemcp.samples;

import java.util.List;
import java.util.TreeSet;

import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.resource.McpResource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Sample resources: the caller as the server sees them, and their calendar read with a delegated credential. */
@ApplicationScoped
public class CalendarResources {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    @RestClient
    CalendarApi calendar;

    /** The caller, as JSON. */
    public record Me(String subject, String tenant, List<String> scopes) {
    }

    @McpResource(uri = "identity://me", name = "me", title = "Who I am",
            description = "The caller as this server sees them: user, tenant and scopes.",
            mimeType = "application/json")
    public String me(McpCaller caller) {
        return JSON.toJson(new Me(caller.subject(), caller.tenant().orElse(null),
                List.copyOf(new TreeSet<>(caller.scopes()))));
    }

    @McpResource(uri = "calendar://events/upcoming", name = "upcoming_events", title = "My upcoming events",
            description = "The caller's upcoming events, read from the calendar service with a credential exchanged "
                    + "for the caller (audience calendar-api).",
            mimeType = "application/json")
    public String upcoming() {
        return calendar.events();
    }
}
