package dev.delegatemcp.wire.jsonrpc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParserFactory;

/**
 * The buffers of the JSON-P parsers of {@link JsonRpcCodec}: one kept per thread, in place of Parsson's pool shared
 * by all request threads.
 * <p>
 * Parsson (JSON-P on Liberty) gives every parser a 4,096-character buffer from its provider's pool, a
 * {@code ConcurrentLinkedQueue} behind a weak reference, and takes it back when the parser closes; under load that
 * queue cost 1.3 us of each MCP request of about 100 (JFR, {@code bench/peers}, 2026-12-01). Parsson lets a parser
 * factory take another pool (its configuration key {@code org.eclipse.parsson.api.BufferPool}), but Liberty does not
 * export Parsson's API package to applications, so the pool given is a {@link Proxy} of that interface, loaded
 * through the provider's own class loader. Hand-written because nothing else reaches it. When that interface cannot
 * be loaded or Parsson refuses the pool (another JSON-P implementation, a runtime that hides it), the factory is the
 * provider's default one.
 * <p>
 * The values these parsers make keep the factory's settings: their {@code toString} borrows a buffer from this pool
 * too, on the thread that calls it, and gives it back before it returns. A buffer given back is kept for the thread's
 * next parser when it is at most {@link #KEPT_LENGTH} characters long (the parser grows its buffer for a long token;
 * such a buffer is left to the garbage collector), so each thread that parsed keeps one buffer of at most 32 KiB for
 * as long as it lives (Liberty's pooled threads: the whole server's life; a {@code char[]}, so no class loader is held
 * after a redeployment).
 */
final class ThreadParserBuffers implements InvocationHandler {

    /** Parsson's buffer pool interface (org.eclipse.parsson.api, Parsson 1.1), also its configuration key. */
    static final String BUFFER_POOL = "org.eclipse.parsson.api.BufferPool";
    /** Parsson's own size for a new buffer (BufferPoolImpl, Parsson 1.1). */
    static final int NEW_LENGTH = 4096;
    static final int KEPT_LENGTH = 16 * 1024;

    private final ThreadLocal<char[]> kept = new ThreadLocal<>();

    private ThreadParserBuffers() {
    }

    /**
     * A parser factory of {@code provider} whose parsers take their buffers from this class; {@code provider}'s
     * default factory when it is not Parsson, its pool interface cannot be loaded or it refuses the pool.
     */
    static JsonParserFactory parserFactory(JsonProvider provider) {
        return parserFactory(provider, pool(provider.getClass().getClassLoader()));
    }

    /** A parser factory of {@code provider} with {@code pool}; the default one when it is null or refused. */
    static JsonParserFactory parserFactory(JsonProvider provider, Object pool) {
        if (pool != null) {
            try {
                return provider.createParserFactory(Map.of(BUFFER_POOL, pool));
            } catch (RuntimeException e) {
                // Parsson casts the pool to its own interface here: another copy of it than the one loaded above.
            }
        }
        return provider.createParserFactory(null);
    }

    /**
     * The pool as an instance of Parsson's interface as {@code loader} (the provider's) loads it, or null when it
     * cannot be made.
     */
    static Object pool(ClassLoader loader) {
        try {
            Class<?> type = Class.forName(BUFFER_POOL, false, loader);
            return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, new ThreadParserBuffers());
        } catch (ClassNotFoundException | LinkageError | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "take" -> take();
            case "recycle" -> {
                recycle((char[]) args[0]);
                yield null;
            }
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            case "toString" -> "per-thread JSON-P parser buffers";
            default -> throw new UnsupportedOperationException(method.getName());
        };
    }

    char[] take() {
        char[] buffer = kept.get();
        if (buffer == null) {
            return new char[NEW_LENGTH];
        }
        kept.set(null); // a parser opened while this one reads (nested) gets a buffer of its own
        return buffer;
    }

    void recycle(char[] buffer) {
        if (buffer.length <= KEPT_LENGTH) {
            kept.set(buffer);
        }
    }
}
