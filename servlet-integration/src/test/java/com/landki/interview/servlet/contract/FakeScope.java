package com.landki.interview.servlet.contract;

import com.landki.interview.servlet.internal.ScopePort;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/** Stand-in classifier: "keine informationen" is out of scope; thread thr_a belongs to the first user asking. */
final class FakeScope implements ScopePort {

    private volatile String owner;

    @Override
    public Decision classifyText(String userQuestion, String assistantReply) {
        boolean out = assistantReply.toLowerCase(Locale.ROOT).contains("keine informationen");
        return new Decision(out, out ? "marker" : "none", out ? "keine informationen" : null);
    }

    @Override
    public CompletableFuture<ThreadResult> classifyThread(String threadId, String userId) {
        synchronized (this) {
            if (owner == null) {
                owner = userId;
            }
        }
        if (!"thr_a".equals(threadId) || !owner.equals(userId)) {
            return CompletableFuture.failedFuture(new ThreadNotFoundException(threadId));
        }
        return CompletableFuture.supplyAsync(() -> new ThreadResult(new Decision(true, "structured", "report_out_of_scope"),
                "Wie wird das Wetter?", "Dazu habe ich keine Informationen."));
    }

    @Override
    public boolean threadsConfigured() {
        return true;
    }
}
