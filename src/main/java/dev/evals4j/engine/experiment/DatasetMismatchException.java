package dev.evals4j.engine.experiment;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.storage.RunKey;
import java.util.List;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Another runner of a shared experiment completed pairs for other row content than this runner read
 * from its dataset: the runners do not read the same dataset, and going on would mix two datasets in
 * one experiment.
 */
@API(status = INTERNAL, since = "0.1")
public final class DatasetMismatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    /** The most row ids the message names. */
    static final int SHOWN_ROWS = 5;

    /** The failure of runner {@code runnerId}, whose rows of {@code differing} differ from the stored runs. */
    public DatasetMismatchException(String runnerId, List<RunKey> differing) {
        super(message(runnerId, differing));
    }

    private static String message(String runnerId, List<RunKey> differing) {
        List<String> ids = differing.stream().map(RunKey::rowId).distinct().toList();
        String shown = ids.stream().limit(SHOWN_ROWS).map(id -> "'" + id + "'").collect(Collectors.joining(", "));
        return "The dataset of runner " + runnerId + " differs from the one other runners run this experiment with: "
                + ids.size() + " row(s) have other content here than in the runs they recorded (" + shown
                + (ids.size() > SHOWN_ROWS ? ", ..." : "") + "). Every runner of a shared experiment must read the"
                + " same dataset; give another dataset another experiment name (-Devals4j.experiment). If the runner"
                + " that recorded them was killed less than evals4j.lease ago, run again once its leases expired";
    }
}
