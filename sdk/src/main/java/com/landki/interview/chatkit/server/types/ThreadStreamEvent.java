package com.landki.interview.chatkit.server.types;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * One event of a streamed answer, sent to the page as one SSE frame {@code data: {json}\n\n}. The JSON
 * discriminator is {@code type}. All implementations are immutable records.
 */
@JsonPropertyOrder({"type"})
public sealed interface ThreadStreamEvent {

    /**
     * The JSON discriminator.
     *
     * @return the event's type
     */
    @JsonProperty("type")
    String type();

    /** The thread was created; always the first event of {@code threads.create}. */
    record ThreadCreated(ThreadView thread) implements ThreadStreamEvent {
        @Override
        public String type() {
            return "thread.created";
        }
    }

    /** The thread's title or status changed. */
    record ThreadUpdated(ThreadView thread) implements ThreadStreamEvent {
        @Override
        public String type() {
            return "thread.updated";
        }
    }

    /** An item started streaming; {@link ThreadItemUpdated} events follow, then {@link ThreadItemDone}. */
    record ThreadItemAdded(ThreadItem item) implements ThreadStreamEvent {
        @Override
        public String type() {
            return "thread.item.added";
        }
    }

    /** A change to an item that is streaming. */
    record ThreadItemUpdated(String itemId, ThreadItemUpdate update) implements ThreadStreamEvent {
        @Override
        public String type() {
            return "thread.item.updated";
        }
    }

    /** An item is complete; the server stores it when it sends this. */
    record ThreadItemDone(ThreadItem item) implements ThreadStreamEvent {
        @Override
        public String type() {
            return "thread.item.done";
        }
    }

    /** An item was removed. */
    record ThreadItemRemoved(String itemId) implements ThreadStreamEvent {
        @Override
        public String type() {
            return "thread.item.removed";
        }
    }

    /** An item was replaced as a whole. */
    record ThreadItemReplaced(ThreadItem item) implements ThreadStreamEvent {
        @Override
        public String type() {
            return "thread.item.replaced";
        }
    }

    /** Stream settings, sent first in every response: may the page cancel? */
    record StreamOptions(Options streamOptions) implements ThreadStreamEvent {
        @Override
        public String type() {
            return "stream_options";
        }

        /** {@code allow_cancel}. */
        public record Options(boolean allowCancel) {
        }
    }

    /** A transient progress line ("searching the documents …") with an optional icon name. */
    record ProgressUpdate(String icon, String text) implements ThreadStreamEvent {
        @Override
        public String type() {
            return "progress_update";
        }
    }

    /** Asks the page to run a client-side effect, e.g. {@code out_of_scope} to show the feedback button. */
    record ClientEffect(String name, Map<String, Object> data) implements ThreadStreamEvent {
        /**
         * Copies the data, so the value stays immutable.
         *
         * @param name the effect, e.g. {@code out_of_scope}
         * @param data its payload, or {@code null} for none
         */
        public ClientEffect {
            data = data == null ? Map.of() : Map.copyOf(data);
        }

        @Override
        public String type() {
            return "client_effect";
        }
    }

    /**
     * The answer failed. {@code code} is {@code stream.error} (the page shows its own localized text) or
     * {@code custom} (the page shows {@code message}); {@code allow_retry} lets the user retry.
     */
    record Error(String code, String message, boolean allowRetry) implements ThreadStreamEvent {
        /** {@code code} of an error the page describes in its own words. */
        public static final String STREAM_ERROR = "stream.error";
        /** {@code code} of an error whose {@code message} the page shows. */
        public static final String CUSTOM = "custom";

        @Override
        public String type() {
            return "error";
        }
    }

    /** A notice shown to the user; {@code level} is {@code info}, {@code warning} or {@code danger}. */
    record Notice(String level, String message, String title) implements ThreadStreamEvent {
        @Override
        public String type() {
            return "notice";
        }
    }
}
