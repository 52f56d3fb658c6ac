package com.landki.interview.servlet.contract;

import com.landki.interview.classify.ChatItem;
import com.landki.interview.classify.ThreadReader;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/** Stand-in for the ChatKit threads API: thread {@code thr_a} belongs to whoever asks about it first. */
final class FakeThreads implements ThreadReader {

    private final AtomicReference<String> owner = new AtomicReference<>();

    /** Called by the test with the user id of the first caller. */
    void own(String userId) {
        owner.compareAndSet(null, userId);
    }

    @Override
    public CompletableFuture<Optional<String>> ownerAsync(String threadId) {
        return CompletableFuture.supplyAsync(() -> "thr_a".equals(threadId) ? Optional.ofNullable(owner.get())
                : Optional.empty());
    }

    @Override
    public CompletableFuture<List<ChatItem>> newestItemsAsync(String threadId, int limit) {
        return CompletableFuture.completedFuture(List.of(
                ChatItem.userMessage("Wie wird das Wetter morgen?"),
                ChatItem.assistantMessage("Dazu habe ich leider keine Informationen."),
                ChatItem.clientToolCall("report_out_of_scope", "{\"out_of_scope\":true,\"reason\":\"Wetter\"}")));
    }
}
