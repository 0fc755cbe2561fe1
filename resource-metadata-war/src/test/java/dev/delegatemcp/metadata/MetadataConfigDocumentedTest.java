package dev.delegatemcp.metadata;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Every key this module reads ({@link MetadataConfig}) is in the README's configuration table as {@code `key`}. */
class MetadataConfigDocumentedTest {

    @Test
    void everyKeyThisModuleReadsIsInTheReadme() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<String> keys = Stream.of(MetadataConfig.class.getDeclaredFields())
                .map(field -> field.getAnnotation(ConfigProperty.class)).filter(property -> property != null)
                .map(ConfigProperty::name).toList();
        assertTrue(keys.size() >= 6, "keys found: " + keys);
        List<String> missing = keys.stream().filter(key -> !readme.contains("`" + key + "`")).toList();
        assertTrue(missing.isEmpty(), "keys missing from README.md: " + missing);
    }
}
