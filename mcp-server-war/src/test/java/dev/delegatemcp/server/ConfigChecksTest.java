package dev.delegatemcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class ConfigChecksTest {

    @Test
    void zeroOrNegativeDurationsAndBoundsBelowOneAreProblemsNamingTheirKeys() {
        List<String> problems = new ConfigChecks().positive("a.timeout", Duration.ZERO)
                .positive("b.ttl", Duration.ofSeconds(-5)).positive("c.ok", Duration.ofMillis(1))
                .atLeastOne("d.max", 0).atLeastOne("e.max", 1).problems();
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("a.timeout must be a positive ISO-8601 duration"), problems.get(0));
        assertTrue(problems.get(1).startsWith("b.ttl "), problems.get(1));
        assertEquals("d.max must be at least 1, not 0", problems.get(2));
    }

    @Test
    void anyProblemFailsTheStartWithEveryProblemInTheMessage() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new ConfigChecks().atLeastOne("x", 0).atLeastOne("y", -1).orFail());
        assertTrue(e.getMessage().contains("x must") && e.getMessage().contains("y must"), e.getMessage());
        new ConfigChecks().atLeastOne("z", 3).orFail();
    }
}
