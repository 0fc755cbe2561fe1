package dev.delegatemcp.server.feature.resource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResourceFollowingTest {

    private final ResourceFollowing following = new ResourceFollowing(TestResources.catalog(new TestResources()));

    @Test
    void aCallerMayFollowAResourceTheyCouldReadFixedOrFromATemplate() {
        assertTrue(following.mayFollow(TestCaller.of("alice"), "test://static-text"));
        assertTrue(following.mayFollow(TestCaller.of("alice", "profile.read"), "test://me"));
        assertTrue(following.mayFollow(TestCaller.of("alice", "users.read"),
                "test://users/3f2504e0-4f89-11d3-9a0c-0305e82c3301"));
    }

    @Test
    void noOneFollowsAResourceWithoutItsScopesAnUnknownUriOrWithoutBeingKnown() {
        assertFalse(following.mayFollow(TestCaller.of("alice"), "test://me"), "profile.read is missing");
        assertFalse(following.mayFollow(TestCaller.of("alice", "profile.read"), "test://secret"));
        assertFalse(following.mayFollow(TestCaller.of("alice"), "test://no-such-resource"));
        assertFalse(following.mayFollow(null, "test://static-text"));
    }
}
