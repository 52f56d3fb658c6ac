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
     * {@code interview}. A host that already read the store settings and the markers, or holds its own stores,
     * uses {@link #builder}.
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
            ChatKitBackend backend = builder(interview, ResponsesAgent.from(source, http))
                    .threads(StoreConfig.from(source)).markers(MarkerClassifier.from(source)).settings(source)
                    .dictation(http == null ? null : OpenAiTranscriber.from(source, http)).build();
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
     * or any other responder) and marking answers that {@code markers} finds out of scope; attachments under
     * {@link AttachmentOptions#defaults()}, no dictation. {@link #builder} sets every part.
     *
     * @param threads where the threads live
     * @param interview the store of feedback and chat events; not closed by the backend
     * @param agent who writes the answers
     * @param markers checks finished answers the model did not flag
     * @return the backend; close it on shutdown
     */
    public static ChatKitBackend open(StoreConfig threads, InterviewStore interview, ChatKitResponder agent,
            MarkerClassifier markers) {
        return builder(interview, agent).threads(threads).markers(markers).build();
    }

    /**
     * Like {@link #open(StoreConfig, InterviewStore, ChatKitResponder, MarkerClassifier)}, with threads in a
     * store the caller opened and closes, e.g. {@link ThreadStore#postgres(javax.sql.DataSource)} on a data
     * source the host holds; no attachments (give an {@link AttachmentStore} through {@link #builder}).
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
        return builder(interview, agent).threadStore(threads, null).markers(markers).alsoTell(alsoTell).build();
    }

    /**
     * A builder of the backend: the one place that assembles the own server from its parts.
     *
     * @param interview the store of feedback and chat events; not closed by the backend
     * @param agent     who writes the answers
     * @return a builder with threads in memory, the default markers, default attachment rules and no dictation
     */
    public static Builder builder(InterviewStore interview, ChatKitResponder agent) {
        return new Builder(interview, agent);
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
     * Collects the parts of a {@link ChatKitBackend}; {@link #build()} opens what it must (the thread store of a
     * {@link StoreConfig}, the cleanup and idle threads) and the backend closes exactly that. Not thread-safe.
     */
    public static final class Builder {
        private final InterviewStore interview;
        private final ChatKitResponder agent;
        private StoreConfig threads = StoreConfig.builder().type(StoreConfig.TYPE_MEMORY).build();
        private ThreadStore threadStore;
        private AttachmentStore attachmentStore;
        private MarkerClassifier markers = MarkerClassifier.ofDefaults();
        private AnswerListener alsoTell;
        private ConfigSource settings;
        private AttachmentOptions attachments = AttachmentOptions.defaults();
        private boolean attachmentsGiven;
        private Transcriber dictation;

        private Builder(InterviewStore interview, ChatKitResponder agent) {
            this.interview = Objects.requireNonNull(interview, "interview");
            this.agent = Objects.requireNonNull(agent, "agent");
        }

        /**
         * Threads and attachments where {@code config} says: in memory, in the JSONL log directory (attachments
         * in its {@value ChatKitBackend#ATTACHMENT_DIR}), or on the one pool of that PostgreSQL database
         * (attachments in the table {@code chatkit_attachments}); opened by {@link #build()}, closed with the
         * backend. Replaces a {@link #threadStore} given before.
         *
         * @param config where threads are kept
         * @return this builder
         */
        public Builder threads(StoreConfig config) {
            this.threads = Objects.requireNonNull(config, "config");
            this.threadStore = null;
            this.attachmentStore = null;
            return this;
        }

        /**
         * Threads and attachments in stores the caller opened and closes (e.g.
         * {@code ThreadStore.postgres(ds)} and {@code AttachmentStore.postgres(ds)} on a data source the host
         * holds). Replaces {@link #threads(StoreConfig)}.
         *
         * @param threads     where threads are kept; not closed by the backend
         * @param attachments where attachments are kept, or {@code null} to accept none; not closed by the
         *                    backend
         * @return this builder
         */
        public Builder threadStore(ThreadStore threads, AttachmentStore attachments) {
            this.threadStore = Objects.requireNonNull(threads, "threads");
            this.attachmentStore = attachments;
            return this;
        }

        /**
         * What marks answers out of scope that the model did not flag; default the built-in phrases.
         *
         * @param markers the classifier
         * @return this builder
         */
        public Builder markers(MarkerClassifier markers) {
            this.markers = Objects.requireNonNull(markers, "markers");
            return this;
        }

        /**
         * Another listener told about every answer and new thread after the chat log (e.g. metrics).
         *
         * @param alsoTell the listener, or {@code null}
         * @return this builder
         */
        public Builder alsoTell(AnswerListener alsoTell) {
            this.alsoTell = alsoTell;
            return this;
        }

        /**
         * The server's own settings ({@code CHATKIT_STREAM_IDLE_TIMEOUT}, {@code CHATKIT_THREAD_TITLES},
         * {@code CHATKIT_THREAD_RETENTION_DAYS}, {@code CHATKIT_DICTATION_*}, and {@code CHATKIT_ATTACHMENT*}
         * unless {@link #attachments} is given); default: every default.
         *
         * @param settings where the settings are read, or {@code null} for the defaults
         * @return this builder
         */
        public Builder settings(ConfigSource settings) {
            this.settings = settings;
            return this;
        }

        /**
         * The attachment rules, instead of those of the {@link #settings}.
         *
         * @param attachments the rules, or {@code null} to accept no attachments
         * @return this builder
         */
        public Builder attachments(AttachmentOptions attachments) {
            this.attachments = attachments;
            this.attachmentsGiven = true;
            return this;
        }

        /**
         * Answers {@code input.transcribe} (e.g. {@link OpenAiTranscriber}) under the rules of
         * {@code CHATKIT_DICTATION_*} ({@code CHATKIT_DICTATION=false} turns it off); default no dictation.
         *
         * @param dictation the transcriber, or {@code null} for none
         * @return this builder
         */
        public Builder dictation(Transcriber dictation) {
            this.dictation = dictation;
            return this;
        }

        /**
         * Opens the backend.
         *
         * @return the backend; close it on shutdown
         * @throws IllegalStateException                     a setting is invalid (the message names it)
         * @throws com.landki.interview.store.StoreException the thread store cannot be opened
         */
        public ChatKitBackend build() {
            AttachmentOptions rules = attachmentsGiven || settings == null ? attachments : attachmentOptions(settings);
            List<AutoCloseable> resources = new ArrayList<>();
            try {
                ThreadStore store;
                AttachmentStore files;
                String where;
                if (threadStore != null) {
                    store = threadStore;
                    files = attachmentStore;
                    where = "the store given";
                } else {
                    where = threads.type() + " store";
                    switch (threads.type()) {
                        case StoreConfig.TYPE_MEMORY -> {
                            store = ThreadStore.inMemory();
                            files = AttachmentStore.inMemory();
                        }
                        case StoreConfig.TYPE_POSTGRES -> {
                            DataSource pool = Pool.postgres(threads, resources);
                            store = ThreadStore.postgres(pool);
                            files = rules == null ? null : AttachmentStore.postgres(pool);
                        }
                        default -> {
                            var jsonl = ThreadStore.jsonl(threads.logDir(), threads.durability());
                            resources.add(jsonl);
                            store = jsonl;
                            files = rules == null ? null
                                    : AttachmentStore.directory(threads.logDir().resolve(ATTACHMENT_DIR));
                        }
                    }
                }
                if (files == null) {
                    rules = null;
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
                if (rules != null) {
                    builder.attachments(files, rules);
                }
                DictationOptions dictationRules = settings == null ? DictationOptions.defaults()
                        : DictationOptions.from(settings);
                if (dictation != null && dictationRules != null) {
                    builder.dictation(dictation, dictationRules);
                }
                ChatKitServer server = builder.build();
                int retentionDays = settings == null ? 0 : Settings.CHATKIT_THREAD_RETENTION_DAYS.read(settings);
                if (rules != null || retentionDays > 0) {
                    cleanUp(server, Duration.ofDays(retentionDays), resources);
                }
                LOG.info("ChatKit server backend ready: threads in {}, attachments {}, dictation {}", where,
                        rules == null ? "off" : "up to " + rules.maxBytes() + " bytes",
                        server.dictationOptions() == null ? "off" : "up to " + dictationRules.maxBytes() + " bytes");
                return new ChatKitBackend(server, resources);
            } catch (RuntimeException e) {
                new ChatKitBackend(null, resources).close();
                throw e;
            }
        }
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
