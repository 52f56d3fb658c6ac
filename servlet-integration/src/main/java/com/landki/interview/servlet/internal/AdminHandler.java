package com.landki.interview.servlet.internal;

import com.landki.interview.chatkit.ChatKitClient;
import com.landki.interview.chatkit.ChatKitThread;
import com.landki.interview.chatkit.ListOptions;
import com.landki.interview.chatkit.Page;
import com.landki.interview.chatkit.server.store.AttachmentStore;
import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.chatkit.server.types.ThreadMetadata;
import com.landki.interview.store.ExportFormat;
import com.landki.interview.store.InterviewStore;
import com.landki.interview.store.StoreStats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /admin/stats}, {@code /admin/logs}, {@code /admin/feedback/export} and {@code DELETE /admin/data}. Thread-safe. */
public final class AdminHandler {

    /** Largest id accepted by erasure; longer values are no ids of ours. */
    private static final int MAX_ID_LENGTH = 200;
    /** Threads read per page when erasing a user's threads. */
    private static final int ERASE_PAGE = 500;

    /** Threads per page of OpenAI's list (its maximum is 100). */
    private static final int HOSTED_PAGE = 100;

    private final InterviewStore store;
    private final ThreadStore threads;
    private final AttachmentStore attachments;
    private final ChatKitClient hosted;
    private final String backend;
    private final Clock clock;
    private final Instant started;

    public AdminHandler(InterviewStore store, Clock clock) {
        this(store, null, null, null, "hosted", clock);
    }

    /**
     * @param threads the own ChatKit server's thread store ({@code server} backend), or {@code null}
     * @param attachments the own ChatKit server's attachment store, or {@code null}
     * @param hosted  the ChatKit client whose hosted threads belong to our user ids ({@code hosted} backend), or
     *                {@code null}
     * @param backend the chat backend this API runs ({@code hosted} or {@code server}), named in the stats
     */
    public AdminHandler(InterviewStore store, ThreadStore threads, AttachmentStore attachments, ChatKitClient hosted,
                        String backend, Clock clock) {
        this.store = store;
        this.threads = threads;
        this.attachments = attachments;
        this.hosted = hosted;
        this.backend = backend;
        this.clock = clock;
        this.started = clock.instant();
    }

    /**
     * The store's counters (kept across restarts) plus this process's uptime and chat backend: sessions are
     * minted by the {@code hosted} backend, conversations ({@code thread.created}) begun by the {@code server}
     * backend; {@code classified} counts the finished answers of both.
     */
    public ApiResponse stats() {
        StoreStats stats = store.stats();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("backend", backend);
        out.put("sessions_created", stats.sessionsCreated());
        out.put("sessions_failed", stats.sessionsFailed());
        out.put("error_rate", stats.errorRate());
        out.put("feedback_total", stats.feedbackTotal());
        out.put("feedback_by_category", stats.feedbackByCategory());
        out.put("feedback_by_kind", stats.feedbackByKind());
        out.put("conversations", stats.conversations());
        out.put("classified", stats.classified());
        out.put("out_of_scope", stats.outOfScope());
        out.put("out_of_scope_rate", stats.outOfScopeRate());
        out.put("hourly", hourly(stats));
        out.put("store", store.type());
        out.put("started_at", started.toString());
        out.put("uptime_s", Duration.between(started, clock.instant()).toSeconds());
        return ApiResponse.ok(out);
    }

    /** The last 48 UTC hours, oldest first, under the names the dashboard reads ({@code hour} is ISO-8601). */
    private static List<Map<String, Object>> hourly(StoreStats stats) {
        List<Map<String, Object>> out = new ArrayList<>(stats.hourly().size());
        for (StoreStats.Hour h : stats.hourly()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("hour", h.start().toString());
            m.put("sessions_created", h.sessionsCreated());
            m.put("sessions_failed", h.sessionsFailed());
            m.put("classified", h.classified());
            m.put("out_of_scope", h.outOfScope());
            m.put("conversations", h.conversations());
            out.add(m);
        }
        return out;
    }

    /** {@code type} is {@code chat} (default) or {@code feedback}. */
    public ApiResponse logs(String type, int limit) {
        String kind = type == null ? "chat" : type;
        List<?> entries;
        if ("chat".equals(kind)) {
            entries = store.chatLog().newest(limit);
        } else if ("feedback".equals(kind)) {
            entries = store.feedback().newest(limit);
        } else {
            throw ApiException.validation("type", "must be chat or feedback");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", kind);
        out.put("entries", entries);
        out.put("count", entries.size());
        return ApiResponse.ok(out);
    }

    /** {@code /admin/feedback/export}: all feedback streamed as a download named by today's date. */
    public ApiResponse export(ExportFormat format) {
        String day = clock.instant().toString().substring(0, 10).replace("-", "");
        return ApiResponse.raw(format.contentType(), out -> store.feedback().export(format, out))
                .withHeader("Content-Disposition", "attachment; filename=\"feedback-" + day + "." + format.extension()
                        + "\"");
    }

    /**
     * {@code DELETE /admin/data}: erasure by {@code session_id} or by {@code user_id} (exactly one).
     *
     * <p>A session id is a hosted session ({@code cksess_…}, whose feedback and chat-log records are erased) or,
     * with the {@code server} backend, a thread id: the thread's feedback and log records carry it as their
     * session id (see {@code StoreHooks}), and the thread with its items is erased as well. A user id (the
     * signed cookie's {@code u_…} or the host's principal) erases all threads of that user in the thread store
     * and, with the hosted backend, the user's threads kept by OpenAI (ChatKit threads API, listed by
     * {@code user}), plus every record logged under those thread ids, and the attachments of those threads (by
     * user: all of the user's attachments). {@code deleted} counts all erased records, threads and attachments,
     * {@code threads_deleted} and {@code attachments_deleted} the threads and attachments among them. An upstream failure answers like the session
     * endpoint (e.g. 502); what was erased before stays erased, and repeating the call finishes the job.
     */
    public ApiResponse erase(String sessionId, String userId) {
        boolean bySession = sessionId != null && !sessionId.isBlank();
        boolean byUser = userId != null && !userId.isBlank();
        if (bySession == byUser) {
            throw ApiException.validation("session_id", bySession
                    ? "give session_id or user_id, not both"
                    : "is required as a query parameter (or user_id)");
        }
        List<String> ids;
        if (bySession) {
            requireId("session_id", sessionId);
            ids = List.of(sessionId);
        } else {
            requireId("user_id", userId);
            ids = threadIdsOf(userId);
        }
        long deleted = 0;
        int threadsDeleted = 0;
        if (byUser && hosted != null) {
            for (String id : hostedThreadIdsOf(userId)) {
                if (hosted.deleteThread(id).deleted()) {
                    threadsDeleted++;
                }
                deleted += store.eraseSession(id);
            }
        }
        int attachmentsDeleted = 0;
        for (String id : ids) {
            deleted += store.eraseSession(id);
            if (threads != null && threads.eraseThread(id)) {
                threadsDeleted++;
            }
            if (attachments != null) {
                attachmentsDeleted += attachments.eraseThread(id);
            }
        }
        if (byUser && attachments != null) {
            // also those never sent in a message
            attachmentsDeleted += attachments.eraseUser(userId);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("deleted", deleted + threadsDeleted + attachmentsDeleted);
        out.put("threads_deleted", threadsDeleted);
        if (attachments != null) {
            out.put("attachments_deleted", attachmentsDeleted);
        }
        return ApiResponse.ok(out);
    }

    private List<String> threadIdsOf(String userId) {
        List<String> ids = new ArrayList<>();
        if (threads == null) {
            return ids;
        }
        String after = null;
        do {
            Page<ThreadMetadata> page = threads.listThreads(userId, ERASE_PAGE, after, ThreadStore.ASC);
            page.data().forEach(thread -> ids.add(thread.id()));
            after = page.hasMore() ? page.after() : null;
        } while (after != null);
        return ids;
    }

    /** All of the user's hosted thread ids, read before any is deleted so that paging is not disturbed. */
    private List<String> hostedThreadIdsOf(String userId) {
        List<String> ids = new ArrayList<>();
        String after = null;
        while (true) {
            Page<ChatKitThread> page = hosted.listThreads(ListOptions.builder()
                    .user(userId).limit(HOSTED_PAGE).order(ListOptions.ASC).after(after).build());
            // only threads that name this user: a filter the upstream ignored must never erase other users
            page.data().stream().filter(thread -> userId.equals(thread.user())).forEach(thread -> ids.add(thread.id()));
            if (!page.hasMore() || page.after() == null || page.after().equals(after) || page.data().isEmpty()) {
                return ids;
            }
            after = page.after();
        }
    }

    private static void requireId(String field, String value) {
        if (value.length() > MAX_ID_LENGTH) {
            throw ApiException.validation(field, "must be at most " + MAX_ID_LENGTH + " characters");
        }
    }
}
