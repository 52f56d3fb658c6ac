package com.landki.interview.http.internal;

import com.landki.interview.http.BodyReceiver;
import com.landki.interview.http.HttpTransport;
import com.landki.interview.http.TransportRequest;
import com.landki.interview.http.TransportResponse;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link HttpTransport} on the JDK {@link HttpClient}. The JDK's client has no {@code close()} before Java 21:
 * there its selector thread ends once the client is unreachable, which is why {@link #close()} also drops the
 * only reference; on Java 21 and later {@code shutdownNow()} ends it at once.
 */
public final class JdkTransport implements HttpTransport {

    private static final AtomicInteger IDS = new AtomicInteger();
    private static final MethodHandle SHUTDOWN_NOW = shutdownNow();

    /**
     * Threads of an own client's executor: enough for the callbacks, which never wait (JSON mapping, stream
     * events, the answer's write). An unbounded pool started a thread per concurrent response under load (110 at
     * 512 connections on two cores), each a stack and a hand-off more.
     */
    static final int EXECUTOR_THREADS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private final ExecutorService executor;
    private final DaemonThreads executorThreads; // null when the client is the caller's
    private volatile HttpClient client;

    private JdkTransport(HttpClient client, ExecutorService executor, DaemonThreads executorThreads) {
        this.client = client;
        this.executor = executor;
        this.executorThreads = executorThreads;
    }

    /**
     * A transport with its own {@link HttpClient} on a bounded executor of daemon threads {@code openai-http-N-M}
     * ({@link #EXECUTOR_THREADS}, idle ones end after a minute).
     */
    public static JdkTransport open(Duration connectTimeout) {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        DaemonThreads threads = new DaemonThreads("openai-http-" + IDS.incrementAndGet(), true);
        ThreadPoolExecutor executor = new ThreadPoolExecutor(EXECUTOR_THREADS, EXECUTOR_THREADS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads);
        executor.allowCoreThreadTimeOut(true);
        // The JDK client's selector thread inherits this thread's context class loader. On Java 17 it outlives
        // close() until the client is collected, so it must not hold a web application's class loader.
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(ClassLoader.getPlatformClassLoader());
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(connectTimeout).executor(executor).build();
            return new JdkTransport(client, executor, threads);
        } finally {
            current.setContextClassLoader(previous);
        }
    }

    /** A transport over the caller's {@code client}, which it uses but never shuts down. */
    public static JdkTransport over(HttpClient client) {
        return new JdkTransport(Objects.requireNonNull(client, "client"), null, null);
    }

    @Override
    public String name() {
        return "jdk";
    }

    @Override
    public CompletableFuture<TransportResponse> send(TransportRequest request) {
        CompletableFuture<HttpResponse<String>> send =
                client().sendAsync(jdk(request), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return answer(send);
    }

    @Override
    public CompletableFuture<TransportResponse> stream(TransportRequest request, BodyReceiver receiver) {
        Objects.requireNonNull(receiver, "receiver");
        CompletableFuture<HttpResponse<String>> send = client().sendAsync(jdk(request), info -> {
            if (info.statusCode() >= 200 && info.statusCode() <= 299) {
                receiver.onOpen(TransportResponse.of(info.statusCode(), info.headers().map(), ""));
                return BodySubscribers.mapping(new ReceiverSubscriber(receiver), v -> "");
            }
            return BodySubscribers.ofString(StandardCharsets.UTF_8);
        });
        return answer(send);
    }

    /** The response as our value; cancelling the result cancels the exchange. */
    private static CompletableFuture<TransportResponse> answer(CompletableFuture<HttpResponse<String>> send) {
        CompletableFuture<TransportResponse> out = new CompletableFuture<>();
        send.whenComplete((response, error) -> {
            if (error != null) {
                out.completeExceptionally(error);
            } else {
                out.complete(TransportResponse.of(response.statusCode(), response.headers().map(), response.body()));
            }
        });
        out.whenComplete((v, e) -> {
            if (out.isCancelled()) {
                send.cancel(true);
            }
        });
        return out;
    }

    private static HttpRequest jdk(TransportRequest request) {
        HttpRequest.Builder b = HttpRequest.newBuilder(request.uri()).timeout(request.timeout());
        request.headers().forEach(b::setHeader);
        ByteBuffer body = request.body();
        if (body == null) {
            b.method(request.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            byte[] bytes = new byte[body.remaining()];
            body.get(bytes);
            b.method(request.method(), HttpRequest.BodyPublishers.ofByteArray(bytes));
        }
        return b.build();
    }

    private HttpClient client() {
        HttpClient current = client;
        if (current == null) {
            throw new IllegalStateException("this HTTP transport is closed");
        }
        return current;
    }

    /** Stops, for an own client, its executor and (Java 21+) the client itself. Idempotent. */
    @Override
    public void close() {
        HttpClient current = client;
        client = null;
        if (current == null || executorThreads == null) {
            return;
        }
        executorThreads.stop(executor);
        if (SHUTDOWN_NOW != null) {
            try {
                SHUTDOWN_NOW.invoke(current);
            } catch (Throwable e) {
                throw new IllegalStateException("HttpClient.shutdownNow failed", e);
            }
        }
    }

    private static MethodHandle shutdownNow() {
        try {
            return MethodHandles.publicLookup().findVirtual(HttpClient.class, "shutdownNow",
                    MethodType.methodType(void.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null; // Java 17-20
        }
    }

    /**
     * Hands each buffer to the receiver and asks the JDK for the next list only once the receiver's stages have
     * completed; a receiver failure cancels the body and fails the exchange with that failure.
     */
    private static final class ReceiverSubscriber implements HttpResponse.BodySubscriber<Void> {

        private final BodyReceiver receiver;
        private final CompletableFuture<Void> body = new CompletableFuture<>();
        private volatile Flow.Subscription subscription;

        ReceiverSubscriber(BodyReceiver receiver) {
            this.receiver = receiver;
        }

        @Override
        public CompletionStage<Void> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            deliver(buffers, 0);
        }

        /** Delivers {@code buffers} from index {@code from}, pausing while a stage is incomplete. */
        private void deliver(List<ByteBuffer> buffers, int from) {
            for (int i = from; i < buffers.size(); i++) {
                CompletableFuture<?> next;
                try {
                    next = receiver.onChunk(buffers.get(i)).toCompletableFuture();
                } catch (RuntimeException | Error e) {
                    fail(e);
                    return;
                }
                if (!next.isDone()) {
                    int resume = i + 1;
                    next.whenComplete((v, e) -> {
                        if (e != null) {
                            fail(e);
                        } else {
                            deliver(buffers, resume);
                        }
                    });
                    return;
                }
                if (next.isCompletedExceptionally()) {
                    next.whenComplete((v, e) -> fail(e));
                    return;
                }
            }
            if (!body.isDone()) {
                subscription.request(1);
            }
        }

        private void fail(Throwable e) {
            subscription.cancel();
            body.completeExceptionally(e);
        }

        @Override
        public void onError(Throwable throwable) {
            body.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            body.complete(null);
        }
    }
}
