package dev.delegatemcp.server.feature.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import dev.delegatemcp.server.protocol.session.SessionEnded;

import org.junit.jupiter.api.Test;

class ResourceSubscriptionsTest {

    private final ResourceSubscriptions subscriptions = new ResourceSubscriptions(2);

    @Test
    void eachSessionMaySubscribeToAtMostItsLimitOfDistinctUris() {
        assertTrue(subscriptions.subscribe("s1", "test://a"));
        assertTrue(subscriptions.subscribe("s1", "test://b"));
        assertTrue(subscriptions.subscribe("s1", "test://a"), "subscribing again is fine at the limit");
        assertFalse(subscriptions.subscribe("s1", "test://c"));
        assertTrue(subscriptions.subscribe("s2", "test://c"));
        assertEquals(Set.of("test://a", "test://b"), subscriptions.subscriptionsOf("s1"));
    }

    @Test
    void unsubscribingFreesAPlaceAndSaysWhetherThereWasASubscription() {
        subscriptions.subscribe("s1", "test://a");
        subscriptions.subscribe("s1", "test://b");
        assertTrue(subscriptions.unsubscribe("s1", "test://a"));
        assertFalse(subscriptions.unsubscribe("s1", "test://a"));
        assertFalse(subscriptions.unsubscribe("s9", "test://a"));
        assertTrue(subscriptions.subscribe("s1", "test://c"));
        assertEquals(List.of(), subscriptions.subscribersOf("test://a"));
    }

    @Test
    void subscribersAreFoundByTheExactUri() {
        subscriptions.subscribe("s1", "test://a");
        subscriptions.subscribe("s2", "test://a");
        subscriptions.subscribe("s3", "test://A");
        assertEquals(List.of("s1", "s2"), subscriptions.subscribersOf("test://a"));
        assertEquals(List.of(), subscriptions.subscribersOf("test://a/"));
    }

    @Test
    void aSessionsEndDropsAllItsSubscriptionsAndOnlyItsOwn() {
        subscriptions.subscribe("s1", "test://a");
        subscriptions.subscribe("s1", "test://b");
        subscriptions.subscribe("s2", "test://a");
        subscriptions.sessionEnded(new SessionEnded("s1", "alice"));
        assertEquals(Set.of(), subscriptions.subscriptionsOf("s1"));
        assertEquals(List.of("s2"), subscriptions.subscribersOf("test://a"));
        assertEquals(List.of(), subscriptions.subscribersOf("test://b"));
        subscriptions.sessionEnded(new SessionEnded("unknown", "bob"));
        assertTrue(subscriptions.subscribe("s1", "test://c"), "an id seen again starts with no subscriptions");
    }
}
