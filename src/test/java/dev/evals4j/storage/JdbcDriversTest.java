package dev.evals4j.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Driver;
import org.junit.jupiter.api.Test;

/** Finding a dialect's JDBC driver, and the one-line message naming the dependency when it is missing. */
class JdbcDriversTest {

    /** A class loader that cannot see one package: a build that excluded that driver. */
    private static ClassLoader hiding(String packagePrefix) {
        return new ClassLoader(JdbcDriversTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith(packagePrefix)) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }
        };
    }

    @Test
    void aMissingPostgresqlDriverNamesTheDependencyToAdd() {
        assertThatThrownBy(() -> JdbcDrivers.driver(SqlDialect.POSTGRESQL, "localhost:5432/evals",
                hiding("org.postgresql.")))
                .isInstanceOf(StoreException.class)
                .hasMessage("The results database localhost:5432/evals needs the PostgreSQL JDBC driver"
                        + " (org.postgresql.Driver), which is not on the class path: add the dependency"
                        + " org.postgresql:postgresql")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aMissingSqliteDriverNamesItsDependencyToo() {
        assertThatThrownBy(() -> JdbcDrivers.driver(SqlDialect.SQLITE, "/tmp/results.db", hiding("org.sqlite.")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("org.xerial:sqlite-jdbc");
    }

    @Test
    void theShippedDriversAreFound() {
        Driver postgres = JdbcDrivers.driver(SqlDialect.POSTGRESQL, "x", JdbcDriversTest.class.getClassLoader());
        Driver sqlite = JdbcDrivers.driver(SqlDialect.SQLITE, "x", JdbcDriversTest.class.getClassLoader());

        assertThat(postgres.getClass().getName()).isEqualTo("org.postgresql.Driver");
        assertThat(sqlite.getClass().getName()).isEqualTo("org.sqlite.JDBC");
    }
}
