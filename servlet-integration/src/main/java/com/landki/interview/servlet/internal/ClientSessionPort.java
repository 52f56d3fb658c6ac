package com.landki.interview.servlet.internal;

import com.landki.interview.chatkit.ChatKitClient;
import com.landki.interview.chatkit.CreateSessionRequest;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Mints sessions with the SDK's {@link ChatKitClient}: file upload off, plus the host's options. Thread-safe. */
public final class ClientSessionPort implements SessionPort {

    private final ChatKitClient client;
    private final Consumer<CreateSessionRequest.Builder> customizer;

    public ClientSessionPort(ChatKitClient client, Consumer<CreateSessionRequest.Builder> customizer) {
        this.client = client;
        this.customizer = customizer;
    }

    @Override
    public CompletableFuture<Grant> createSession(String userId) {
        CreateSessionRequest.Builder request = CreateSessionRequest.builder(userId).fileUpload(false, null, null);
        customizer.accept(request);
        return client.createSessionAsync(request.build())
                .thenApply(session -> new Grant(session.clientSecret(), session.expiresAt(), session.id(), null));
    }
}
