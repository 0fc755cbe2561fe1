package dev.delegatemcp.it.tools;

import java.util.concurrent.TimeUnit;

import dev.delegatemcp.api.Downstream;
import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.DownstreamCredentials;
import dev.delegatemcp.api.Tool;
import dev.delegatemcp.api.ToolCallException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tools that call downstream services (the test's STS double) with delegated credentials. Test deployments only.
 * They call with a Jakarta REST client, as a tool author would: Liberty's telemetry makes each call a CLIENT span and
 * sends its trace context.
 */
@ApplicationScoped
public class DownstreamTools {

    private final Client http = ClientBuilder.newBuilder().connectTimeout(5, TimeUnit.SECONDS)
            .readTimeout(10, TimeUnit.SECONDS).build();

    @PreDestroy
    void close() {
        http.close();
    }

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
        Answer response = send(path, credential);
        if (response.status() == 401 && refreshOn401) {
            response = send(path, credential.refresh());
        }
        if (response.status() != 200) {
            throw new ToolCallException("The downstream service answered " + response.status());
        }
        return response.body();
    }

    private record Answer(int status, String body) {
    }

    private Answer send(String path, DownstreamCredential credential) {
        Invocation.Builder request = http.target(base + path).request();
        credential.applyTo(request::header);
        try (Response response = request.get()) {
            return new Answer(response.getStatus(), response.readEntity(String.class));
        } catch (ProcessingException e) {
            throw new ToolCallException("The downstream service could not be reached");
        }
    }
}
