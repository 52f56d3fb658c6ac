package com.landki.interview.chatkit.server;

import com.landki.interview.chatkit.server.responder.ChatKitResponder;
import com.landki.interview.chatkit.server.responder.ResponseTurn;
import com.landki.interview.chatkit.server.types.Annotation;
import com.landki.interview.chatkit.server.types.AssistantContent;
import com.landki.interview.chatkit.server.types.AssistantMessageItem;
import com.landki.interview.chatkit.server.types.ThreadItemUpdate;
import com.landki.interview.chatkit.server.types.ThreadStreamEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A responder that answers with fixed text in two deltas and one file citation, and records its turns. */
public final class ScriptedResponder implements ChatKitResponder {

    final List<ResponseTurn> turns = new CopyOnWriteArrayList<>();
    volatile RuntimeException failAfterFirstDelta;
    public volatile String outOfScopeReason;

    @Override
    public void respond(ResponseTurn turn) {
        turns.add(turn);
        String id = turn.newItemId("msg");
        AssistantMessageItem item = new AssistantMessageItem(id, turn.thread().id(), turn.now(), List.of());
        turn.emit(new ThreadStreamEvent.ThreadItemAdded(item));
        turn.emit(new ThreadStreamEvent.ThreadItemUpdated(id,
                new ThreadItemUpdate.ContentPartAdded(0, AssistantContent.of("", List.of()))));
        turn.emit(new ThreadStreamEvent.ThreadItemUpdated(id, new ThreadItemUpdate.TextDelta(0, "Hallo ")));
        if (failAfterFirstDelta != null) {
            throw failAfterFirstDelta;
        }
        if (outOfScopeReason != null) {
            turn.reportOutOfScope(outOfScopeReason);
        }
        turn.emit(new ThreadStreamEvent.ThreadItemUpdated(id, new ThreadItemUpdate.TextDelta(0, "Welt")));
        Annotation citation = Annotation.of(Annotation.Source.file("leitfaden.pdf"), 5);
        turn.emit(new ThreadStreamEvent.ThreadItemUpdated(id, new ThreadItemUpdate.AnnotationAdded(0, 0, citation)));
        AssistantContent done = AssistantContent.of("Hallo Welt", List.of(citation));
        turn.emit(new ThreadStreamEvent.ThreadItemUpdated(id, new ThreadItemUpdate.ContentPartDone(0, done)));
        turn.emit(new ThreadStreamEvent.ThreadItemDone(item.withContent(List.of(done))));
    }
}
