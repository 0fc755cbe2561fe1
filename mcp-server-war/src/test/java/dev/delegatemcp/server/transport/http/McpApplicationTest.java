package dev.delegatemcp.server.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.delegatemcp.samples.IdentityTools;
import dev.delegatemcp.web.cors.CorsFilter;
import dev.delegatemcp.wire.jsonrpc.JsonRpcCodec;
import jakarta.ws.rs.ext.Provider;

import org.junit.jupiter.api.Test;

/**
 * The application lists its classes instead of being scanned (see {@link McpApplication}): nothing of this module that
 * JAX-RS would have found by scanning may be missing from the list.
 */
class McpApplicationTest {

    @Test
    void everyProviderOfThisModuleAndOfTheProjectsJarsInTheWarIsListedAndTheEndpointIsTheOnlyResource()
            throws Exception {
        List<Class<?>> classes = new ArrayList<>();
        // WEB-INF/classes, and the project's jars the WAR packs in WEB-INF/lib (mcp-wire, web-cors, sample-tools).
        for (Class<?> of : List.of(McpApplication.class, JsonRpcCodec.class, CorsFilter.class, IdentityTools.class)) {
            classes.addAll(classesBeside(of));
        }
        Set<Class<?>> providers = classes.stream().filter(c -> c.isAnnotationPresent(Provider.class))
                .collect(Collectors.toSet());
        Set<Class<?>> resources = classes.stream()
                .filter(c -> !c.isInterface() && c.isAnnotationPresent(jakarta.ws.rs.Path.class))
                .collect(Collectors.toSet());
        assertTrue(providers.contains(RejectedRequestMapper.class), "the scan sees the module's classes: " + providers);
        assertEquals(providers, new McpApplication().getClasses());
        // The one resource is the singleton that getSingletons() looks up in CDI (the integration tests reach it).
        assertEquals(Set.of(McpEndpoint.class), resources);
    }

    @Test
    void theEndpointDescribesItselfWithoutItsIdentity() {
        assertEquals("MCP endpoint", new McpEndpoint().toString());
    }

    /** Every class of the directory or jar {@code of} was loaded from. */
    private static List<Class<?>> classesBeside(Class<?> of) throws IOException, URISyntaxException {
        Path location = Path.of(of.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(location)) {
            return classesUnder(location);
        }
        try (FileSystem jar = FileSystems.newFileSystem(location)) {
            return classesUnder(jar.getPath("/"));
        }
    }

    private static List<Class<?>> classesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(root::relativize).map(Path::toString).filter(f -> f.endsWith(".class"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
                    .filter(name -> !name.endsWith("package-info") && !name.endsWith("module-info"))
                    .map(McpApplicationTest::load).toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, McpApplicationTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
