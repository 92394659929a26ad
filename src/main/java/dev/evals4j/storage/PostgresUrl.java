package dev.evals4j.storage;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A {@code jdbc:postgresql:} URL as the store uses it: where the server is, and who logs in.
 *
 * <p>The user and password come from the URL's {@code user} and {@code password} parameters or,
 * for each one the URL lacks, from the environment variables {@value #USER_VARIABLE} and {@value
 * #PASSWORD_VARIABLE}, as {@code psql} reads them. They travel to the driver only: {@link
 * #location()} shows the URL with both values masked, and {@link #mask(String)} masks them in the
 * messages of the driver and the server.
 *
 * @param url the URL as given
 * @param user the user to log in as, or {@code null} for the driver's default
 * @param password the password, or {@code null} for none
 */
record PostgresUrl(String url, String user, String password) {

    /** The environment variable with the user, when the URL has no {@code user} parameter. */
    static final String USER_VARIABLE = "PGUSER";
    /** The environment variable with the password, when the URL has no {@code password} parameter. */
    static final String PASSWORD_VARIABLE = "PGPASSWORD";

    private static final String USER = "user";
    private static final String PASSWORD = "password";

    /** Reads {@code url}'s credentials, filling in what it lacks from {@code environment}. */
    static PostgresUrl of(String url, Function<String, String> environment) {
        Map<String, String> parameters = parameters(url);
        String user = parameters.containsKey(USER) ? parameters.get(USER) : environment.apply(USER_VARIABLE);
        String password =
                parameters.containsKey(PASSWORD) ? parameters.get(PASSWORD) : environment.apply(PASSWORD_VARIABLE);
        return new PostgresUrl(url, blankToNull(user), blankToNull(password));
    }

    /** The properties the driver connects with: the user and password, when known. */
    Properties properties() {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty(USER, user);
        }
        if (password != null) {
            properties.setProperty(PASSWORD, password);
        }
        return properties;
    }

    /** The URL as messages show it: every parameter kept, but the user's and the password's values masked. */
    String location() {
        int query = url.indexOf('?');
        if (query < 0) {
            return url;
        }
        String shown = parametersInOrder(url.substring(query + 1)).entrySet().stream()
                .map(p -> p.getKey() + (isCredential(p.getKey()) ? "=" + Redactor.MASK : p.getValue()))
                .collect(Collectors.joining("&"));
        return url.substring(0, query) + "?" + shown;
    }

    /**
     * A driver's or server's message with the password masked wherever it appears, and the user
     * where the server quotes it ({@code for user "ci"}).
     */
    String mask(String message) {
        String masked = message;
        if (masked != null && password != null) {
            masked = masked.replace(password, Redactor.MASK);
        }
        if (masked != null && user != null) {
            masked = masked.replace('"' + user + '"', '"' + Redactor.MASK + '"');
        }
        return masked;
    }

    /** Hides the password from logs and debuggers. */
    @Override
    public String toString() {
        return location();
    }

    private static boolean isCredential(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals(USER) || lower.equals(PASSWORD);
    }

    private static Map<String, String> parameters(String url) {
        int query = url.indexOf('?');
        Map<String, String> decoded = new LinkedHashMap<>();
        if (query >= 0) {
            parametersInOrder(url.substring(query + 1)).forEach((name, rawValue) -> decoded.put(
                    name.toLowerCase(Locale.ROOT),
                    URLDecoder.decode(rawValue.isEmpty() ? "" : rawValue.substring(1), StandardCharsets.UTF_8)));
        }
        return decoded;
    }

    /** Each parameter's name and its raw {@code =value} part ({@code ""} for a bare name), in order. */
    private static Map<String, String> parametersInOrder(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                int equals = pair.indexOf('=');
                parameters.put(equals < 0 ? pair : pair.substring(0, equals), equals < 0 ? "" : pair.substring(equals));
            }
        }
        return parameters;
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
