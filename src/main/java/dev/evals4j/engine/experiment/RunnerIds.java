package dev.evals4j.engine.experiment;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.apiguardian.api.API;

/**
 * Default names of runners: {@code <host>-<pid>-<random>}, so that two processes never share one, even
 * in containers where every process is pid 1 on a host called {@code localhost}. Stateless.
 */
@API(status = INTERNAL, since = "0.1")
public final class RunnerIds {

    private static final int MAX_HOST_LENGTH = 60;

    private RunnerIds() {}

    /** A new runner id for this process. */
    public static String generate() {
        String random = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        return host() + "-" + ProcessHandle.current().pid() + "-" + random;
    }

    private static String host() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException | SecurityException e) {
            host = "host";
        }
        String cleaned = host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
        return cleaned.length() <= MAX_HOST_LENGTH ? cleaned : cleaned.substring(0, MAX_HOST_LENGTH);
    }
}
