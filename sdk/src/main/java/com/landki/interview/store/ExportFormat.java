package com.landki.interview.store;

/** Formats of {@code export(…)}: both stream entry by entry, oldest first. */
public enum ExportFormat {
    /**
     * RFC 4180 CSV with a header row; quotes, commas and line breaks inside fields are quoted, and a text cell
     * starting with {@code = + - @}, a tab or a carriage return gets a leading {@code '} (no spreadsheet runs
     * it as a formula).
     */
    CSV,
    /** One JSON object per line, the same shape as the JSONL store's files. */
    JSONL;

    /**
     * Parses {@code csv} or {@code jsonl} (case-insensitive), as the export endpoint's {@code format} takes it.
     *
     * @param value {@code csv} or {@code jsonl}
     * @return the format
     * @throws IllegalArgumentException for any other value
     */
    public static ExportFormat parse(String value) {
        if (value != null) {
            for (ExportFormat f : values()) {
                if (f.name().equalsIgnoreCase(value.trim())) {
                    return f;
                }
            }
        }
        throw new IllegalArgumentException("format must be csv or jsonl, was: " + value);
    }

    /**
     * The media type of a download in this format.
     *
     * @return e.g. {@code text/csv; charset=utf-8}
     */
    public String contentType() {
        return this == CSV ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
    }

    /**
     * The file name extension without the dot.
     *
     * @return {@code csv} or {@code jsonl}
     */
    public String extension() {
        return this == CSV ? "csv" : "jsonl";
    }
}
