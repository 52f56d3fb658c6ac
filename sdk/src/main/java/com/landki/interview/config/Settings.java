package com.landki.interview.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The registry: every setting the SDK, the servlets and the example server read, with its default and meaning.
 * The README's configuration table is checked against {@link #all()} by a test, so the two cannot drift.
 *
 * <p>Each name is an environment variable and also a system property and a servlet init/context parameter of
 * the same name. Precedence: a value set in code on a builder &gt; system property &gt; servlet parameter &gt;
 * environment variable &gt; the default here. Blank counts as unset. Booleans are {@code true/false},
 * {@code 1/0}, {@code yes/no} or {@code on/off}; anything else fails at start with an
 * {@link InvalidSettingException} naming the setting.
 */
public final class Settings {

    /** The shortest user-id cookie key, in bytes (the UTF-8 bytes of {@link #USER_ID_COOKIE_SECRET}). */
    public static final int MIN_COOKIE_SECRET_BYTES = 16;

    // OpenAI connection and the hosted workflow

    /** {@code OPENAI_API_KEY}: the OpenAI secret key; required by both chat backends; never shown. */
    public static final Setting<String> OPENAI_API_KEY = text("OPENAI_API_KEY",
            "secret key; never sent to a browser, never written to a log or an error body").secret();
    /** {@code OPENAI_BASE_URL}: the OpenAI API base URL (a proxy, or a stand-in in tests); default the public API. */
    public static final Setting<String> OPENAI_BASE_URL = Setting.of("OPENAI_BASE_URL", String.class,
            "https://api.openai.com/v1", "upstream base URL (proxies, tests)", Parsers::text);
    /** {@code OPENAI_WORKFLOW_ID}: the Agent Builder workflow ({@code wf_…}) of the {@code hosted} backend. */
    public static final Setting<String> OPENAI_WORKFLOW_ID = text("OPENAI_WORKFLOW_ID",
            "`wf_…`, the Agent Builder workflow (`hosted` backend)");
    /** {@code OPENAI_WORKFLOW_VERSION}: a pinned workflow version; unset uses the latest. */
    public static final Setting<String> OPENAI_WORKFLOW_VERSION = text("OPENAI_WORKFLOW_VERSION",
            "optional pinned workflow version");
    /** {@code OPENAI_PROJECT_ID}: sent upstream as {@code OpenAI-Project} when set. */
    public static final Setting<String> OPENAI_PROJECT_ID = text("OPENAI_PROJECT_ID",
            "optional, sent upstream as `OpenAI-Project`");
    /** {@code OPENAI_ORG_ID}: sent upstream as {@code OpenAI-Organization} when set. */
    public static final Setting<String> OPENAI_ORG_ID = text("OPENAI_ORG_ID",
            "optional, sent upstream as `OpenAI-Organization`");
    /** {@code OPENAI_STREAM_MAX_EVENT_BYTES}: the largest event of an OpenAI stream in bytes; default 1 MiB. */
    public static final Setting<Integer> OPENAI_STREAM_MAX_EVENT_BYTES = Setting.of("OPENAI_STREAM_MAX_EVENT_BYTES",
            Integer.class, 1024 * 1024, "largest event of an OpenAI stream (one line, or one event's data; `k`/`m`,"
                    + " 4k to 64m); a larger one ends the stream (the upstream call is cancelled, the page gets an"
                    + " `error`); it must hold the whole answer, which `response.completed` repeats",
            value -> {
                long bytes = Parsers.bytes(value);
                if (bytes < 4 * 1024 || bytes > 64L * 1024 * 1024) {
                    throw new IllegalArgumentException("must be between 4k and 64m");
                }
                return (int) bytes;
            }).defaultText("`1m`");

    // stores

    /** {@code INTERVIEW_STORE}: {@code jsonl} (default), {@code postgres} or {@code memory}. */
    public static final Setting<String> INTERVIEW_STORE = choice("INTERVIEW_STORE", "jsonl",
            "`jsonl`, `postgres` or `memory` ([operations](docs/operations.md))", "jsonl", "postgres", "memory");
    /**
     * {@code INTERVIEW_LOG_DIR}: the directory of the JSONL stores and the generated cookie key; default {@code ./_logs}.
     */
    public static final Setting<Path> INTERVIEW_LOG_DIR = Setting.of("INTERVIEW_LOG_DIR", Path.class,
            Path.of("_logs"), "JSONL files `feedback.jsonl`, `chat.jsonl` (+ rotated files, lock files), the own"
                    + " server's threads and the generated cookie key; one server per directory", Parsers::path)
            .defaultText("`./_logs`");
    /**
     * {@code INTERVIEW_LOG_DURABILITY}: {@code flush} (default, survives a killed process) or {@code fsync} (on disk).
     */
    public static final Setting<String> INTERVIEW_LOG_DURABILITY = choice("INTERVIEW_LOG_DURABILITY", "flush",
            "`flush`: a 2xx means the record is in the OS (survives `kill -9`); `fsync`: on disk, group commit",
            "flush", "fsync");
    /** {@code INTERVIEW_LOG_ROTATE_BYTES}: rotate a JSONL file before it passes this size in bytes; {@code 0} never. */
    public static final Setting<Long> INTERVIEW_LOG_ROTATE_BYTES = Setting.of("INTERVIEW_LOG_ROTATE_BYTES",
            Long.class, 100L * 1024 * 1024, "rotate a JSONL file before it grows past this size (`k`/`m`/`g`);"
                    + " `0` = never by size", Parsers::bytes).defaultText("`100m`");
    /** {@code INTERVIEW_LOG_ROTATE_DAILY}: also rotate the JSONL files when the day changes; default {@code false}. */
    public static final Setting<Boolean> INTERVIEW_LOG_ROTATE_DAILY = bool("INTERVIEW_LOG_ROTATE_DAILY", false,
            "also rotate when the day changes");
    /** {@code INTERVIEW_LOG_RETENTION}: rotated files kept per log; {@code 0} (default) keeps all. */
    public static final Setting<Integer> INTERVIEW_LOG_RETENTION = count("INTERVIEW_LOG_RETENTION", 0,
            "rotated files kept per log, older ones deleted; `0` = keep all");
    /** {@code INTERVIEW_JDBC_URL}: the JDBC URL of the PostgreSQL store. */
    public static final Setting<String> INTERVIEW_JDBC_URL = text("INTERVIEW_JDBC_URL",
            "PostgreSQL store, e.g. `jdbc:postgresql://db:5432/interview`; schema created/migrated at start");
    /** {@code INTERVIEW_JDBC_USER}: the PostgreSQL user. */
    public static final Setting<String> INTERVIEW_JDBC_USER = text("INTERVIEW_JDBC_USER", "PostgreSQL user");
    /** {@code INTERVIEW_JDBC_PASSWORD}: the PostgreSQL password; never shown. */
    public static final Setting<String> INTERVIEW_JDBC_PASSWORD = text("INTERVIEW_JDBC_PASSWORD",
            "PostgreSQL password; never logged").secret();
    /** {@code INTERVIEW_JDBC_CONNECT_TIMEOUT_MS}: how long a request waits for a database connection; default 2000. */
    public static final Setting<Integer> INTERVIEW_JDBC_CONNECT_TIMEOUT_MS = Setting.of(
            "INTERVIEW_JDBC_CONNECT_TIMEOUT_MS", Integer.class, 2000, "milliseconds a request waits for a PostgreSQL"
                    + " connection (pool and driver connect/login) before it gets 503 `store_unavailable` with"
                    + " `Retry-After`; at least 250", value -> {
                int millis = Parsers.count(value);
                if (millis < 250) {
                    throw new IllegalArgumentException("must be at least 250");
                }
                return millis;
            });

    // classifier and chat backend

    /** {@code OUT_OF_SCOPE_MARKERS_FILE}: a UTF-8 file of out-of-scope marker phrases; default the built-in lists. */
    public static final Setting<Path> OUT_OF_SCOPE_MARKERS_FILE = Setting.of("OUT_OF_SCOPE_MARKERS_FILE", Path.class,
            null, "UTF-8 file of out-of-scope marker phrases, one per line (`#` comments, `@defaults` includes the"
                    + " built-in lists); see `docs/classifier.md`", Parsers::path)
            .defaultText("built-in German and English lists");
    /** {@code CHATKIT_BACKEND}: {@code hosted}, {@code server} or {@code auto} (default). */
    public static final Setting<ChatBackend> CHATKIT_BACKEND = Setting.of("CHATKIT_BACKEND", ChatBackend.class,
            ChatBackend.AUTO, "`hosted`, `server` (own ChatKit server, see `docs/chatkit-server.md`) or `auto`"
                    + " (`hosted` when a workflow id (`OPENAI_WORKFLOW_ID`) is configured, else `server`)",
            ChatBackend::parse).defaultText("`auto`");
    /** {@code OPENAI_VECTOR_STORE_ID}: the vector stores ({@code vs_…}) the {@code server} backend searches. */
    public static final Setting<List<String>> OPENAI_VECTOR_STORE_ID = list("OPENAI_VECTOR_STORE_ID",
            "`vs_…` searched by `file_search` (`server` backend; comma list allowed)");
    /** {@code OPENAI_MODEL}: the model of the {@code server} backend's agent. */
    public static final Setting<String> OPENAI_MODEL = Setting.of("OPENAI_MODEL", String.class, "gpt-5.5",
            "model of the `server` backend's agent", Parsers::text);
    /** {@code INTERVIEW_INSTRUCTIONS_FILE}: the {@code server} backend's instructions; default the built-in prompt. */
    public static final Setting<Path> INTERVIEW_INSTRUCTIONS_FILE = Setting.of("INTERVIEW_INSTRUCTIONS_FILE",
            Path.class, null, "the `server` backend's instructions (UTF-8 file)", Parsers::path)
            .defaultText("built-in German prompt");
    /** {@code CHATKIT_ATTACHMENTS}: whether the {@code server} backend accepts files and images; default true. */
    public static final Setting<Boolean> CHATKIT_ATTACHMENTS = bool("CHATKIT_ATTACHMENTS", true,
            "the `server` backend accepts files and images (`attachments.create`, two-phase upload; see"
                    + " `docs/chatkit-server.md`); `false` refuses them as `not_supported`");
    /** {@code CHATKIT_ATTACHMENT_MAX_BYTES}: the largest attachment in bytes; default 10 MiB. */
    public static final Setting<Long> CHATKIT_ATTACHMENT_MAX_BYTES = Setting.of("CHATKIT_ATTACHMENT_MAX_BYTES",
            Long.class, 10L * 1024 * 1024, "largest attachment (`k`/`m`); larger ones get 413 `payload_too_large`",
            Parsers::bytes).defaultText("`10m`");
    /** {@code CHATKIT_ATTACHMENT_TYPES}: the accepted attachment MIME types; default PDF, text, Markdown, PNG, JPEG, WebP. */
    public static final Setting<List<String>> CHATKIT_ATTACHMENT_TYPES = Setting.of("CHATKIT_ATTACHMENT_TYPES",
            List.class, List.of("application/pdf", "text/plain", "text/markdown", "image/png", "image/jpeg",
                    "image/webp"), "accepted attachment MIME types (comma list; the bytes must match the type);"
                    + " others get 415 `unsupported_media_type`",
            value -> Parsers.list(value, ",")).defaultText("`application/pdf,text/plain,text/markdown,image/png,"
                    + "image/jpeg,image/webp`");
    /** {@code CHATKIT_ATTACHMENT_UNUSED_HOURS}: hours an attachment no message carries is kept; default 24. */
    public static final Setting<Integer> CHATKIT_ATTACHMENT_UNUSED_HOURS = Setting.of(
            "CHATKIT_ATTACHMENT_UNUSED_HOURS", Integer.class, 24, "attachments no message carries are erased after"
                    + " this many hours (at least 1)", value -> {
                int hours = Parsers.count(value);
                if (hours < 1) {
                    throw new IllegalArgumentException("must be at least 1");
                }
                return hours;
            });
    /** {@code CHATKIT_THREAD_RETENTION_DAYS}: days a {@code server} backend thread is kept; {@code 0} (default) keeps all. */
    public static final Setting<Integer> CHATKIT_THREAD_RETENTION_DAYS = count("CHATKIT_THREAD_RETENTION_DAYS", 0,
            "days a thread of the `server` backend is kept from its creation, with its items and attachments (checked"
                    + " every 10 minutes); `0` keeps them");
    /** {@code CHATKIT_DICTATION}: whether the {@code server} backend transcribes dictated audio; default true. */
    public static final Setting<Boolean> CHATKIT_DICTATION = bool("CHATKIT_DICTATION", true,
            "the `server` backend answers `input.transcribe` (dictation) through `{OPENAI_BASE_URL}/audio/transcriptions`;"
                    + " `false` refuses it as `not_supported`");
    /** {@code OPENAI_TRANSCRIBE_MODEL}: the model that transcribes dictation. */
    public static final Setting<String> OPENAI_TRANSCRIBE_MODEL = Setting.of("OPENAI_TRANSCRIBE_MODEL", String.class,
            "gpt-4o-mini-transcribe", "model of `/audio/transcriptions` for dictation (`server` backend)",
            Parsers::text);
    /** {@code CHATKIT_DICTATION_MAX_BYTES}: the largest dictated recording in bytes; default 5 MiB. */
    public static final Setting<Long> CHATKIT_DICTATION_MAX_BYTES = Setting.of("CHATKIT_DICTATION_MAX_BYTES",
            Long.class, 5L * 1024 * 1024, "largest dictated recording (decoded, `k`/`m`); larger ones get 413"
                    + " `payload_too_large`", Parsers::bytes).defaultText("`5m`");
    /** {@code CHATKIT_DICTATION_TYPES}: the accepted audio types of dictation. */
    public static final Setting<List<String>> CHATKIT_DICTATION_TYPES = Setting.of("CHATKIT_DICTATION_TYPES",
            List.class, List.of("audio/webm", "audio/ogg", "audio/mp4", "audio/mpeg", "audio/wav"),
            "accepted dictation audio types (comma list; the bytes must match the type); others get 415"
                    + " `unsupported_media_type`", value -> Parsers.list(value, ","))
            .defaultText("`audio/webm,audio/ogg,audio/mp4,audio/mpeg,audio/wav`");
    /**
     * {@code OPENAI_DOMAIN_PUBLIC_KEY} (alias {@code DOMAIN_PUBLIC_KEY}): the ChatKit domain key handed to the page.
     */
    public static final Setting<String> OPENAI_DOMAIN_PUBLIC_KEY = text("OPENAI_DOMAIN_PUBLIC_KEY",
            "ChatKit domain key handed to the page via `/config`; needed by the `server` backend outside localhost")
            .alias("DOMAIN_PUBLIC_KEY");

    // the mounted API: security and rate limits

    /** {@code ADMIN_TOKEN}: bearer token of the admin endpoints; unset, they answer loopback clients only. */
    public static final Setting<String> ADMIN_TOKEN = text("ADMIN_TOKEN",
            "bearer token for admin endpoints; unset: admin endpoints answer direct loopback clients only").secret();
    /** {@code ALLOWED_ORIGINS}: origins allowed by CORS and the Origin check; {@code *} any; empty same origin only. */
    public static final Setting<List<String>> ALLOWED_ORIGINS = list("ALLOWED_ORIGINS",
            "comma list for CORS and the Origin check; `*` allows any; empty: same origin only");
    /** {@code ALLOWED_HOSTS}: host names the API answers besides {@code localhost} and IP literals; {@code *} any. */
    public static final Setting<List<String>> ALLOWED_HOSTS = list("ALLOWED_HOSTS",
            "comma list of host names the API answers (`Host`, and a trusted proxy's `X-Forwarded-Host`), besides"
                    + " `localhost` and IP literals, which are always allowed; another host gets 421 `host_not_allowed`; `*`"
                    + " allows any")
            .defaultText("the hosts of `ALLOWED_ORIGINS`");
    /** {@code TRUSTED_PROXIES}: CIDRs whose forwarding header is believed for the client IP. */
    public static final Setting<List<String>> TRUSTED_PROXIES = list("TRUSTED_PROXIES",
            "comma list of CIDRs whose forwarding header (`FORWARDED_HEADER`) is believed for the client IP");
    /** {@code FORWARDED_HEADER}: {@code x-forwarded-for} (default) or {@code forwarded}, the one header believed. */
    public static final Setting<String> FORWARDED_HEADER = choice("FORWARDED_HEADER", "x-forwarded-for",
            "the one header a trusted proxy names the client in: `x-forwarded-for` or `forwarded` (RFC 7239);"
                    + " the other is ignored ([security model](docs/operations.md#security-model))",
            "x-forwarded-for", "forwarded");
    /** {@code IP_ANONYMIZATION}: store IPv4 addresses as /24 and IPv6 as /48; default {@code true}. */
    public static final Setting<Boolean> IP_ANONYMIZATION = bool("IP_ANONYMIZATION", true,
            "store IPv4 as /24 and IPv6 as /48");
    /** {@code FEEDBACK_LIST_PUBLIC}: lets anyone read {@code /feedback/list}; default {@code false} (admin only). */
    public static final Setting<Boolean> FEEDBACK_LIST_PUBLIC = bool("FEEDBACK_LIST_PUBLIC", false,
            "`true` lets anyone read `/feedback/list` (as the original FastAPI server did); default admin only");
    /** {@code RATE_LIMIT_SESSION_PER_MIN}: session requests per client IP and minute; {@code 0} no limit. */
    public static final Setting<Integer> RATE_LIMIT_SESSION_PER_MIN = count("RATE_LIMIT_SESSION_PER_MIN", 10,
            "`POST /chatkit/session` per client IP and minute; `0` turns the limit off");
    /** {@code RATE_LIMIT_FEEDBACK_PER_MIN}: feedback posts per client IP and minute; {@code 0} no limit. */
    public static final Setting<Integer> RATE_LIMIT_FEEDBACK_PER_MIN = count("RATE_LIMIT_FEEDBACK_PER_MIN", 30,
            "`POST /feedback` per client IP and minute; `0` turns the limit off");
    /** {@code RATE_LIMIT_CLASSIFY_PER_MIN}: classify requests per client IP and minute; {@code 0} no limit. */
    public static final Setting<Integer> RATE_LIMIT_CLASSIFY_PER_MIN = count("RATE_LIMIT_CLASSIFY_PER_MIN", 60,
            "`POST /classify` per client IP and minute; `0` turns the limit off");
    /**
     * {@code RATE_LIMIT_CHATKIT_PER_MIN}: own-server protocol requests per client IP and minute; {@code 0} no limit.
     */
    public static final Setting<Integer> RATE_LIMIT_CHATKIT_PER_MIN = count("RATE_LIMIT_CHATKIT_PER_MIN", 120,
            "`POST /chatkit` (own server protocol) per client IP and minute; `0` turns the limit off");
    /** {@code SESSION_DEADLINE_SECONDS}: overall deadline of a session request in seconds, retries included. */
    public static final Setting<Integer> SESSION_DEADLINE_SECONDS = count("SESSION_DEADLINE_SECONDS", 15,
            "overall deadline of `POST /chatkit/session`, retries included; then 504 `upstream_timeout`; `0` keeps "
                    + "the ChatKit client's retry deadline (2 min)");
    /** {@code CHATKIT_MAX_STREAMS}: streamed answers open at once on the own server; {@code 0} no limit. */
    public static final Setting<Integer> CHATKIT_MAX_STREAMS = count("CHATKIT_MAX_STREAMS", 4000,
            "streamed answers of the own server (`server` backend) open at once; one more gets 503 `too_many_streams`"
                    + "; `0` = no limit");
    /** {@code CHATKIT_MAX_STREAMS_PER_USER}: streamed answers one user may have open at once; {@code 0} no limit. */
    public static final Setting<Integer> CHATKIT_MAX_STREAMS_PER_USER = count("CHATKIT_MAX_STREAMS_PER_USER", 3,
            "streamed answers one user may have open at once; one more gets 429 `too_many_streams`; `0` = no limit");
    /** {@code CHATKIT_STREAM_IDLE_TIMEOUT}: seconds a streamed answer may send nothing; {@code 0} no limit. */
    public static final Setting<Integer> CHATKIT_STREAM_IDLE_TIMEOUT = count("CHATKIT_STREAM_IDLE_TIMEOUT", 60,
            "seconds a streamed answer of the own server may send the page nothing (upstream silent or only"
                    + " keep-alives); then the half answer is kept as on cancel and the page gets a retryable `error`"
                    + " ([protocol](docs/chatkit-server.md)); `0` = no idle timeout");
    /** {@code CHATKIT_MAX_ANSWER_CHARS}: the longest answer of one turn in characters; {@code 0} no limit. */
    public static final Setting<Integer> CHATKIT_MAX_ANSWER_CHARS = count("CHATKIT_MAX_ANSWER_CHARS", 200_000,
            "longest answer of one turn of the own server, in characters (text, refusals and reasoning summaries of"
                    + " all its responses); a longer one ends the stream: the upstream call is cancelled, the page gets"
                    + " an `error`, nothing of it is stored; `0` = no limit");
    /** {@code CHATKIT_THREAD_TITLES}: whether a new thread is titled after its first answer. */
    public static final Setting<Boolean> CHATKIT_THREAD_TITLES = bool("CHATKIT_THREAD_TITLES", true,
            "own server: title a new thread after its first answer from the first question (sent as"
                    + " `thread.updated`); `false` leaves threads untitled until the user renames them");
    /**
     * {@code USER_ID_COOKIE_SECRET}: HMAC key of the user-id cookie, at least {@value #MIN_COOKIE_SECRET_BYTES} bytes.
     */
    public static final Setting<byte[]> USER_ID_COOKIE_SECRET = Setting.of("USER_ID_COOKIE_SECRET", byte[].class,
            (byte[]) null, "HMAC key of the signed user-id cookie, at least " + MIN_COOKIE_SECRET_BYTES
                    + " bytes (UTF-8); instances on one PostgreSQL store share the stored key by themselves, on other"
                    + " stores set the same value on every instance behind one load balancer",
            value -> Parsers.key(value, MIN_COOKIE_SECRET_BYTES))
            .defaultText("`postgres` store: generated once into the database; else once into `INTERVIEW_LOG_DIR`")
            .secret();

    // the mounted API: where, and the page settings of /config

    /** {@code INTERVIEW_API_MOUNT_PATH}: where the API is mounted; default {@code /interview/api}. */
    public static final Setting<String> INTERVIEW_API_MOUNT_PATH = Setting.of("INTERVIEW_API_MOUNT_PATH",
            String.class, "/interview/api", "where the API is mounted in the web application", Parsers::text);
    /** {@code INTERVIEW_GREETING}: the chat page's start-screen greeting. */
    public static final Setting<String> INTERVIEW_GREETING = Setting.of("INTERVIEW_GREETING", String.class,
            "Willkommen! Ich beantworte Fragen zu den Interviews.", "start-screen greeting (`/config`)",
            Parsers::text).defaultText("German greeting");
    /** {@code INTERVIEW_PROMPTS}: the start-screen buttons, {@code Label|Prompt} entries separated by {@code ;}. */
    public static final Setting<List<String>> INTERVIEW_PROMPTS = Setting.of("INTERVIEW_PROMPTS", List.class,
            List.of("Worum geht es?|Worum geht es in den Interviews?",
                    "Wichtigste Aussagen|Was sind die wichtigsten Aussagen der Interviews?",
                    "Wer wurde befragt?|Wer wurde in den Interviews befragt?"),
            "start-screen buttons `Label\\|Prompt;Label 2\\|Prompt 2` (`/config`)",
            value -> Parsers.list(value, ";")).defaultText("three German prompts");
    /** {@code INTERVIEW_COMPOSER_PLACEHOLDER}: the placeholder of the chat page's input field. */
    public static final Setting<String> INTERVIEW_COMPOSER_PLACEHOLDER = Setting.of("INTERVIEW_COMPOSER_PLACEHOLDER",
            String.class, "Ihre Frage zum Interview …", "composer placeholder (`/config`)", Parsers::text)
            .defaultText("German placeholder");
    /** {@code CHATKIT_UI}: which chat UI the page uses; default {@code auto}. */
    public static final Setting<ChatUi> CHATKIT_UI = Setting.of("CHATKIT_UI", ChatUi.class, ChatUi.AUTO,
            "chat page UI (`/config` `ui`): `auto` (OpenAI's ChatKit component when its script loads within a few"
                    + " seconds, else the built-in chat; `server` backend), `builtin` (never loads a third-party"
                    + " script: the page contacts no other host, see `docs/operations.md`) or `chatkit` (only"
                    + " OpenAI's component)", ChatUi::parse).defaultText("`auto`");
    /** {@code FEEDBACK_CATEGORIES}: the {@code category} values {@code POST /feedback} accepts. */
    public static final Setting<List<String>> FEEDBACK_CATEGORIES = Setting.of("FEEDBACK_CATEGORIES", List.class,
            List.of("out_of_scope", "wrong_answer", "incomplete", "helpful", "thumbs_up", "thumbs_down", "other"),
            "accepted `category` values of `POST /feedback`, shown to the page by `/config`",
            value -> Parsers.list(value, ",")).defaultText("`out_of_scope,wrong_answer,incomplete,helpful,"
                    + "thumbs_up,thumbs_down,other`");
    /** {@code INTERVIEW_API_AUTOREGISTER}: {@code false} keeps the WAR initializer from mounting the API. */
    public static final Setting<Boolean> INTERVIEW_API_AUTOREGISTER = bool("INTERVIEW_API_AUTOREGISTER", true,
            "`false` keeps the WAR initializer from mounting the API (also the context parameter"
                    + " `interview.api.autoregister`)").alias("interview.api.autoregister");

    // the example server

    /** {@code PORT}: the example server's port; default 3001. */
    public static final Setting<Integer> PORT = Setting.of("PORT", Integer.class, 3001, "example server port",
            Parsers::port);
    /** {@code INTERVIEW_JVM_OPTIONS}: JVM flags the example jar's launcher starts the server with. */
    public static final Setting<String> INTERVIEW_JVM_OPTIONS = Setting.of("INTERVIEW_JVM_OPTIONS", String.class,
            "-Xmx128m -Xmn64m -XX:SurvivorRatio=4 -Xss256k -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m"
                    + " -XX:MaxMetaspaceSize=128m",
            "flags of the server JVM the example jar's launcher starts when `java -jar` was given no heap flag"
                    + " (`-Xmx`, `-XX:MaxRAMPercentage`, …); `none` runs the server in the launching JVM"
                    + " ([operations](docs/operations.md#jvm-settings-for-the-example-server))", Parsers::text);
    /** {@code LOG_FORMAT}: the example server's log lines, {@code text} (default) or {@code json}. */
    public static final Setting<String> LOG_FORMAT = choice("LOG_FORMAT", "text",
            "the example server's log lines: `text` for people, `json` for one JSON object per line with"
                    + " `request_id` ([logs](docs/operations.md#logs))", "text", "json");

    private static final List<Setting<?>> ALL = List.of(
            OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_WORKFLOW_ID, OPENAI_WORKFLOW_VERSION, OPENAI_PROJECT_ID,
            OPENAI_ORG_ID, OPENAI_STREAM_MAX_EVENT_BYTES,
            INTERVIEW_STORE, INTERVIEW_LOG_DIR, INTERVIEW_LOG_DURABILITY, INTERVIEW_LOG_ROTATE_BYTES,
            INTERVIEW_LOG_ROTATE_DAILY, INTERVIEW_LOG_RETENTION, INTERVIEW_JDBC_URL, INTERVIEW_JDBC_USER,
            INTERVIEW_JDBC_PASSWORD, INTERVIEW_JDBC_CONNECT_TIMEOUT_MS,
            OUT_OF_SCOPE_MARKERS_FILE, CHATKIT_BACKEND, OPENAI_VECTOR_STORE_ID, OPENAI_MODEL,
            INTERVIEW_INSTRUCTIONS_FILE, CHATKIT_ATTACHMENTS, CHATKIT_ATTACHMENT_MAX_BYTES, CHATKIT_ATTACHMENT_TYPES,
            CHATKIT_ATTACHMENT_UNUSED_HOURS, CHATKIT_THREAD_RETENTION_DAYS, CHATKIT_DICTATION, OPENAI_TRANSCRIBE_MODEL, CHATKIT_DICTATION_MAX_BYTES,
            CHATKIT_DICTATION_TYPES, OPENAI_DOMAIN_PUBLIC_KEY,
            ADMIN_TOKEN, ALLOWED_ORIGINS, ALLOWED_HOSTS, TRUSTED_PROXIES, FORWARDED_HEADER, IP_ANONYMIZATION, FEEDBACK_LIST_PUBLIC,
            RATE_LIMIT_SESSION_PER_MIN, RATE_LIMIT_FEEDBACK_PER_MIN, RATE_LIMIT_CLASSIFY_PER_MIN,
            RATE_LIMIT_CHATKIT_PER_MIN, SESSION_DEADLINE_SECONDS, CHATKIT_MAX_STREAMS, CHATKIT_MAX_STREAMS_PER_USER,
            CHATKIT_STREAM_IDLE_TIMEOUT, CHATKIT_MAX_ANSWER_CHARS, CHATKIT_THREAD_TITLES, USER_ID_COOKIE_SECRET,
            INTERVIEW_API_MOUNT_PATH, INTERVIEW_GREETING, INTERVIEW_PROMPTS, INTERVIEW_COMPOSER_PLACEHOLDER, CHATKIT_UI,
            FEEDBACK_CATEGORIES, INTERVIEW_API_AUTOREGISTER,
            PORT, INTERVIEW_JVM_OPTIONS, LOG_FORMAT);

    private Settings() {
    }

    /**
     * Every setting, in the order of the README's table.
     *
     * @return an immutable list of every setting
     */
    public static List<Setting<?>> all() {
        return ALL;
    }

    private static Setting<String> text(String name, String doc) {
        return Setting.of(name, String.class, null, doc, Parsers::text);
    }

    private static Setting<Boolean> bool(String name, boolean defaultValue, String doc) {
        return Setting.of(name, Boolean.class, defaultValue, doc, Parsers::bool);
    }

    private static Setting<Integer> count(String name, int defaultValue, String doc) {
        return Setting.of(name, Integer.class, defaultValue, doc, Parsers::count);
    }

    private static Setting<List<String>> list(String name, String doc) {
        return Setting.of(name, List.class, List.<String>of(), doc, value -> Parsers.list(value, ","))
                .defaultText(null);
    }

    private static Setting<String> choice(String name, String defaultValue, String doc, String... words) {
        List<String> allowed = List.of(words);
        return Setting.of(name, String.class, defaultValue, doc, value -> Parsers.choice(value, allowed));
    }
}
