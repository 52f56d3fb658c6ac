package com.landki.interview.classify;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Classifies the last turn of a ChatKit thread on behalf of a user: checks that the thread belongs to the
 * user, reads its newest items, takes the last assistant message and the user message before it
 * ({@link Turn#lastOf}), and classifies them.
 *
 * <pre>{@code
 * ThreadClassifier threads = ThreadClassifier.builder()
 *         .reader(reader)                          // e.g. over the ChatKit client
 *         .classifier(ScopeClassifier.fromEnv())   // structured flag first, then markers
 *         .build();
 * ThreadClassification result = threads.classify("cthr_123", userId);
 * }</pre>
 *
 * <p>Immutable and thread-safe; share one instance.
 */
public final class ThreadClassifier {

    /** Items read by default: enough for a turn with several tool calls and widgets. */
    public static final int DEFAULT_ITEM_LIMIT = 30;
    /** The most items the ChatKit API returns in one page. */
    public static final int MAX_ITEM_LIMIT = 100;

    private final ThreadReader reader;
    private final ScopeClassifier classifier;
    private final int itemLimit;

    private ThreadClassifier(Builder builder) {
        this.reader = builder.reader;
        this.classifier = builder.classifier;
        this.itemLimit = builder.itemLimit;
    }

    /**
     * A builder; {@link Builder#reader} is required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Classifies the thread's last turn, blocking.
     *
     * @return the classification of the last turn
     * @param threadId the ChatKit thread id
     * @param userId   the caller's user id, compared with the thread's owner
     * @throws ThreadNotOwnedException when the thread does not exist or belongs to another user
     * @throws RuntimeException        what the reader failed with (e.g. the ChatKit client's errors)
     */
    public ThreadClassification classify(String threadId, String userId) {
        try {
            return classifyAsync(threadId, userId).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException("interrupted while reading thread " + threadId, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new CompletionException(cause);
        }
    }

    /**
     * Classifies the thread's last turn without blocking a thread while the reader works.
     *
     * @param threadId the ChatKit thread id; not blank
     * @param userId the caller's user id; not blank
     * @return a future that completes with the classification, or exceptionally with
     *         {@link ThreadNotOwnedException} or what the reader failed with
     * @throws IllegalArgumentException at once when {@code threadId} or {@code userId} is blank
     */
    public CompletableFuture<ThreadClassification> classifyAsync(String threadId, String userId) {
        requireText(threadId, "threadId");
        requireText(userId, "userId");
        return reader.ownerAsync(threadId)
                .thenCompose(owner -> {
                    if (!isOwner(owner, userId)) {
                        throw new ThreadNotOwnedException(threadId);
                    }
                    return reader.newestItemsAsync(threadId, itemLimit);
                })
                .thenApply(items -> classifyItems(threadId, items));
    }

    private static boolean isOwner(Optional<String> owner, String userId) {
        return owner != null && owner.isPresent() && owner.get().equals(userId);
    }

    private ThreadClassification classifyItems(String threadId, List<ChatItem> items) {
        Turn turn = Turn.lastOf(items == null ? List.of() : items);
        ScopeDecision decision = classifier.classify(turn);
        String reason = null;
        if (decision.source() == ScopeDecision.Source.STRUCTURED && decision.marker() != null) {
            reason = StructuredClassifier.reasonOf(turn, decision.marker()).orElse(null);
        }
        return new ThreadClassification(threadId, turn.question(), turn.answer(), decision, reason);
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + ": must not be blank");
        }
    }

    /**
     * The number of newest items read per thread.
     *
     * @return 1 to {@value #MAX_ITEM_LIMIT}
     */
    public int itemLimit() {
        return itemLimit;
    }

    @Override
    public String toString() {
        return "ThreadClassifier[classifier=" + classifier + ", itemLimit=" + itemLimit + "]";
    }

    /** Builds a {@link ThreadClassifier}; not thread-safe. */
    public static final class Builder {

        private ThreadReader reader;
        private ScopeClassifier classifier = ScopeClassifier.ofDefaults();
        private int itemLimit = DEFAULT_ITEM_LIMIT;

        private Builder() {
        }

        /**
         * Where threads are read from. Required.
         *
         * @param reader not {@code null}
         * @return this builder
         */
        public Builder reader(ThreadReader reader) {
            this.reader = Objects.requireNonNull(reader, "reader");
            return this;
        }

        /**
         * The classifier; default {@link ScopeClassifier#ofDefaults()}.
         *
         * @param classifier not {@code null}
         * @return this builder
         */
        public Builder classifier(ScopeClassifier classifier) {
            this.classifier = Objects.requireNonNull(classifier, "classifier");
            return this;
        }

        /**
         * How many newest items to read, 1..{@value #MAX_ITEM_LIMIT}; default {@value #DEFAULT_ITEM_LIMIT}.
         *
         * @param itemLimit 1 to {@value #MAX_ITEM_LIMIT}
         * @return this builder
         * @throws IllegalArgumentException when out of range
         */
        public Builder itemLimit(int itemLimit) {
            if (itemLimit < 1 || itemLimit > MAX_ITEM_LIMIT) {
                throw new IllegalArgumentException("itemLimit: must be 1.." + MAX_ITEM_LIMIT + ", got " + itemLimit);
            }
            this.itemLimit = itemLimit;
            return this;
        }

        /**
         * @return the classifier
         * @throws IllegalStateException when no reader was set
         */
        public ThreadClassifier build() {
            if (reader == null) {
                throw new IllegalStateException("reader: set a ThreadReader, e.g. one over the ChatKit client");
            }
            return new ThreadClassifier(this);
        }
    }
}
