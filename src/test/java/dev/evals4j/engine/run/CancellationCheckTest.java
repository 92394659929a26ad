package dev.evals4j.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CancellationCheck} reaches the token through public types only, as it must on the module
 * path, where JUnit 6's token class ({@code RegularCancellationToken}) is package-private in a
 * package that is exported but not open. A module compiled here mirrors that layout: its request's
 * {@code getCancellationToken()} returns a public interface implemented by a package-private class.
 */
class CancellationCheckTest {

    private static final Map<String, String> TOKENS_MODULE = Map.of(
            "module-info.java", "module tokens { exports tokens.api; }",
            "tokens/api/Token.java", """
                    package tokens.api;
                    public interface Token { boolean isCancellationRequested(); void cancel(); }
                    """,
            "tokens/api/FlagToken.java", """
                    package tokens.api;
                    final class FlagToken implements Token {
                        private volatile boolean cancelled;
                        public boolean isCancellationRequested() { return cancelled; }
                        public void cancel() { cancelled = true; }
                    }
                    """,
            "tokens/api/Request.java", """
                    package tokens.api;
                    public class Request {
                        private final Token token = new FlagToken();
                        public Token getCancellationToken() { return token; }
                    }
                    """);

    @TempDir
    Path directory;

    @Test
    void aTokenWhoseClassIsNotAccessibleIsCheckedThroughItsPublicInterface() throws Exception {
        Class<?> requestType = tokensModule().findLoader("tokens").loadClass("tokens.api.Request");
        Object request = requestType.getConstructor().newInstance();
        Object token = requestType.getMethod("getCancellationToken").invoke(request);
        assertThat(token.getClass().getModule().isOpen("tokens.api", CancellationCheck.class.getModule())).isFalse();

        CancellationCheck check = CancellationCheck.of(request, requestType);
        assertThat(check.isCancelled()).isFalse();
        token.getClass().getInterfaces()[0].getMethod("cancel").invoke(token);

        assertThat(check.isCancelled()).isTrue();
    }

    @Test
    void aRequestWithoutATokenAsOnJUnit5IsNeverCancelled() {
        assertThat(CancellationCheck.of(new Object(), Object.class).isCancelled()).isFalse();
    }

    /** Compiles the {@code tokens} module and defines it in a layer of its own. */
    private ModuleLayer tokensModule() throws IOException {
        Path sources = directory.resolve("src");
        Path classes = directory.resolve("classes");
        for (Map.Entry<String, String> file : TOKENS_MODULE.entrySet()) {
            Path path = sources.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        List<String> arguments;
        try (Stream<Path> files = Files.walk(sources)) {
            arguments = Stream.concat(Stream.of("-d", classes.toString()),
                    files.filter(Files::isRegularFile).map(Path::toString)).toList();
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exit = compiler.run(null, errors, errors, arguments.toArray(String[]::new));
        assertThat(exit).as(errors.toString()).isZero();
        ModuleLayer parent = ModuleLayer.boot();
        Configuration configuration = parent.configuration().resolve(ModuleFinder.of(classes), ModuleFinder.of(),
                Set.of("tokens"));
        return parent.defineModulesWithOneLoader(configuration, ClassLoader.getSystemClassLoader());
    }
}
