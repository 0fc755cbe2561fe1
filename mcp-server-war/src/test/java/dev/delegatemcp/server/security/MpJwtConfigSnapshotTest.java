package dev.delegatemcp.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class MpJwtConfigSnapshotTest {

    @Test
    void aTakenKeyIsAnsweredAsTheOtherSourcesGaveIt() {
        MpJwtConfigSnapshot source = new MpJwtConfigSnapshot(
                Map.of("mp.jwt.verify.audiences", "http://localhost:9080/mcp-server/mcp"));
        assertEquals("http://localhost:9080/mcp-server/mcp", source.getValue("mp.jwt.verify.audiences"));
    }

    @Test
    void anMpJwtKeyNoSourceGaveIsAnsweredEmptyWhichMicroProfileConfigReadsAsAbsent() {
        assertEquals("", new MpJwtConfigSnapshot(Map.of()).getValue("mp.jwt.token.cookie"));
    }

    @Test
    void anyOtherKeyIsLeftToTheOtherSources() {
        MpJwtConfigSnapshot source = new MpJwtConfigSnapshot(Map.of("mp.jwt.verify.issuer", "https://issuer"));
        assertNull(source.getValue("mcp.server.resource"));
        assertNull(source.getValue("mp.jwt.verify.issuer.extra"));
    }

    @Test
    void itComesBeforeEveryOtherSourceOfLiberty() {
        // Liberty: application properties 600, server.xml variables 500, system properties 400, environment 300.
        assertTrue(new MpJwtConfigSnapshot().getOrdinal() > 600);
    }

    @Test
    void theSnapshotHoldsEachOfTheElevenKeysTheConfigurationGivesAndNothingElse() {
        List<String> asked = new ArrayList<>();
        Config config = (Config) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Config.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getOptionalValue")) {
                        String key = (String) args[0];
                        asked.add(key);
                        return key.equals("mp.jwt.verify.issuer") ? Optional.of("https://issuer") : Optional.empty();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        assertEquals(Map.of("mp.jwt.verify.issuer", "https://issuer"), MpJwtConfigSnapshot.readBelow(config));
        assertEquals(MpJwtConfigSnapshot.KEYS.size(), asked.size());
        assertEquals(11, MpJwtConfigSnapshot.KEYS.size());
        assertTrue(asked.containsAll(List.of("mp.jwt.verify.audiences", "mp.jwt.verify.publickey.location",
                "mp.jwt.verify.clock.skew", "mp.jwt.decrypt.key.location")));
    }
}
