package dev.evals4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules the package layout keeps, read from the sources: packages depend on each other one way,
 * the user-facing API depends on nothing internal, and every public type declares whether users may
 * depend on it.
 */
class ArchitectureTest {

    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final String ROOT = "dev.evals4j";
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern REFERENCE =
            Pattern.compile("(?<![\\w.])(dev\\.evals4j(?:\\.[a-z][a-z0-9]*)*)\\.[A-Z]");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public\\s+(?:(?:abstract|final|sealed|non-sealed|static)\\s+)*(?:class|interface|enum|record|@interface)\\s+(\\w+)",
            Pattern.MULTILINE);
    private static final Pattern API_STATUS = Pattern.compile("@API\\(status\\s*=\\s*(\\w+)");

    /** The types outside {@code api} that users may name on purpose: the simulated provider and the CLI. */
    private static final Set<String> PUBLIC_TOOLS = Set.of(
            "dev.evals4j.sim.SimulatedProvider", "dev.evals4j.sim.SimulatorConfig", "dev.evals4j.sim.SimClient",
            "dev.evals4j.storage.cli.EvalsCli");

    private static List<SourceFile> files;

    private record SourceFile(Path path, String packageName, String text) {

        String typeName() {
            String file = path.getFileName().toString();
            return packageName + "." + file.substring(0, file.length() - ".java".length());
        }

        /** The {@code dev.evals4j} packages this file names, in imports or fully qualified in code. */
        Set<String> referencedPackages() {
            Set<String> packages = new TreeSet<>();
            Matcher m = REFERENCE.matcher(text);
            while (m.find()) {
                packages.add(m.group(1));
            }
            packages.remove(packageName);
            return packages;
        }
    }

    @BeforeAll
    static void readSources() throws IOException {
        try (Stream<Path> paths = Files.walk(SOURCES)) {
            files = paths.filter(p -> p.toString().endsWith(".java")).map(ArchitectureTest::read).toList();
        }
        assertThat(files).hasSizeGreaterThan(100);
    }

    private static SourceFile read(Path path) {
        try {
            String text = Files.readString(path);
            Matcher m = PACKAGE.matcher(text);
            return new SourceFile(path, m.find() ? m.group(1) : "", text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void packagesDependOnEachOtherOneWay() {
        Map<String, Set<String>> dependencies = new TreeMap<>();
        for (SourceFile file : files) {
            dependencies.computeIfAbsent(file.packageName(), p -> new TreeSet<>()).addAll(file.referencedPackages());
        }

        List<String> cycles = new ArrayList<>();
        for (String from : dependencies.keySet()) {
            for (String to : dependencies.get(from)) {
                if (reaches(dependencies, to, from, new TreeSet<>())) {
                    cycles.add(from + " -> " + to);
                }
            }
        }

        assertThat(cycles).as("package dependencies that are part of a cycle").isEmpty();
    }

    private static boolean reaches(Map<String, Set<String>> dependencies, String from, String target, Set<String> seen) {
        if (from.equals(target)) {
            return true;
        }
        if (!seen.add(from)) {
            return false;
        }
        return dependencies.getOrDefault(from, Set.of()).stream().anyMatch(next -> reaches(dependencies, next, target, seen));
    }

    @Test
    void theApiDependsOnNothingInternal() {
        Map<String, Set<String>> internalUses = files.stream()
                .filter(f -> f.packageName().startsWith(ROOT + ".api"))
                .collect(Collectors.toMap(SourceFile::typeName, f -> f.referencedPackages().stream()
                        .filter(p -> !p.startsWith(ROOT + ".api")).collect(Collectors.toCollection(TreeSet::new))));
        internalUses.values().removeIf(Set::isEmpty);

        assertThat(internalUses).as("api types that name internal packages").isEmpty();
    }

    @Test
    void everyPublicTypeDeclaresWhetherUsersMayDependOnIt() {
        List<String> wrong = new ArrayList<>();
        for (SourceFile file : files) {
            Matcher type = PUBLIC_TYPE.matcher(file.text());
            if (!type.find()) {
                continue;
            }
            Matcher status = API_STATUS.matcher(file.text().substring(0, type.start()));
            String declared = status.find() ? status.group(1) : "none";
            boolean userFacing = file.packageName().startsWith(ROOT + ".api") || PUBLIC_TOOLS.contains(file.typeName());
            String expected = userFacing ? "EXPERIMENTAL" : "INTERNAL";
            if (!declared.equals(expected)) {
                wrong.add(file.typeName() + " is " + declared + ", expected " + expected);
            }
        }

        assertThat(wrong).isEmpty();
    }
}
