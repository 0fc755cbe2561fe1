package dev.delegatemcp.samples.services;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A calendar API: answers with the caller's events, and says which token it accepted (subject, audience, the
 * client that obtained it) so the demo shows the delegation at work. Events added with POST are kept in memory, per
 * subject: at most {@value #MAX_ADDED} each (the oldest go first), titles of at most {@value #MAX_TITLE_LENGTH}
 * characters (else 400), for at most {@value #MAX_SUBJECTS} subjects (then 503 for new ones), so that no caller can
 * fill the demo's memory.
 */
@Path("/calendar/events")
public class CalendarResource {

    static final int MAX_ADDED = 20;
    static final int MAX_TITLE_LENGTH = 200;
    static final int MAX_SUBJECTS = 10_000;

    /** Events added, by subject; each deque guarded by itself. */
    private static final Map<String, Deque<Event>> ADDED = new ConcurrentHashMap<>();

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
        JsonWebToken token = token(security);
        if (token == null) {
            return unauthorized();
        }
        LocalDate today = LocalDate.now();
        List<Event> events = new ArrayList<>(List.of(new Event("Stand-up", today),
                new Event("Planning with " + token.getSubject(), today.plusDays(1))));
        Deque<Event> added = ADDED.get(token.getSubject());
        if (added != null) {
            synchronized (added) {
                events.addAll(added);
            }
        }
        return Response.ok(new Events(token.getSubject(), List.copyOf(token.getAudience()),
                token.getClaim("azp"), events)).build();
    }

    /** Adds an event to the caller's calendar; 400 without a title and a day, or with a title that is too long. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response add(@Context SecurityContext security, Event event) {
        JsonWebToken token = token(security);
        if (token == null) {
            return unauthorized();
        }
        if (event == null || event.title() == null || event.title().isBlank()
                || event.title().length() > MAX_TITLE_LENGTH || event.day() == null) {
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        Deque<Event> added = ADDED.get(token.getSubject());
        if (added == null) {
            synchronized (ADDED) { // so that the count of subjects holds however many add at once
                added = ADDED.get(token.getSubject());
                if (added == null) {
                    if (ADDED.size() >= MAX_SUBJECTS) {
                        return Response.status(Response.Status.SERVICE_UNAVAILABLE).build();
                    }
                    added = new ArrayDeque<>();
                    ADDED.put(token.getSubject(), added);
                }
            }
        }
        synchronized (added) {
            if (added.size() == MAX_ADDED) {
                added.removeFirst();
            }
            added.addLast(event);
        }
        return Response.status(Response.Status.CREATED).entity(new Events(token.getSubject(),
                List.copyOf(token.getAudience()), token.getClaim("azp"), List.of(event))).build();
    }

    private static JsonWebToken token(SecurityContext security) {
        return security.getUserPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null ? jwt : null;
    }

    private static Response unauthorized() {
        return Response.status(Response.Status.UNAUTHORIZED).header("WWW-Authenticate", "Bearer").build();
    }
}
