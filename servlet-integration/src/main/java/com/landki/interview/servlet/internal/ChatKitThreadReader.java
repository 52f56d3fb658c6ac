package com.landki.interview.servlet.internal;

import com.landki.interview.chatkit.ChatKitClient;
import com.landki.interview.chatkit.ListOptions;
import com.landki.interview.chatkit.ThreadItem;
import com.landki.interview.classify.ChatItem;
import com.landki.interview.classify.ThreadReader;
import com.landki.interview.openai.NotFoundException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Reads threads for {@code /classify} from OpenAI's ChatKit threads API through the SDK's client: the owner
 * from the thread, the newest items (asked newest first, handed on oldest first). Thread-safe.
 */
public final class ChatKitThreadReader implements ThreadReader {

    private final ChatKitClient client;

    public ChatKitThreadReader(ChatKitClient client) {
        this.client = client;
    }

    @Override
    public CompletableFuture<Optional<String>> ownerAsync(String threadId) {
        return client.retrieveThreadAsync(threadId).handle((thread, error) -> {
            if (error != null) {
                if (UpstreamErrors.unwrap(error) instanceof NotFoundException) {
                    return Optional.empty();
                }
                throw new CompletionException(UpstreamErrors.unwrap(error));
            }
            return Optional.ofNullable(thread.user());
        });
    }

    @Override
    public CompletableFuture<List<ChatItem>> newestItemsAsync(String threadId, int limit) {
        ListOptions options = ListOptions.builder().limit(limit).order(ListOptions.DESC).build();
        return client.listItemsAsync(threadId, options).thenApply(page -> {
            List<ChatItem> items = new ArrayList<>();
            for (ThreadItem item : page.data()) {
                items.add(toChatItem(item));
            }
            Collections.reverse(items);
            return items;
        });
    }

    static ChatItem toChatItem(ThreadItem item) {
        if (item instanceof ThreadItem.UserMessage user) {
            return ChatItem.userMessage(user.text()).withId(user.id());
        }
        if (item instanceof ThreadItem.AssistantMessage assistant) {
            return ChatItem.assistantMessage(assistant.text()).withId(assistant.id());
        }
        if (item instanceof ThreadItem.ClientToolCall call) {
            return ChatItem.clientToolCall(call.name(), call.arguments()).withId(call.id());
        }
        return ChatItem.of(item.type()).withId(item.id());
    }
}
