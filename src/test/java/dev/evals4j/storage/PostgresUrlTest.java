package dev.evals4j.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading a PostgreSQL URL's credentials, and keeping them out of what messages show. */
class PostgresUrlTest {

    private static final Map<String, String> ENVIRONMENT = Map.of("PGUSER", "env-user", "PGPASSWORD", "env-pw");

    @Test
    void theUrlsParametersAreDecodedAndWinOverTheEnvironment() {
        PostgresUrl url = PostgresUrl.of("jdbc:postgresql://db:5432/evals?user=ci&password=p%26ss%3Dword", ENVIRONMENT::get);

        assertThat(url.properties()).containsOnly(Map.entry("user", "ci"), Map.entry("password", "p&ss=word"));
    }

    @Test
    void whatTheUrlLacksComesFromPgUserAndPgPassword() {
        assertThat(PostgresUrl.of("jdbc:postgresql://db/evals", ENVIRONMENT::get).properties())
                .containsOnly(Map.entry("user", "env-user"), Map.entry("password", "env-pw"));
        assertThat(PostgresUrl.of("jdbc:postgresql://db/evals?user=ci", ENVIRONMENT::get).properties())
                .containsOnly(Map.entry("user", "ci"), Map.entry("password", "env-pw"));
        assertThat(PostgresUrl.of("jdbc:postgresql://db/evals", name -> null).properties()).isEmpty();
    }

    @Test
    void theLocationMasksTheCredentialsAndKeepsTheOtherParameters() {
        PostgresUrl url = PostgresUrl.of(
                "jdbc:postgresql://db:5432/evals?sslmode=require&user=ci&password=hunter2&ApplicationName=x",
                name -> null);

        assertThat(url.location())
                .isEqualTo("jdbc:postgresql://db:5432/evals?sslmode=require&user=***&password=***&ApplicationName=x");
        assertThat(url).hasToString(url.location());
        assertThat(PostgresUrl.of("jdbc:postgresql://db/evals", ENVIRONMENT::get).location())
                .isEqualTo("jdbc:postgresql://db/evals");
    }

    @Test
    void aServerMessageLosesThePasswordAndTheQuotedUser() {
        PostgresUrl url = PostgresUrl.of("jdbc:postgresql://db/evals?user=ci&password=hunter2", name -> null);

        assertThat(url.mask("FATAL: password authentication failed for user \"ci\" (sent hunter2)"))
                .isEqualTo("FATAL: password authentication failed for user \"***\" (sent ***)");
        assertThat(url.mask("connection to db refused; circuit open")).isEqualTo("connection to db refused; circuit open");
    }
}
