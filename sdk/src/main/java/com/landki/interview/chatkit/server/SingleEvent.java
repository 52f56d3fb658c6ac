package com.landki.interview.chatkit.server;

import com.landki.interview.chatkit.server.responder.EventSink;
import com.landki.interview.chatkit.server.types.ThreadStreamEvent;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stream of one event and nothing else, not even {@code stream_options}: chatkit-python answers so where it
 * refuses inside the stream before any answer starts (a custom action whose sender is not a widget).
 */
final class SingleEvent implements ChatKitResult.StreamBody {

    private static final Logger LOG = LoggerFactory.getLogger(SingleEvent.class);

    private final ChatKitServer server;
    private final ThreadStreamEvent event;

    SingleEvent(ChatKitServer server, ThreadStreamEvent event) {
        this.server = server;
        this.event = event;
    }

    @Override
    public CompletableFuture<Void> start(EventSink sink) {
        server.streamStarted();
        try {
            sink.accept(event);
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not send {} to a gone page", event.type(), e);
        } finally {
            server.streamEnded();
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void cancel() {
        // nothing runs that could be stopped
    }
}
