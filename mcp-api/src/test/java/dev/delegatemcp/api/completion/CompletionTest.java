package dev.delegatemcp.api.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class CompletionTest {

    @Test
    void everyMatchHasItsNumberAsTotalAndNoMore() {
        assertEquals(new Completion(List.of("a", "b"), 2, false), Completion.of(List.of("a", "b")));
    }

    @Test
    void aNegativeTotalOrAMissingValueIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Completion(List.of(), -1, false));
        assertThrows(NullPointerException.class, () -> Completion.of(java.util.Arrays.asList("a", null)));
    }
}
