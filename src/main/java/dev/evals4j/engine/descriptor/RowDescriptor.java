package dev.evals4j.engine.descriptor;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.MethodSource;

/**
 * One row (and repetition) of a {@code @ForEach} method, registered dynamically while the method
 * runs. Its display name is the row id, the verdict's mark when the row is registered once it has
 * finished (such as {@code r005 ✗ numeric_match=0}), and a short preview of its columns; its legacy
 * reporting name (what Surefire writes into its XML) is the same text. The unique id never depends on
 * the verdict, so a row is selected again by the same id whatever its last result.
 *
 * <p>Its source is the row's line in its dataset file when the dataset is a file (or a class path
 * resource), so that an IDE can jump from the row to its line; otherwise the method.
 *
 * <p>A leaf, with no set of children: the test plan keeps every row's descriptor, and a huge dataset has
 * millions. Its parent is set by the engine thread when the row is added to its method, as every other
 * change to the test tree.
 */
@API(status = INTERNAL, since = "0.1")
public final class RowDescriptor implements TestDescriptor {

    /** The separator between a row id and its preview. */
    public static final String SEPARATOR = " \u2502 ";
    /** What the display name of a row restored from the store carries after its label. */
    public static final String RESTORED_MARKER = " (restored)";
    /** The longest preview, in characters. */
    public static final int PREVIEW_LENGTH = 60;

    private final UniqueId uniqueId;
    private final String displayName;
    private final TestSource source;
    private TestDescriptor parent;

    private RowDescriptor(UniqueId uniqueId, String displayName, TestSource source) {
        this.uniqueId = uniqueId;
        this.displayName = displayName;
        this.source = source;
    }

    /**
     * The descriptor of a row under {@code method}.
     *
     * @param key the row id, and the repetition ({@code 0} when the method runs each row once)
     * @param columns the row's columns, for the preview (may be empty, as for a malformed line)
     */
    public static RowDescriptor of(ForEachMethodDescriptor method, RowKey key, Map<String, ?> columns) {
        return of(method, key, columns, false);
    }

    /**
     * As {@link #of(ForEachMethodDescriptor, RowKey, Map)}; a {@code restored} row (reported from a
     * resumed experiment's store, not run) has {@value #RESTORED_MARKER} after its label.
     */
    public static RowDescriptor of(ForEachMethodDescriptor method, RowKey key, Map<String, ?> columns,
            boolean restored) {
        return of(method, key, columns, restored, "", Optional.empty());
    }

    /**
     * As {@link #of(ForEachMethodDescriptor, RowKey, Map, boolean)}, with the verdict's mark after the
     * row id, and the row's place in its dataset as its source.
     *
     * @param mark what follows the row id, such as {@code ✗ numeric_match=0}; empty for none
     * @param source the row's line in its dataset; empty: the method is the source
     */
    public static RowDescriptor of(ForEachMethodDescriptor method, RowKey key, Map<String, ?> columns,
            boolean restored, String mark, Optional<TestSource> source) {
        Objects.requireNonNull(key, "key");
        // The row id itself when nothing follows it: a row kept by the test plan keeps no copy of its id.
        String label = key.repetition() == 0 ? key.rowId() : key.rowId() + " #" + key.repetition();
        if (!mark.isEmpty()) {
            label = label + " " + mark;
        }
        if (restored) {
            label = label + RESTORED_MARKER;
        }
        String preview = preview(columns);
        String displayName = preview.isEmpty() ? label : label + SEPARATOR + preview;
        // One source per method, shared by its rows: a row kept by the test plan costs no source of its own.
        TestSource testSource = source.or(method::getSource)
                .orElseGet(() -> MethodSource.from(method.testClass(), method.method()));
        return new RowDescriptor(key.appendTo(method.getUniqueId()), displayName, testSource);
    }

    /**
     * The columns but {@code id} as {@code name=value} pairs, runs of whitespace made one space, cut to
     * {@value #PREVIEW_LENGTH} characters; a long value is read only as far as the preview shows it.
     */
    static String preview(Map<String, ?> columns) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, ?> column : columns.entrySet()) {
            if (text.length() > PREVIEW_LENGTH) {
                break;
            }
            if (column.getKey().equals("id")) {
                continue;
            }
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(column.getKey()).append('=');
            appendCollapsed(text, String.valueOf(column.getValue()));
        }
        return text.length() <= PREVIEW_LENGTH ? text.toString() : text.substring(0, PREVIEW_LENGTH - 1) + "\u2026";
    }

    /** Appends {@code value} with each run of whitespace ({@code \s}) as one space, until the preview is full. */
    private static void appendCollapsed(StringBuilder text, String value) {
        boolean inWhitespace = false;
        for (int i = 0; i < value.length() && text.length() <= PREVIEW_LENGTH; i++) {
            char c = value.charAt(i);
            boolean whitespace = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
            if (!whitespace) {
                text.append(c);
            } else if (!inWhitespace) {
                text.append(' ');
            }
            inWhitespace = whitespace;
        }
    }

    /** The row's key, read from its unique id. */
    public RowKey key() {
        return RowKey.ofRow(uniqueId);
    }

    @Override
    public UniqueId getUniqueId() {
        return uniqueId;
    }

    @Override
    public String getDisplayName() {
        return displayName;
    }

    @Override
    public String getLegacyReportingName() {
        return displayName;
    }

    @Override
    public Set<TestTag> getTags() {
        return Set.of();
    }

    @Override
    public Optional<TestSource> getSource() {
        return Optional.of(source);
    }

    @Override
    public Optional<TestDescriptor> getParent() {
        return Optional.ofNullable(parent);
    }

    @Override
    public void setParent(TestDescriptor parent) {
        this.parent = parent;
    }

    @Override
    public Set<? extends TestDescriptor> getChildren() {
        return Set.of();
    }

    /** @throws UnsupportedOperationException always: a row is a test, without children */
    @Override
    public void addChild(TestDescriptor descriptor) {
        throw new UnsupportedOperationException("the row " + uniqueId + " is a test and cannot have children, such as "
                + descriptor.getUniqueId());
    }

    /** Does nothing: a row has no children. */
    @Override
    public void removeChild(TestDescriptor descriptor) {}

    @Override
    public void removeFromHierarchy() {
        if (parent != null) {
            parent.removeChild(this);
        }
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public Optional<? extends TestDescriptor> findByUniqueId(UniqueId wanted) {
        return uniqueId.equals(wanted) ? Optional.of(this) : Optional.empty();
    }

    /** Equal to a row descriptor of the same unique id, as the platform's descriptors are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof RowDescriptor row && uniqueId.equals(row.uniqueId);
    }

    @Override
    public int hashCode() {
        return uniqueId.hashCode();
    }

    @Override
    public String toString() {
        return "RowDescriptor: " + uniqueId;
    }
}
