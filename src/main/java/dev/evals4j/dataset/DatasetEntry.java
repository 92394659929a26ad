package dev.evals4j.dataset;



import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
/**
 * What a dataset yields for each of its lines or records: a {@link Row}, or a
 * {@link MalformedEntry} that says where and why a line could not be read. A malformed line never
 * stops the others from being read.
 */
@API(status = INTERNAL, since = "0.1")
public sealed interface DatasetEntry permits Row, MalformedEntry {

    /** The 0-based position in the dataset. */
    long index();

    /** Where the entry came from, for messages (for example {@code data/qa.jsonl:12}). */
    String location();
}
