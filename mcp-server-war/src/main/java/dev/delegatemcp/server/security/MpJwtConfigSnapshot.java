package dev.delegatemcp.server.security;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The MP-JWT settings ({@code mp.jwt.*}, MicroProfile JWT 2.1 section 9) of this application, read once: Liberty's
 * MP-JWT reads all eleven of them from MicroProfile Config on every request (its {@code MicroProfileJwtTAI}), and each
 * read walked every config source down to the environment (three {@code System.getenv} name variants per key) and
 * the server.xml default variables, then parsed the value for expressions. {@code bench/peers/run} with JFR: 9.7 % of
 * the CPU of a {@code tools/call}, as much in the platform's ceiling app; no setting of Liberty's avoids the reads.
 * <p>
 * Its ordinal (1000) puts it above every other source. At its first read it takes, for each key, what the others
 * give (asking the configuration itself while it stands aside), with expressions such as
 * {@code ${mcp.server.resource}} expanded, and from then on answers that; a key no source gives it answers with the
 * empty value, which MicroProfile Config reads as absent (MicroProfile Config 3.1, "Empty values"), without asking
 * the others again. So the values are those of the configuration at the first read (the first request, or anything else that
 * reads an {@code mp.jwt} key first); an {@code mp.jwt.*} setting
 * changed later (a server.xml variable edited in the running server) applies after a restart.
 * Hand-written because nothing in Liberty or SmallRye Config keeps a source's answers.
 */
public class MpJwtConfigSnapshot implements ConfigSource {

    /** The keys Liberty's mpJwt-2.1 reads (its {@code MpConfigProxyServiceImpl}, versions 1.1, 1.2 and 2.1). */
    static final Set<String> KEYS = Set.of("mp.jwt.verify.publickey", "mp.jwt.verify.issuer",
            "mp.jwt.verify.publickey.location", "mp.jwt.verify.publickey.algorithm", "mp.jwt.decrypt.key.location",
            "mp.jwt.verify.audiences", "mp.jwt.token.header", "mp.jwt.token.cookie", "mp.jwt.verify.token.age",
            "mp.jwt.verify.clock.skew", "mp.jwt.decrypt.key.algorithm");

    static final int ORDINAL = 1000;

    /** Set while this thread takes the snapshot: this source then stands aside. */
    private static final ThreadLocal<Boolean> TAKING = new ThreadLocal<>();

    private volatile Map<String, String> snapshot;

    /** For MicroProfile Config, which finds it through {@code META-INF/services}. */
    public MpJwtConfigSnapshot() {
    }

    /** With the snapshot already taken (tests). */
    MpJwtConfigSnapshot(Map<String, String> taken) {
        this.snapshot = Map.copyOf(taken);
    }

    @Override
    public Set<String> getPropertyNames() {
        Map<String, String> taken = snapshot;
        return taken == null ? Set.of() : taken.keySet();
    }

    @Override
    public String getValue(String name) {
        if (!KEYS.contains(name)) {
            return null;
        }
        Map<String, String> taken = snapshot;
        if (taken == null) {
            if (TAKING.get() != null) { // this thread is taking it: stand aside
                return null;
            }
            taken = take();
        }
        return taken.getOrDefault(name, "");
    }

    private synchronized Map<String, String> take() {
        if (snapshot == null) {
            TAKING.set(Boolean.TRUE);
            try {
                // This class's loader is the WAR's (it lives in WEB-INF/classes), whose configuration the TAI reads
                // (its servlet context's class loader). Moved to a shared library, it would read another one.
                snapshot = readBelow(ConfigProvider.getConfig(MpJwtConfigSnapshot.class.getClassLoader()));
            } finally {
                TAKING.remove();
            }
        }
        return snapshot;
    }

    /** What the configuration gives for each key with this source standing aside (called while it does). */
    static Map<String, String> readBelow(Config config) {
        Map<String, String> values = new HashMap<>();
        for (String key : KEYS) {
            config.getOptionalValue(key, String.class).ifPresent(value -> values.put(key, value));
        }
        return Map.copyOf(values);
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }

    @Override
    public String getName() {
        return "delegatemcp: the mp.jwt settings, read once at their first read";
    }
}
