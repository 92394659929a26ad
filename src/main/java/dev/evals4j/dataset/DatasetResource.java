package dev.evals4j.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where the bytes of a file dataset come from: a file or a class path resource. Immutable.
 */
interface DatasetResource {

    /** The byte order mark some editors put at the start of a UTF-8 file. */
    char BYTE_ORDER_MARK = '\uFEFF';

    /** The name used in row locations, as the user wrote it (for example {@code datasets/qa.jsonl}). */
    String name();

    /** Where it was found, for descriptions and messages (for example {@code from the class path}). */
    String origin();

    /** Opens the raw bytes. */
    InputStream openStream() throws IOException;

    /** The file as a report points at it. */
    DatasetFile file();

    /** A cheap fingerprint of the current content, or empty when unknown. */
    Optional<String> fingerprint();

    /**
     * Opens the content as UTF-8 text, past a leading byte order mark if there is one.
     *
     * @throws DatasetException if it cannot be opened, naming the resource
     */
    default BufferedReader openReader() {
        try {
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(openStream(), StandardCharsets.UTF_8));
            skipByteOrderMark(reader);
            return reader;
        } catch (IOException e) {
            throw new DatasetException("Cannot open dataset " + name() + " (" + origin() + "): " + e
                    + ". Check that it exists and is readable.", e);
        }
    }

    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != BYTE_ORDER_MARK) {
            reader.reset();
        }
    }

    /** A fingerprint made of a size and a modification time, the cheap kind every file system has. */
    static String sizeAndModified(long size, long modifiedMillis) {
        return "size=" + size + ";modified=" + modifiedMillis;
    }
}
