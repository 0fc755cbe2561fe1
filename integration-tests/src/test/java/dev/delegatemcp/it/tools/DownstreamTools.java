package dev.delegatemcp.it.tools;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.delegatemcp.api.Downstream;
import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.DownstreamCredentials;
import dev.delegatemcp.api.Tool;
import dev.delegatemcp.api.ToolCallException;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Tools that call downstream services (the test's STS double) with delegated credentials. Test deployments only. */
@ApplicationScoped
public class DownstreamTools {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @ConfigProperty(name = "it.downstream.base")
    @jakarta.inject.Inject
    String base;

    @Tool(name = "calendar_whoami", description = "Asks the calendar API whose token it received")
    @Downstream(resource = "calendar", scopes = "calendar.read")
    public String calendarWhoami(DownstreamCredential calendar) {
        return call("/calendar/events", calendar, true);
    }

    @Tool(name = "calendar_and_crm", description = "Reads the calendar and the CRM in one call")
    @Downstream(resource = "calendar")
    @Downstream(connection = "crm")
    public String calendarAndCrm(DownstreamCredentials credentials) {
        return call("/calendar/events", credentials.get("calendar"), true) + " "
                + call("/crm/contacts", credentials.get("crm"), false);
    }

    @Tool(name = "tenant_crm", description = "Reads the CRM with the tenant's connection")
    @Downstream(connection = "crm", level = Downstream.Level.TENANT)
    public String tenantCrm(DownstreamCredential crm) {
        return call("/crm/contacts", crm, false);
    }

    @Tool(name = "payroll_report", description = "A target the policy denies")
    @Downstream(resource = "payroll")
    public String payroll(DownstreamCredential payroll) {
        return "never reached";
    }

    @Tool(name = "broken_target", description = "A target whose STS answers 503")
    @Downstream(resource = "broken")
    public String broken(DownstreamCredential broken) {
        return "never reached";
    }

    @Tool(name = "slow_target", description = "A target whose exchange takes 300 ms")
    @Downstream(resource = "slow")
    public String slow(DownstreamCredential slow) {
        return "ok " + slow.type();
    }

    private String call(String path, DownstreamCredential credential, boolean refreshOn401) {
        HttpResponse<String> response = send(path, credential);
        if (response.statusCode() == 401 && refreshOn401) {
            response = send(path, credential.refresh());
        }
        if (response.statusCode() != 200) {
            throw new ToolCallException("The downstream service answered " + response.statusCode());
        }
        return response.body();
    }

    private HttpResponse<String> send(String path, DownstreamCredential credential) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        credential.applyTo(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ToolCallException("The downstream service could not be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolCallException("Interrupted");
        }
    }
}
