package com.landki.interview.store;

import com.landki.interview.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.landki.interview.store.internal.EntryStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every {@link InterviewStore} shares, run against the JSONL, in-memory and PostgreSQL stores by
 * the subclasses. A subclass opens its store on fresh, empty data for each test.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class StoreContract {

    protected InterviewStore store;

    /** Opens the store under test; a second call in the same test reopens the same data. */
    protected abstract InterviewStore open();

    /** Like {@link #open()}, with the given clock for {@code ts} and the hourly window. */
    protected abstract InterviewStore open(Clock clock);

    @BeforeEach
    void openStore() {
        store = open();
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    static FeedbackEntry feedback(String session, String question) {
        return FeedbackEntry.publicFeedback(session, question, "Antwort", null, "Kommentar", "203.0.113.0");
    }

    protected static List<String> ids(Stream<FeedbackEntry> entries) {
        try (entries) {
            return entries.map(FeedbackEntry::id).collect(Collectors.toList());
        }
    }

    @Test
    void appendReturnsTheStoredEntryWithIdAndTimestamp() {
        FeedbackEntry saved = store.feedback().append(feedback("sess_1", "Was ist KI?"));

        assertThat(saved.id()).startsWith("fb_");
        assertThat(saved.ts()).isNotNull();
        assertThat(saved.category()).isEqualTo(FeedbackEntry.DEFAULT_CATEGORY);
        assertThat(store.feedback().newest(1)).containsExactly(saved);
    }

    @Test
    void newestReturnsTheNewestFirstAndAtMostN() {
        List<FeedbackEntry> saved = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            saved.add(store.feedback().append(feedback("sess_" + i, "q" + i)));
        }

        List<FeedbackEntry> newest = store.feedback().newest(50);

        assertThat(newest).hasSize(50);
        assertThat(newest.get(0)).isEqualTo(saved.get(119));
        assertThat(newest.get(49)).isEqualTo(saved.get(70));
        assertThat(store.feedback().newest(500)).hasSize(120);
        assertThat(store.feedback().newest(0)).isEmpty();
    }

    @Test
    void thirtyTwoThreadsAppendingTwoThousandEachStoreEveryRecordExactlyOnce() throws Exception {
        int threads = 32;
        int perThread = 2_000;
        List<String> returned = runConcurrently(threads, t -> {
            List<String> mine = new ArrayList<>(perThread);
            for (int i = 0; i < perThread; i++) {
                mine.add(store.feedback().append(feedback("sess_t" + t, "t" + t + "-" + i)).id());
            }
            return mine;
        });

        List<String> stored = ids(store.feedback().stream());

        assertThat(returned).hasSize(threads * perThread).doesNotHaveDuplicates();
        assertThat(stored).hasSize(threads * perThread).doesNotHaveDuplicates();
        assertThat(new HashSet<>(stored)).isEqualTo(new HashSet<>(returned));
        assertThat(store.stats().feedbackTotal()).isEqualTo((long) threads * perThread);
    }

    @Test
    void erasureUnderConcurrentAppendsRemovesTheSessionAndKeepsEverythingElse() throws Exception {
        assertErasureUnderConcurrentAppends();
    }

    /** Erases a session of 400 records while four threads append 1,500 records each. */
    protected void assertErasureUnderConcurrentAppends() throws Exception {
        for (int i = 0; i < 400; i++) {
            store.feedback().append(feedback(i % 2 == 0 ? "victim" : "keep", "before " + i));
            store.chatLog().append(classified(i % 2 == 0 ? "victim" : "keep", false));
        }
        CountDownLatch started = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<List<String>>> writers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    List<String> mine = new ArrayList<>();
                    for (int i = 0; i < 1_500; i++) {
                        mine.add(store.feedback().append(feedback("writer" + thread, "w" + i)).id());
                        if (i == 100) {
                            started.countDown();
                        }
                    }
                    return mine;
                }));
            }
            started.await();
            long erased = store.eraseSession("victim");
            List<String> written = new ArrayList<>();
            for (Future<List<String>> f : writers) {
                written.addAll(f.get());
            }

            assertThat(erased).isEqualTo(400);
            List<FeedbackEntry> all;
            try (Stream<FeedbackEntry> s = store.feedback().stream()) {
                all = s.collect(Collectors.toList());
            }
            assertThat(all).noneMatch(e -> e.sessionId().equals("victim"));
            assertThat(all).filteredOn(e -> e.sessionId().equals("keep")).hasSize(200);
            List<String> allIds = all.stream().map(FeedbackEntry::id).collect(Collectors.toList());
            assertThat(allIds).doesNotHaveDuplicates().containsAll(written).hasSize(200 + 4 * 1_500);
            try (Stream<ChatEvent> s = store.chatLog().stream()) {
                assertThat(s.map(ChatEvent::sessionId)).containsOnly("keep").hasSize(200);
            }
            assertThat(store.stats().feedbackTotal()).isEqualTo(200 + 4 * 1_500);
            assertThat(store.stats().classified()).isEqualTo(200);
            assertThat(store.eraseSession("victim")).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void csvExportRoundTripsHostileStrings() throws IOException {
        String longText = "Lorem ipsum, \"dolor\"\r\n sit amet 🎉; ".repeat(1_500);
        List<FeedbackEntry> saved = List.of(
                store.feedback().append(FeedbackEntry.publicFeedback("s,1", "He said \"hi\", then left",
                        "line1\nline2\r\nline3\rend", "out_of_scope", "emoji 😀🧪 and ümlauts", "198.51.100.0")),
                store.feedback().append(FeedbackEntry.publicFeedback("s\"2", "'; DROP TABLE x; --",
                        longText, "other", "a=SUM(A1:A9)", "2001:db8::")),
                store.feedback().append(FeedbackEntry.adminRating("s\t3", 4, "tab\there, comma, quote\"",
                        "  leading and trailing spaces  ", null)));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.feedback().export(ExportFormat.CSV, out);

        CsvMapper csv = new CsvMapper().enable(CsvParser.Feature.EMPTY_STRING_AS_NULL);
        List<FeedbackEntry> read;
        try (MappingIterator<FeedbackEntry> it = csv.readerFor(FeedbackEntry.class)
                .with(EntryStore.csvSchema(FeedbackEntry.class)).readValues(out.toByteArray())) {
            read = it.readAll();
        }
        assertThat(read).containsExactlyElementsOf(saved);
        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8))
                .startsWith("id,ts,kind,session_id,user_question,assistant_reply,category,comment,rating,reason,ip");
    }

    @Test
    void csvExportWritesFormulaCellsAsTextAndJsonlAsGiven() throws IOException {
        List<String> formulas = List.of("=HYPERLINK(\"https://evil.example\",\"click\")", "+1+2", "-2+3", "@SUM(A1)",
                "\tindented", "\r=1+1");
        for (String formula : formulas) {
            store.feedback().append(FeedbackEntry.publicFeedback("s", "q", "a", "other", formula, null));
        }

        ByteArrayOutputStream csvOut = new ByteArrayOutputStream();
        store.feedback().export(ExportFormat.CSV, csvOut);
        CsvMapper csv = new CsvMapper();
        try (MappingIterator<FeedbackEntry> it = csv.readerFor(FeedbackEntry.class)
                .with(EntryStore.csvSchema(FeedbackEntry.class)).readValues(csvOut.toByteArray())) {
            // a spreadsheet hides the leading quote and shows the text; it runs nothing
            assertThat(it.readAll()).extracting(FeedbackEntry::comment)
                    .containsExactlyElementsOf(formulas.stream().map(f -> "'" + f).toList());
        }

        ByteArrayOutputStream jsonlOut = new ByteArrayOutputStream();
        store.feedback().export(ExportFormat.JSONL, jsonlOut);
        String[] lines = jsonlOut.toString(StandardCharsets.UTF_8).split("\n");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> comments = new java.util.ArrayList<>();
        for (String line : lines) {
            comments.add(json.readTree(line).get("comment").asText());
        }
        assertThat(comments).containsExactlyElementsOf(formulas);
    }

    @Test
    void chatLogCsvExportRoundTripsEveryField() throws IOException {
        List<ChatEvent> saved = List.of(
                store.chatLog().append(ChatEvent.builder(ChatEvent.SESSION_CREATED).sessionId("s,1").userHash("h")
                        .ip("192.0.2.0").latencyMs(87).upstreamStatus(200).upstreamRequestId("req_\"1\"").build()),
                store.chatLog().append(classified("s\n2", true).withIdAndTs(null, null)));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.chatLog().export(ExportFormat.CSV, out);

        CsvMapper csv = new CsvMapper().enable(CsvParser.Feature.EMPTY_STRING_AS_NULL);
        try (MappingIterator<ChatEvent> it = csv.readerFor(ChatEvent.class)
                .with(EntryStore.csvSchema(ChatEvent.class)).readValues(out.toByteArray())) {
            assertThat(it.readAll()).containsExactlyElementsOf(saved);
        }
    }

    @Test
    void jsonlExportWritesOneObjectPerLineOldestFirst() throws IOException {
        FeedbackEntry a = store.feedback().append(feedback("s1", "eins\nzwei"));
        FeedbackEntry b = store.feedback().append(feedback("s2", "drei"));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.feedback().export(ExportFormat.JSONL, out);

        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readValue(lines[0], FeedbackEntry.class))
                .isEqualTo(a);
        assertThat(lines[1]).contains("\"id\":\"" + b.id() + "\"").contains("\"session_id\":\"s2\"");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsWritten() {
        FeedbackStore fb = store.feedback();
        assertRefused(() -> fb.append(feedback(null, "q")), "session_id");
        assertRefused(() -> fb.append(feedback("  ", "q")), "session_id");
        assertRefused(() -> fb.append(feedback("s", "x".repeat(FeedbackEntry.MAX_TEXT_CHARS + 1))),
                "user_question");
        assertRefused(() -> fb.append(feedback("s".repeat(FeedbackEntry.MAX_SHORT_CHARS + 1), "q")), "session_id");
        assertRefused(() -> fb.append(feedback("s", "nul \u0000 inside")), "user_question");
        assertRefused(() -> fb.append(feedback("s", "lone \ud800 surrogate")), "user_question");
        assertRefused(() -> fb.append(FeedbackEntry.adminRating("s", 7, null, null, null)), "rating");
        assertRefused(() -> fb.append(new FeedbackEntry(null, null, "visitor", "s", null, null, "c", null, null,
                null, null)), "kind");
        assertRefused(() -> fb.append(null), "entry");
        assertRefused(() -> store.chatLog().append(ChatEvent.builder(null).build()), "type");
        assertRefused(() -> store.chatLog().append(ChatEvent.builder("Session Created").build()), "type");
        assertRefused(() -> store.chatLog().append(ChatEvent.builder(ChatEvent.SESSION_FAILED)
                .upstreamStatus(42).build()), "upstream_status");
        assertRefused(() -> fb.eraseSession(null), "session_id");

        assertThat(fb.newest(10)).isEmpty();
        assertThat(store.chatLog().newest(10)).isEmpty();
        try (Stream<FeedbackEntry> s = fb.stream()) {
            assertThat(s.count()).isZero();
        }
        assertThat(store.stats().feedbackTotal()).isZero();
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidEntryException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void statsCountSessionsFeedbackAndOutOfScope() {
        store.chatLog().append(ChatEvent.builder(ChatEvent.SESSION_CREATED).sessionId("a").latencyMs(120)
                .upstreamStatus(200).upstreamRequestId("req_1").userHash("u1").build());
        store.chatLog().append(ChatEvent.builder(ChatEvent.SESSION_CREATED).sessionId("b").build());
        store.chatLog().append(ChatEvent.builder(ChatEvent.SESSION_CREATED).sessionId("c").build());
        store.chatLog().append(ChatEvent.builder(ChatEvent.SESSION_FAILED).upstreamStatus(502)
                .error("upstream_error").build());
        store.chatLog().append(classified("a", true));
        store.chatLog().append(classified("a", false));
        store.chatLog().append(classified("b", false));
        store.chatLog().append(classified("c", false));
        store.feedback().append(feedback("a", "q"));
        store.feedback().append(FeedbackEntry.publicFeedback("b", "q", "a", "wrong_answer", null, null));
        store.feedback().append(FeedbackEntry.adminRating("c", 5, "gut", null, null));

        StoreStats stats = store.stats();

        assertThat(stats.sessionsCreated()).isEqualTo(3);
        assertThat(stats.sessionsFailed()).isEqualTo(1);
        assertThat(stats.errorRate()).isEqualTo(0.25);
        assertThat(stats.classified()).isEqualTo(4);
        assertThat(stats.outOfScope()).isEqualTo(1);
        assertThat(stats.outOfScopeRate()).isEqualTo(0.25);
        assertThat(stats.feedbackTotal()).isEqualTo(3);
        assertThat(stats.feedbackByCategory()).isEqualTo(Map.of("out_of_scope", 1L, "wrong_answer", 1L));
        assertThat(stats.feedbackByKind()).isEqualTo(Map.of("public", 2L, "admin", 1L));
    }

    @Test
    void statsCountTheLastTwoDaysByUtcHour() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:30:00Z"));
        store.close();
        store = open(clock);
        ChatLogWriter log = (type, ts) -> store.chatLog().append(ChatEvent.builder(type).sessionId("h")
                .ts(ts == null ? null : Instant.parse(ts)).build());
        log.add(ChatEvent.SESSION_CREATED, null);                          // now: 10:30
        log.add(ChatEvent.SESSION_CREATED, "2026-11-25T10:05:00Z");
        log.add(ChatEvent.SESSION_FAILED, "2026-11-25T09:59:59Z");
        log.add(ChatEvent.SESSION_CREATED, "2026-11-23T11:00:00Z");        // first hour of the window
        log.add(ChatEvent.SESSION_CREATED, "2026-11-23T10:59:59Z");        // just before it
        log.add(ChatEvent.SESSION_CREATED, "2026-11-25T11:00:00Z");        // after the current hour
        log.add(ChatEvent.THREAD_CREATED, "2026-11-25T10:20:00Z");         // a conversation of the server backend
        store.chatLog().append(classified("h", true).withIdAndTs(null, Instant.parse("2026-11-25T10:10:00Z")));
        store.chatLog().append(classified("h", false).withIdAndTs(null, Instant.parse("2026-11-25T09:00:00Z")));
        store.chatLog().append(classified("other", true).withIdAndTs(null, Instant.parse("2026-11-25T09:30:00Z")));

        List<StoreStats.Hour> hourly = store.stats().hourly();

        assertThat(hourly).hasSize(StoreStats.HOURS);
        assertThat(hourly.get(0).start()).isEqualTo(Instant.parse("2026-11-23T11:00:00Z"));
        assertThat(hourly.get(47).start()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(hourly.get(47)).isEqualTo(new StoreStats.Hour(Instant.parse("2026-11-25T10:00:00Z"), 2, 0, 1, 1, 1));
        assertThat(hourly.get(46)).isEqualTo(new StoreStats.Hour(Instant.parse("2026-11-25T09:00:00Z"), 0, 1, 2, 1));
        assertThat(hourly.get(0).sessionsCreated()).isEqualTo(1);
        assertThat(hourly.subList(1, 46)).allSatisfy(h -> assertThat(h).isEqualTo(
                new StoreStats.Hour(h.start(), 0, 0, 0, 0)));
        assertThat(store.stats().sessionsCreated()).isEqualTo(5);         // the totals still count everything
        assertThat(store.stats().conversations()).isEqualTo(1);

        store.chatLog().eraseSession("other");
        clock.advance(Duration.ofHours(2));                                // now 12:30: the 11:00 event shows

        hourly = store.stats().hourly();
        assertThat(hourly).hasSize(StoreStats.HOURS);
        assertThat(hourly.get(0).start()).isEqualTo(Instant.parse("2026-11-23T13:00:00Z"));
        assertThat(hourly.get(45)).isEqualTo(new StoreStats.Hour(Instant.parse("2026-11-25T10:00:00Z"), 2, 0, 1, 1, 1));
        assertThat(hourly.get(44)).isEqualTo(new StoreStats.Hour(Instant.parse("2026-11-25T09:00:00Z"), 0, 1, 1, 0));
        assertThat(hourly.get(47)).isEqualTo(new StoreStats.Hour(Instant.parse("2026-11-25T12:00:00Z"), 0, 0, 0, 0));
        assertThat(hourly.get(46)).isEqualTo(new StoreStats.Hour(Instant.parse("2026-11-25T11:00:00Z"), 1, 0, 0, 0));
        assertThat(hourly).extracting(StoreStats.Hour::sessionsCreated).containsOnly(0L, 1L, 2L);
    }

    /** Appends a chat event of {@code type} at {@code ts} (ISO), or at the store's clock when null. */
    @FunctionalInterface
    private interface ChatLogWriter {
        void add(String type, String ts);
    }

    @Test
    void chatEventsKeepEveryField() {
        ChatEvent saved = store.chatLog().append(ChatEvent.builder(ChatEvent.RESPONSE_CLASSIFIED).sessionId("s")
                .threadId("thr_1").userHash("h").ip("192.0.2.0").latencyMs(5).upstreamStatus(200)
                .upstreamRequestId("req").question("Frage?").answer("Das weiß ich nicht.").outOfScope(true)
                .source("marker").marker("weiß ich nicht").build());

        assertThat(saved.id()).startsWith("ev_");
        assertThat(store.chatLog().newest(5)).containsExactly(saved);
    }

    @Test
    void eraseSessionReachesFeedbackAndChatLog() {
        store.feedback().append(feedback("gone", "q"));
        store.feedback().append(feedback("stays", "q"));
        store.chatLog().append(classified("gone", true));
        store.chatLog().append(ChatEvent.builder(ChatEvent.SESSION_CREATED).sessionId("gone").build());

        assertThat(store.eraseSession("gone")).isEqualTo(3);
        assertThat(store.feedback().newest(10)).extracting(FeedbackEntry::sessionId).containsExactly("stays");
        assertThat(store.chatLog().newest(10)).isEmpty();
        assertThat(store.stats().sessionsCreated()).isZero();
        assertThat(store.stats().outOfScope()).isZero();
    }

    static ChatEvent classified(String session, boolean outOfScope) {
        return ChatEvent.builder(ChatEvent.RESPONSE_CLASSIFIED).sessionId(session).question("q").answer("a")
                .outOfScope(outOfScope).source(outOfScope ? "marker" : "none").build();
    }

    /** Runs {@code task(thread index)} on that many threads started together; returns all results in order. */
    static <R> List<R> runConcurrently(int threads, Function<Integer, List<R>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<R>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int index = t;
                Callable<List<R>> c = () -> {
                    go.await();
                    return task.apply(index);
                };
                futures.add(pool.submit(c));
            }
            go.countDown();
            List<R> all = new ArrayList<>();
            for (Future<List<R>> f : futures) {
                all.addAll(f.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    static Set<String> set(List<String> l) {
        return new HashSet<>(l);
    }
}
