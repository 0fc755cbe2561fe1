package dev.delegatemcp.server.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Every configuration key the server reads (a {@code @ConfigProperty} field or parameter, in this module, the credentials module and the CORS module, all on this
 * module's test class path) is in the README's configuration tables, written as {@code `key`}.
 */
class ConfigurationDocumentedTest {

    /** Read by the MicroProfile JWT and Liberty, documented with them: not this module's keys. */
    private static final Set<String> PLATFORM_KEYS = Set.of("mp.jwt.verify.issuer", "mp.jwt.verify.audiences");

    @Test
    void everyKeyThisModuleReadsIsInTheReadme() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Set<String> keys = keys();
        assertTrue(keys.size() >= 30, "keys found: " + keys);
        List<String> missing = new ArrayList<>();
        for (String key : keys) {
            if (!PLATFORM_KEYS.contains(key) && !readme.contains("`" + key + "`")) {
                missing.add(key);
            }
        }
        assertTrue(missing.isEmpty(), "keys missing from README.md: " + missing);
    }

    static Set<String> keys() {
        Set<String> keys = new TreeSet<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.delegatemcp.server", "dev.delegatemcp.credentials", "dev.delegatemcp.web")) {
            Class<?> java = type.reflect();
            Stream.of(java.getDeclaredFields()).forEach(field -> add(keys, field));
            Stream.<Executable>concat(Stream.of(java.getDeclaredConstructors()), Stream.of(java.getDeclaredMethods()))
                    .flatMap(executable -> Stream.of(executable.getParameters()))
                    .forEach(parameter -> add(keys, parameter));
        }
        return keys;
    }

    private static void add(Set<String> keys, AnnotatedElement element) {
        ConfigProperty property = element.getAnnotation(ConfigProperty.class);
        if (property != null && !property.name().isEmpty()) {
            keys.add(property.name());
        }
    }
}
