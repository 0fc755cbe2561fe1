package dev.delegatemcp.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServerAccessTokenTest {

    /** Grants numbered tokens living 5 minutes, and remembers the scopes asked. */
    static final class FakeSts extends TokenExchangeClient {
        final List<List<String>> grants = new ArrayList<>();

        @Override
        public IssuedToken clientCredentials(List<String> scopes) {
            grants.add(scopes);
            return new IssuedToken("server-token-" + grants.size(), null, "Bearer", Duration.ofMinutes(5),
                    Set.copyOf(scopes));
        }
    }

    private final FakeSts sts = new FakeSts();
    private final MutableClock clock = new MutableClock(java.time.Instant.parse("2026-11-22T10:00:00Z"));
    private ServerAccessToken token;

    @BeforeEach
    void setUp() {
        token = new ServerAccessToken();
        token.sts = sts;
        token.config = ConfigPropertiesBinder.defaults(TokenVaultConfig.class);
        token.clock = clock;
    }

    @Test
    void oneGrantServesUntilShortlyBeforeItExpires() {
        assertEquals("server-token-1", token.get());
        clock.advance(Duration.ofMinutes(4));
        assertEquals("server-token-1", token.get());
        clock.advance(Duration.ofSeconds(31));
        assertEquals("server-token-2", token.get());
        assertEquals(List.of(List.of("outbound.token.fetch"), List.of("outbound.token.fetch")), sts.grants);
    }

    @Test
    void anInvalidatedTokenIsReplacedByANewGrant() {
        token.get();
        token.invalidate();
        assertEquals("server-token-2", token.get());
    }
}
