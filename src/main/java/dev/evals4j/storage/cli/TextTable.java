package dev.evals4j.storage.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table: columns padded to their widest cell, two spaces apart. Not thread-safe. */
final class TextTable {

    private final List<String[]> lines = new ArrayList<>();
    private final int columns;

    /** A table whose first line is {@code header}. */
    TextTable(String... header) {
        this.columns = header.length;
        lines.add(header);
    }

    private TextTable(int columns) {
        this.columns = columns;
    }

    /** A table without a header line. */
    static TextTable withoutHeader(int columns) {
        return new TextTable(columns);
    }

    /** Adds a row; it must have one cell per column. */
    TextTable row(Object... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
        }
        String[] text = new String[columns];
        for (int i = 0; i < columns; i++) {
            text[i] = String.valueOf(cells[i]);
        }
        lines.add(text);
        return this;
    }

    /** Prints the table, each line indented by {@code indent}. */
    void print(PrintStream out, String indent) {
        int[] widths = new int[columns];
        for (String[] line : lines) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        for (String[] line : lines) {
            StringBuilder text = new StringBuilder(indent);
            for (int i = 0; i < columns; i++) {
                text.append(i == columns - 1 ? line[i] : String.format("%-" + widths[i] + "s  ", line[i]));
            }
            out.println(text.toString().stripTrailing());
        }
    }
}
