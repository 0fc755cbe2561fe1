package dev.delegatemcp.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Range checks of settings that MicroProfile Config converts but that are out of range (a zero or negative duration,
 * a bound below 1). Each area's configuration class checks its own keys when the application starts
 * ({@code @Observes @Initialized(ApplicationScoped.class)}), so that a wrong value stops the application naming the
 * key instead of failing requests later. Malformed values (e.g. {@code 30m} for a duration) are refused by MicroProfile
 * Config itself at deployment.
 */
public final class ConfigChecks {

    private final List<String> problems = new ArrayList<>();

    /** Adds a problem when the duration is zero or negative. */
    public ConfigChecks positive(String key, Duration value) {
        if (value.isZero() || value.isNegative()) {
            problems.add(key + " must be a positive ISO-8601 duration such as PT30S, not " + value);
        }
        return this;
    }

    /** Adds a problem when the duration is negative. */
    public ConfigChecks notNegative(String key, Duration value) {
        if (value.isNegative()) {
            problems.add(key + " must be an ISO-8601 duration of zero or more such as PT5M, not " + value);
        }
        return this;
    }

    /** Adds a problem when the number is below 1. */
    public ConfigChecks atLeastOne(String key, long value) {
        if (value < 1) {
            problems.add(key + " must be at least 1, not " + value);
        }
        return this;
    }

    /** Adds a problem when a key of an earlier version that is no longer read is set. */
    public ConfigChecks renamed(org.eclipse.microprofile.config.Config config, String oldKey, String replacement) {
        config.getOptionalValue(oldKey, String.class)
                .ifPresent(value -> problems.add(oldKey + " is no longer read; set " + replacement));
        return this;
    }

    /** Adds a problem found by the caller's own check; the sentence names the key. */
    public ConfigChecks problem(String sentence) {
        problems.add(sentence);
        return this;
    }

    /** The problems found, each naming its key. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** @throws IllegalStateException listing every problem found: at start-up, it stops the application */
    public void orFail() {
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Configuration: " + String.join("; ", problems));
        }
    }
}
