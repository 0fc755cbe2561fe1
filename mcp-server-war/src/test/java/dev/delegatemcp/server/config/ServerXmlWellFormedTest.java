package dev.delegatemcp.server.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;

/**
 * Every Liberty configuration file of the project is well-formed XML: Liberty refuses a malformed one as a whole
 * (CWWKG0014E) and starts with no features (a comment holding two dashes is enough).
 */
class ServerXmlWellFormedTest {

    @Test
    void everyLibertyConfigurationFileParses() throws Exception {
        List<Path> files;
        try (Stream<Path> found = Stream.of(Path.of("..", "src", "main", "liberty"),
                Path.of("..", "starter", "app-ear", "src"),
                Path.of("..", "integration-tests", "src", "test", "liberty"))
                .filter(Files::isDirectory).flatMap(ServerXmlWellFormedTest::walk)) {
            files = found.filter(file -> file.toString().endsWith(".xml")).toList();
        }
        assertEquals(true, files.size() >= 4, "files found: " + files);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        for (Path file : files) {
            assertDoesNotThrow(() -> factory.newDocumentBuilder().parse(file.toFile()), file.toString());
        }
    }

    private static Stream<Path> walk(Path directory) {
        try {
            return Files.walk(directory);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
