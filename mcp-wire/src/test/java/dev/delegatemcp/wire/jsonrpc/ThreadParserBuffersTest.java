package dev.delegatemcp.wire.jsonrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.concurrent.CompletableFuture;

import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;

import org.junit.jupiter.api.Test;

class ThreadParserBuffersTest {

    private final JsonProvider parsson = JsonProvider.provider();

    @Test
    void withParssonThePoolIsAnInstanceOfParssonsOwnBufferPoolInterface() throws Exception {
        Object pool = ThreadParserBuffers.pool(parsson.getClass().getClassLoader());
        assertNotNull(pool, "Parsson is the JSON-P implementation of these tests");
        Class<?> type = Class.forName(ThreadParserBuffers.BUFFER_POOL);
        assertTrue(type.isInstance(pool));
    }

    @Test
    void aThreadGetsBackTheBufferItsLastParserGaveBackAndAnotherThreadDoesNot() throws Exception {
        Object pool = ThreadParserBuffers.pool(parsson.getClass().getClassLoader());
        Method take = Class.forName(ThreadParserBuffers.BUFFER_POOL).getMethod("take");
        Method recycle = Class.forName(ThreadParserBuffers.BUFFER_POOL).getMethod("recycle", char[].class);
        char[] first = (char[]) take.invoke(pool);
        assertEquals(ThreadParserBuffers.NEW_LENGTH, first.length);
        char[] nested = (char[]) take.invoke(pool);
        assertNotSame(first, nested, "a parser opened while another reads gets a buffer of its own");
        recycle.invoke(pool, (Object) first);
        char[] elsewhere = CompletableFuture.supplyAsync(() -> {
            try {
                return (char[]) take.invoke(pool);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }).get();
        assertNotSame(first, elsewhere);
        assertSame(first, take.invoke(pool));
    }

    @Test
    void aBufferGrownForALongTokenIsNotKept() throws Exception {
        Object pool = ThreadParserBuffers.pool(parsson.getClass().getClassLoader());
        Method take = Class.forName(ThreadParserBuffers.BUFFER_POOL).getMethod("take");
        Method recycle = Class.forName(ThreadParserBuffers.BUFFER_POOL).getMethod("recycle", char[].class);
        char[] grown = new char[ThreadParserBuffers.KEPT_LENGTH * 2];
        recycle.invoke(pool, (Object) grown);
        assertEquals(ThreadParserBuffers.NEW_LENGTH, ((char[]) take.invoke(pool)).length);
    }

    @Test
    void parsersOfTheFactoryReadLongAndShortValuesOneAfterTheOtherOnOneThread() {
        var factory = ThreadParserBuffers.parserFactory(parsson);
        String longText = "x".repeat(ThreadParserBuffers.KEPT_LENGTH * 3);
        for (String text : new String[] {"short", longText, "short again", longText}) {
            try (JsonParser parser = factory.createParser(new StringReader("{\"text\":\"" + text + "\"}"))) {
                parser.next();
                assertEquals(text, parser.getObject().getString("text"));
            }
        }
    }

    @Test
    void whereParssonsPoolInterfaceCannotBeLoadedThereIsNoPool() {
        assertNull(ThreadParserBuffers.pool(ClassLoader.getPlatformClassLoader()));
    }

    @Test
    void theCodecsParsersTakeTheirBuffersFromThisPool() {
        Object pool = JsonRpcCodec.PARSERS.getConfigInUse().get(ThreadParserBuffers.BUFFER_POOL);
        assertNotNull(pool);
        assertTrue(Proxy.getInvocationHandler(pool) instanceof ThreadParserBuffers);
    }

    @Test
    void aPoolOfAnotherCopyOfParssonsInterfaceIsRefusedByParssonAndTheDefaultFactoryIsUsed() throws Exception {
        URL parssonJar = parsson.getClass().getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader other = new URLClassLoader(new URL[] {parssonJar}, ClassLoader.getPlatformClassLoader())) {
            Object foreign = ThreadParserBuffers.pool(other);
            assertNotNull(foreign);
            var factory = ThreadParserBuffers.parserFactory(parsson, foreign);
            var config = factory.getConfigInUse();
            assertTrue(config == null || !config.containsKey(ThreadParserBuffers.BUFFER_POOL), "default: " + config);
            try (JsonParser parser = factory.createParser(new StringReader("{\"a\":1}"))) {
                parser.next();
                assertEquals(1, parser.getObject().getInt("a"));
            }
        }
    }
}
