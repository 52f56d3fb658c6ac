package com.landki.interview.classify;

import com.landki.interview.chatkit.ChatKitClient;
import com.landki.interview.chatkit.ChatKitThread;
import com.landki.interview.chatkit.ListOptions;
import com.landki.interview.chatkit.ThreadItem;
import com.landki.interview.openai.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A {@link ThreadReader} over OpenAI's ChatKit threads API ({@link ChatKitClient}): the owner from
 * {@code GET /chatkit/threads/{id}} (its {@code user}), the newest items from one
 * {@code GET /chatkit/threads/{id}/items?order=desc&limit=n} page. A thread the API does not know (404) has
 * no owner, so {@link ThreadClassifier} refuses it like a foreign one; other failures (the client's
 * {@code OpenAiException} hierarchy: upstream errors, timeouts) pass through unchanged.
 *
 * <p>Immutable and thread-safe when the client is (it is).
 */
public final class ChatKitThreadReader implements ThreadReader {

    private final ChatKitClient client;

    private ChatKitThreadReader(ChatKitClient client) {
        this.client = client;
    }

    /**
     * Reads threads with the given client.
     *
     * @param client the ChatKit client; the caller closes it
     * @return the reader
     */
    public static ChatKitThreadReader of(ChatKitClient client) {
        return new ChatKitThreadReader(Objects.requireNonNull(client, "client"));
    }

    @Override
    public CompletableFuture<Optional<String>> ownerAsync(String threadId) {
        return client.retrieveThreadAsync(threadId)
                .thenApply(ChatKitThreadReader::ownerOf)
                .exceptionally(failure -> {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    if (cause instanceof NotFoundException) {
                        return Optional.empty();
                    }
                    throw failure instanceof CompletionException completion ? completion
                            : new CompletionException(failure);
                });
    }

    private static Optional<String> ownerOf(ChatKitThread thread) {
        return Optional.ofNullable(thread.user());
    }

    @Override
    public CompletableFuture<List<ChatItem>> newestItemsAsync(String threadId, int limit) {
        ListOptions newest = ListOptions.builder().order(ListOptions.DESC).limit(limit).build();
        return client.listItemsAsync(threadId, newest).thenApply(page -> {
            List<ThreadItem> data = page.data();
            List<ChatItem> oldestFirst = new ArrayList<>(data.size());
            for (int i = data.size() - 1; i >= 0; i--) {
                oldestFirst.add(toChatItem(data.get(i)));
            }
            return oldestFirst;
        });
    }

    /** The classifier's view of one item; item types it does not need keep only their type and id. */
    static ChatItem toChatItem(ThreadItem item) {
        if (item instanceof ThreadItem.UserMessage user) {
            return ChatItem.userMessage(user.text()).withId(user.id());
        }
        if (item instanceof ThreadItem.AssistantMessage assistant) {
            return ChatItem.assistantMessage(assistant.text()).withId(assistant.id());
        }
        if (item instanceof ThreadItem.ClientToolCall call) {
            return ChatItem.clientToolCall(call.name() == null ? "" : call.name(), call.arguments()).withId(call.id());
        }
        return ChatItem.of(item.type() == null ? "unknown" : item.type()).withId(item.id());
    }

    @Override
    public String toString() {
        return "ChatKitThreadReader[" + client + "]";
    }
}
