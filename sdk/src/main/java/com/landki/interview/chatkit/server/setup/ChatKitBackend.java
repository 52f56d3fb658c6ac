package com.landki.interview.chatkit.server.setup;

import com.landki.interview.chatkit.server.AnswerListener;
import com.landki.interview.chatkit.server.AttachmentOptions;
import com.landki.interview.chatkit.server.ChatKitServer;
import com.landki.interview.chatkit.server.DictationOptions;
import com.landki.interview.chatkit.server.agent.OpenAiTranscriber;
import com.landki.interview.chatkit.server.responder.Transcriber;
import com.landki.interview.chatkit.server.agent.ResponsesAgent;
import com.landki.interview.chatkit.server.responder.ChatKitResponder;
import com.landki.interview.chatkit.server.store.AttachmentStore;
import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.classify.MarkerClassifier;
import com.landki.interview.config.ConfigSource;
import com.landki.interview.config.Settings;
import com.landki.interview.openai.OpenAiConfig;
import com.landki.interview.openai.OpenAiHttp;
import com.landki.interview.store.InterviewStore;
import com.landki.interview.store.StoreConfig;
import com.landki.interview.store.internal.HikariPools;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code server} chat backend assembled from configuration, for the servlet module and the example server:
 * a {@link ChatKitServer} with the thread store of {@code INTERVIEW_STORE} (next to the interview store: the
 * same JSONL directory, the same PostgreSQL pool), the {@link ResponsesAgent} from {@code OPENAI_*} /
 * {@code INTERVIEW_INSTRUCTIONS_FILE}, and the hooks into the given interview store and marker classifier.
 * Which backend runs is {@code CHATKIT_BACKEND} ({@link com.landki.interview.config.ChatBackend}). Close it on
 * shutdown (it holds the JSONL lock or a share of the connection pool). Thread-safe.
 */
public final class ChatKitBackend implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChatKitBackend.class);
    /** The attachments' directory inside {@code INTERVIEW_LOG_DIR} ({@code jsonl} store). */
    public static final String ATTACHMENT_DIR = "chatkit-attachments";
    /** How often unused attachments and threads past {@code CHATKIT_THREAD_RETENTION_DAYS} are erased. */
    public static final Duration CLEANUP_EVERY = Duration.ofMinutes(10);

    private final ChatKitServer server;
    private final List<AutoCloseable> resources;

    private ChatKitBackend(ChatKitServer server, List<AutoCloseable> resources) {
        this.server = server;
        this.resources = resources;
    }

    /**
     * Reads everything from {@code source} (store, agent, markers), writing feedback and out-of-scope events to
     * {@code interview}. A host that already read the store settings and the markers uses
     * {@link #open(StoreConfig, InterviewStore, ChatKitResponder, MarkerClassifier)}.
     *
     * @param source where the settings are read
     * @param interview the store of feedback and chat events; not closed by the backend
     * @return the backend; close it on shutdown
     * @throws IllegalStateException            a setting is invalid (the message names it)
     * @throws com.landki.interview.store.StoreException the thread store cannot be opened
     */
    public static ChatKitBackend from(ConfigSource source, InterviewStore interview) {
        OpenAiHttp http = Settings.OPENAI_API_KEY.raw(source) == null ? null
                : OpenAiHttp.create(OpenAiConfig.from(source));
        try {
            ChatKitBackend backend = open(StoreConfig.from(source), interview, ResponsesAgent.from(source, http),
                    MarkerClassifier.from(source), null, attachmentOptions(source), source,
                    http == null ? null : OpenAiTranscriber.from(source, http));
            if (http != null) {
                backend.resources.add(http); // the backend made it, so the backend closes it
            }
            return backend;
        } catch (RuntimeException e) {
            if (http != null) {
                http.close();
            }
            throw e;
        }
    }

    /**
     * The backend with threads where {@code threads} says ({@code memory}, {@code jsonl} in its log directory,
     * {@code postgres} on the one pool of that database), answering with {@code agent} (the {@link ResponsesAgent}
     * or any other responder) and marking answers that {@code markers} finds out of scope.
     *
     * @param threads where the threads live
     * @param interview the store of feedback and chat events; not closed by the backend
     * @param agent who writes the answers
     * @param markers checks finished answers the model did not flag
     * @return the backend; close it on shutdown
     */
    public static ChatKitBackend open(StoreConfig threads, InterviewStore interview, ChatKitResponder agent,
            MarkerClassifier markers) {
        return open(threads, interview, agent, markers, null);
    }

    /**
     * Like {@link #open(StoreConfig, InterviewStore, ChatKitResponder, MarkerClassifier)}, also telling
     * {@code alsoTell} (e.g. metrics; may be {@code null}) about every answer and new thread, after the chat log.
     *
     * @param threads where the threads live
     * @param interview the store of feedback and chat events; not closed by the backend
     * @param agent who writes the answers
     * @param markers checks finished answers the model did not flag
     * @param alsoTell another listener, or {@code null}
     * @return the backend; close it on shutdown
     */
    public static ChatKitBackend open(StoreConfig threads, InterviewStore interview, ChatKitResponder agent,
            MarkerClassifier markers, AnswerListener alsoTell) {
        return open(threads, interview, agent, markers, alsoTell, AttachmentOptions.defaults(), null);
    }

    /**
     * Like {@link #open(StoreConfig, InterviewStore, ChatKitResponder, MarkerClassifier, AnswerListener)},
     * accepting attachments by {@code attachments} ({@code null}: none), kept beside the threads: in memory, in
     * {@code chatkit-attachments/} of the JSONL log directory, or in the table {@code chatkit_attachments};
     * the server's own settings ({@code CHATKIT_STREAM_IDLE_TIMEOUT}, {@code CHATKIT_THREAD_TITLES}) read from
     * {@code settings} (null: the defaults).
     *
     * @param threads     where threads are kept
     * @param interview   where answers and feedback are logged
     * @param agent       who writes the answers
     * @param markers     checks finished answers the model did not flag
     * @param alsoTell    another listener, or {@code null}
     * @param attachments the attachment rules, or {@code null} to accept none
     * @param settings    the server's own settings, or {@code null} for the defaults
     * @return the backend; close it on shutdown
     */
    public static ChatKitBackend open(StoreConfig threads, InterviewStore interview, ChatKitResponder agent,
            MarkerClassifier markers, AnswerListener alsoTell, AttachmentOptions attachments,
            ConfigSource settings) {
        return open(threads, interview, agent, markers, alsoTell, attachments, settings, null);
    }

    /**
     * Like {@link #open(StoreConfig, InterviewStore, ChatKitResponder, MarkerClassifier, AnswerListener,
     * AttachmentOptions, ConfigSource)}, also answering {@code input.transcribe} with {@code dictation} (e.g.
     * {@link OpenAiTranscriber}; {@code null}: no dictation) under the rules of {@code CHATKIT_DICTATION_*} in
     * {@code settings} ({@code CHATKIT_DICTATION=false} turns it off; null settings: the defaults).
     *
     * @param threads     where threads are kept
     * @param interview   where answers and feedback are logged
     * @param agent       who writes the answers
     * @param markers     checks finished answers the model did not flag
     * @param alsoTell    another listener, or {@code null}
     * @param attachments the attachment rules, or {@code null} to accept none
     * @param settings    the server's own settings, or {@code null} for the defaults
     * @param dictation   transcribes dictated audio, or {@code null} for no dictation
     * @return the backend; close it on shutdown
     */
    public static ChatKitBackend open(StoreConfig threads, InterviewStore interview, ChatKitResponder agent,
            MarkerClassifier markers, AnswerListener alsoTell, AttachmentOptions attachments,
            ConfigSource settings, Transcriber dictation) {
        Objects.requireNonNull(interview, "interview");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(markers, "markers");
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            ThreadStore store;
            AttachmentStore files;
            switch (threads.type()) {
                case StoreConfig.TYPE_MEMORY -> {
                    store = ThreadStore.inMemory();
                    files = AttachmentStore.inMemory();
                }
                case StoreConfig.TYPE_POSTGRES -> {
                    DataSource pool = Pool.postgres(threads, resources);
                    store = ThreadStore.postgres(pool);
                    files = attachments == null ? null : AttachmentStore.postgres(pool);
                }
                default -> {
                    var jsonl = ThreadStore.jsonl(threads.logDir(), threads.durability());
                    resources.add(jsonl);
                    store = jsonl;
                    files = attachments == null ? null
                            : AttachmentStore.directory(threads.logDir().resolve(ATTACHMENT_DIR));
                }
            }
            ChatKitServer.Builder builder = ChatKitServer.builder().idleScheduler(idleScheduler(resources));
            if (settings != null) {
                builder.settings(settings);
            }
            builder.store(store).responder(agent)
                    .feedbackListener(StoreHooks.feedbackTo(interview.feedback()))
                    .answerListener(alsoTell == null ? StoreHooks.classifiedTo(interview.chatLog())
                            : StoreHooks.both(StoreHooks.classifiedTo(interview.chatLog()), alsoTell))
                    .answerClassifier(StoreHooks.markers(markers));
            if (attachments != null) {
                builder.attachments(files, attachments);
            }
            DictationOptions dictationRules = settings == null ? DictationOptions.defaults()
                    : DictationOptions.from(settings);
            if (dictation != null && dictationRules != null) {
                builder.dictation(dictation, dictationRules);
            }
            ChatKitServer server = builder.build();
            int retentionDays = settings == null ? 0 : Settings.CHATKIT_THREAD_RETENTION_DAYS.read(settings);
            if (attachments != null || retentionDays > 0) {
                cleanUp(server, Duration.ofDays(retentionDays), resources);
            }
            LOG.info("ChatKit server backend ready: threads in {} store, attachments {}, dictation {}", threads.type(),
                    attachments == null ? "off" : "up to " + attachments.maxBytes() + " bytes",
                    server.dictationOptions() == null ? "off" : "up to " + dictationRules.maxBytes() + " bytes");
            return new ChatKitBackend(server, resources);
        } catch (RuntimeException e) {
            new ChatKitBackend(null, resources).close();
            throw e;
        }
    }

    /**
     * The attachment rules of {@code CHATKIT_ATTACHMENT_*}.
     *
     * @param source where the settings are read
     * @return the rules, or {@code null} when {@code CHATKIT_ATTACHMENTS=false}
     */
    public static AttachmentOptions attachmentOptions(ConfigSource source) {
        return Settings.CHATKIT_ATTACHMENTS.read(source) ? AttachmentOptions.from(source) : null;
    }

    /**
     * Like {@link #open(StoreConfig, InterviewStore, ChatKitResponder, MarkerClassifier, AnswerListener)}, with
     * threads in a store the caller opened and closes, e.g. {@link ThreadStore#postgres(javax.sql.DataSource)}
     * on a data source the host holds.
     *
     * @param threads where the threads live; not closed by the backend
     * @param interview the store of feedback and chat events; not closed by the backend
     * @param agent who writes the answers
     * @param markers checks finished answers the model did not flag
     * @param alsoTell another listener, or {@code null}
     * @return the backend
     */
    public static ChatKitBackend open(ThreadStore threads, InterviewStore interview, ChatKitResponder agent,
            MarkerClassifier markers, AnswerListener alsoTell) {
        Objects.requireNonNull(threads, "threads");
        List<AutoCloseable> resources = new ArrayList<>();
        ChatKitServer server = server(threads, interview, agent, markers, alsoTell, idleScheduler(resources));
        LOG.info("ChatKit server backend ready: threads in the store given");
        return new ChatKitBackend(server, resources);
    }

    /**
     * Runs {@link ChatKitServer#cleanUp} every {@link #CLEANUP_EVERY} on a thread of its own, stopped when the
     * backend closes: unused attachments and, with a retention, old threads go even when nobody writes.
     */
    private static void cleanUp(ChatKitServer server, Duration retention, List<AutoCloseable> resources) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "chatkit-cleanup");
            thread.setDaemon(true);
            return thread;
        });
        resources.add(scheduler::shutdownNow);
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                server.cleanUp(retention);
            } catch (RuntimeException e) {
                LOG.warn("ChatKit cleanup failed (retried in {}): {}", CLEANUP_EVERY, e.toString());
            }
        }, CLEANUP_EVERY.toMinutes(), CLEANUP_EVERY.toMinutes(), TimeUnit.MINUTES);
    }

    /** The stream idle checks' thread, stopped when the backend closes (no thread outlives a web application). */
    private static ScheduledExecutorService idleScheduler(List<AutoCloseable> resources) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "chatkit-stream-idle");
            thread.setDaemon(true);
            return thread;
        });
        resources.add(scheduler::shutdownNow);
        return scheduler;
    }

    private static ChatKitServer server(ThreadStore store, InterviewStore interview, ChatKitResponder agent,
            MarkerClassifier markers, AnswerListener alsoTell, ScheduledExecutorService idle) {
        Objects.requireNonNull(interview, "interview");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(markers, "markers");
        return ChatKitServer.builder().idleScheduler(idle).store(store).responder(agent)
                .feedbackListener(StoreHooks.feedbackTo(interview.feedback()))
                .answerListener(alsoTell == null ? StoreHooks.classifiedTo(interview.chatLog())
                        : StoreHooks.both(StoreHooks.classifiedTo(interview.chatLog()), alsoTell))
                .answerClassifier(StoreHooks.markers(markers))
                .build();
    }

    /**
     * The protocol server to mount.
     *
     * @return the server
     */
    public ChatKitServer server() {
        return server;
    }

    @Override
    public void close() {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed", resource, e);
            }
        }
    }

    /** Kept apart so HikariCP (an optional dependency) is loaded only for the PostgreSQL store. */
    private static final class Pool {
        static DataSource postgres(StoreConfig config, List<AutoCloseable> resources) {
            HikariPools.Lease lease = HikariPools.acquire(config);
            resources.add(lease);
            return lease.dataSource();
        }
    }
}
