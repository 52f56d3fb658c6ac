package com.landki.interview.chatkit.server.types;

/**
 * A reference attached to assistant text ({@code type: "annotation"}): the {@link Source} and, optionally,
 * the character index in the text it belongs to.
 */
public record Annotation(String type, Source source, Integer index) {

    /** The JSON {@code type} of every annotation. */
    public static final String TYPE = "annotation";

    /**
     * A {@code null} type becomes {@link #TYPE}.
     *
     * @param type the JSON type, or {@code null}
     * @param source what is cited
     * @param index the character index in the text, or {@code null}
     */
    public Annotation {
        type = type == null ? TYPE : type;
    }

    /**
     * An annotation on {@code source} at {@code index} (may be null).
     *
     * @param source what is cited
     * @param index the character index in the text, or {@code null}
     * @return the annotation
     */
    public static Annotation of(Source source, Integer index) {
        return new Annotation(TYPE, source, index);
    }

    /**
     * Where an answer comes from: {@code file} (with {@code filename}), {@code url} (with {@code url}) or
     * {@code entity} (with {@code id}). {@code title} is what the page shows.
     */
    public record Source(String type, String title, String filename, String url, String id, String description) {

        /** {@code type} of a file citation. */
        public static final String FILE = "file";
        /** {@code type} of a web citation. */
        public static final String URL = "url";
        /** {@code type} of an entity reference. */
        public static final String ENTITY = "entity";

        /**
         * A file citation, titled by its file name.
         *
         * @param filename the file's name, shown as the title
         * @return the source
         */
        public static Source file(String filename) {
            return new Source(FILE, filename, filename, null, null, null);
        }

        /**
         * A web citation.
         *
         * @param title what the page shows
         * @param url the cited address
         * @return the source
         */
        public static Source url(String title, String url) {
            return new Source(URL, title == null || title.isBlank() ? url : title, null, url, null, null);
        }
    }
}
