package dev.evals4j.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RedactorTest {

    @ParameterizedTest
    @ValueSource(strings = {"openai.apiKey", "API_KEY", "github.token", "client.Secret", "db.password",
        "http.Authorization", "aws.credentials", "proxy.passwd"})
    void secretLookingKeysAreMasked(String key) {
        assertThat(Redactor.redactConfig(Map.of(key, "value"))).containsEntry(key, "***");
    }

    @Test
    void otherValuesAreKeptInOrderButTheirSecretsMasked() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("evals4j.concurrency.max", "10");
        config.put("evals4j.storage", "jdbc:postgresql://db/evals?user=ci&password=hunter2");

        assertThat(Redactor.redactConfig(config)).containsExactly(
                Map.entry("evals4j.concurrency.max", "10"),
                Map.entry("evals4j.storage", "jdbc:postgresql://db/evals?user=ci&password=***"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "401 with Authorization: Bearer eyJhbGciOi.abc.def| 401 with Authorization: Bearer ***",
        "header authorization=Basic dXNlcjpwYXNz| header authorization=Basic ***",
        "sent bearer abcdef123456 upstream| sent bearer *** upstream",
        "Incorrect API key provided: sk-proj-AbCdEfGhIjKlMnOpQrStUv| Incorrect API key provided: ***",
        "GET /v1?api_key=abc123&model=x| GET /v1?api_key=***&model=x",
        "{\"apiKey\":\"abc123\",\"model\":\"m\"}| {\"apiKey\":\"***\",\"model\":\"m\"}",
        "x-api-key: abc123| x-api-key: ***",
        "no secrets here, 42 tokens used| no secrets here, 42 tokens used",
        "aws AKIAABCDEFGHIJKLMNOP used| aws *** used",
        "google AIzaSyA1234567890abcdefghijklmnopqrstuv ok| google *** ok",
        "PASSWORD=hunter2| PASSWORD=***",
        "CLIENT-SECRET: s3cr3t| CLIENT-SECRET: ***",
        "AUTHORIZATION: BASIC dXNlcjpwYXNz| AUTHORIZATION: BASIC ***",
    })
    void secretsInFreeTextAreMasked(String text, String redacted) {
        assertThat(Redactor.redactText(text)).isEqualTo(redacted);
    }

    @Test
    void aRunWithoutSecretsIsKeptAsItIsAndARunWithOneIsCopiedMasked() {
        RunRecord clean = new RunRecord(1, "r1", 0, dev.evals4j.execution.ExecutionStatus.COMPLETED,
                "\"Paris\"", "[{\"name\":\"exact\",\"value\":1.0}]", null, java.util.List.of(), 1, null, null, "h");
        RunRecord leaky = new RunRecord(1, "r2", 0, dev.evals4j.execution.ExecutionStatus.FAILED, null, null,
                "401: Incorrect API key provided: sk-proj-AbCdEfGhIjKlMnOpQrStUv",
                java.util.List.of(new AttemptError("E", "Authorization: Bearer abcdefgh", "at x")), 1, null, null, "h");

        assertThat(Redactor.redact(clean)).isSameAs(clean);
        RunRecord masked = Redactor.redact(leaky);
        assertThat(masked.error()).isEqualTo("401: Incorrect API key provided: ***");
        assertThat(masked.history()).singleElement().extracting(AttemptError::message)
                .isEqualTo("Authorization: Bearer ***");
    }

    @Test
    void nullStaysNull() {
        assertThat(Redactor.redactText(null)).isNull();
    }
}
