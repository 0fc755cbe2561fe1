package dev.delegatemcp.it.tools;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.delegatemcp.api.Tool;
import dev.delegatemcp.api.ToolArg;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Tools that call downstream services through a {@code @Downstream} MicroProfile Rest Client ({@link
 * DownstreamDoubleApi}), with no credential code of their own. Test deployments only.
 */
@ApplicationScoped
public class RestClientTools {

    @Inject
    @RestClient
    DownstreamDoubleApi downstream;

    @Tool(name = "rest_calendar", description = "Asks the calendar API, through a REST client, whose token it got")
    public String calendar() {
        return downstream.calendar();
    }

    @Tool(name = "rest_calendar_add", description = "Adds an event to the calendar through a REST client (a POST)")
    public String add(@ToolArg(description = "The event's title") String title) {
        return downstream.addToCalendar("{\"title\":\"" + title.replaceAll("[^A-Za-z0-9 ]", "") + "\"}");
    }

    @Tool(name = "rest_crm", description = "Asks the CRM, through a REST client, whose API key it got")
    public String crm() {
        return downstream.crm();
    }

    @Tool(name = "rest_payroll", description = "Calls, through a REST client, a target the policy denies")
    public String payroll() {
        return downstream.payroll();
    }

    @Tool(name = "rest_calendar_off_thread",
            description = "Calls the calendar through the REST client from a thread of its own: what it was told")
    public String offThread() throws Exception {
        CompletableFuture<String> outcome = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                outcome.complete("sent: " + downstream.calendar());
            } catch (RuntimeException e) {
                outcome.complete(e.getClass().getName() + ": " + e.getMessage());
            }
        });
        thread.start();
        return outcome.get(10, TimeUnit.SECONDS);
    }
}
