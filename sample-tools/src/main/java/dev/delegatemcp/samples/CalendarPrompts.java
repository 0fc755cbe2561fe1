package dev.delegatemcp.samples;

import java.util.List;
import java.util.Optional;

import dev.delegatemcp.api.Content;
import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.prompt.Prompt;
import dev.delegatemcp.api.prompt.PromptArg;
import dev.delegatemcp.api.prompt.PromptMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

/** A sample prompt built from the caller's own calendar, read with a delegated credential. */
@ApplicationScoped
public class CalendarPrompts {

    @Inject
    @RestClient
    CalendarApi calendar;

    @Prompt(name = "plan_my_day", title = "Plan my day",
            description = "Asks the model to plan the caller's day around their upcoming calendar events.")
    public List<PromptMessage> planMyDay(McpCaller caller,
            @PromptArg(description = "What to focus on today, e.g. 'deep work'",
                    required = false) Optional<String> focus) {
        return List.of(
                PromptMessage.user(Content.resource("calendar://events/upcoming", "application/json",
                        calendar.events())),
                PromptMessage.user(Content.text("These are my upcoming events (I am " + caller.subject()
                        + "). Plan my day around them" + focus.map(f -> ", focusing on " + f).orElse("") + ".")));
    }
}
