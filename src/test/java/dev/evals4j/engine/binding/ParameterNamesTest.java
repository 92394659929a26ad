package dev.evals4j.engine.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evals4j.api.ForEach;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A class compiled without {@code -parameters}: its parameters are arg0, arg1, ... */
class ParameterNamesTest {

    private static final String SOURCE = """
            package nameless;
            import dev.evals4j.api.Column;
            import dev.evals4j.api.ForEach;
            public class NamelessEvals {
                @ForEach(dataset = "d.jsonl")
                public void byName(String question) {}
                @ForEach(dataset = "d.jsonl")
                public void byColumn(@Column("question") String q) {}
                @ForEach(value = "question", dataset = "d.jsonl")
                public void byPosition(String q) {}
            }
            """;

    @Test
    void withoutParameterNamesTheErrorSuggestsParametersOrColumn(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("nameless/NamelessEvals.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, SOURCE);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-classpath", System.getProperty("java.class.path"), "-d",
                dir.toString(), source.toString());
        assertThat(status).isZero();

        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> evals = loader.loadClass("nameless.NamelessEvals");
            ParameterBinder binder = new ParameterBinder();

            assertThatThrownBy(() -> binder.bind(method(evals, "byName"), annotation(evals, "byName"), Fixtures.none()))
                    .isInstanceOf(EvalDefinitionException.class)
                    .hasMessageContaining("Cannot bind parameter arg0 (String) of NamelessEvals.byName")
                    .hasMessageContaining("-parameters")
                    .hasMessageContaining("@Column(\"name\")");
            assertThat(binder.bind(method(evals, "byColumn"), annotation(evals, "byColumn"), Fixtures.none()).columns())
                    .isEqualTo(List.of("question"));
            assertThat(binder.bind(method(evals, "byPosition"), annotation(evals, "byPosition"), Fixtures.none())
                    .columns()).isEqualTo(List.of("question"));
        }
    }

    private static Method method(Class<?> type, String name) throws NoSuchMethodException {
        return type.getMethod(name, String.class);
    }

    private static ForEach annotation(Class<?> type, String name) throws NoSuchMethodException {
        return method(type, name).getAnnotation(ForEach.class);
    }
}
