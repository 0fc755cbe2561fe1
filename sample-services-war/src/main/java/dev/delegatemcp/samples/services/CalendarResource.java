package dev.delegatemcp.samples.services;

import java.time.LocalDate;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A calendar API: answers with the caller's events, and says which token it accepted (subject, audience, the
 * client that obtained it) so the demo shows the delegation at work.
 */
@Path("/calendar/events")
public class CalendarResource {

    /** One calendar entry. */
    public record Event(String title, LocalDate day) {
    }

    /** The answer: the token as the calendar saw it, and the events. */
    public record Events(String subject, List<String> audience, String authorizedParty, List<Event> events) {
    }

    /**
     * The caller's token is the request's principal (MP-JWT). Not {@code @Inject JsonWebToken}: Liberty creates that
     * bean for every request under a server-wide lock, which stalled calls for seconds under load (bench/README.md).
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response events(@Context SecurityContext security) {
        JsonWebToken token = security.getUserPrincipal() instanceof JsonWebToken jwt ? jwt : null;
        if (token == null || token.getSubject() == null) {
            return Response.status(Response.Status.UNAUTHORIZED).header("WWW-Authenticate", "Bearer").build();
        }
        LocalDate today = LocalDate.now();
        List<Event> events = List.of(new Event("Stand-up", today), new Event("Planning with " + token.getSubject(),
                today.plusDays(1)));
        return Response.ok(new Events(token.getSubject(), List.copyOf(token.getAudience()),
                token.getClaim("azp"), events)).build();
    }
}
