package com.landki.interview.openai;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/** A real {@link HttpClient} that remembers the futures of its asynchronous sends, to check cancellation. */
public final class RecordingHttpClient extends HttpClient {

    public final List<CompletableFuture<?>> sends = new CopyOnWriteArrayList<>();

    /**
     * Whether the n-th send was aborted. The JDK either marks its future cancelled or, when the exchange
     * notices the cancel first, fails it with a {@link java.util.concurrent.CancellationException} wrapped
     * in a {@link java.util.concurrent.CompletionException}; both mean the request was given up.
     */
    public boolean aborted(int n) {
        CompletableFuture<?> send = sends.get(n);
        if (send.isCancelled()) {
            return true;
        }
        try {
            send.getNow(null);
            return false;
        } catch (java.util.concurrent.CancellationException e) {
            return true;
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause() instanceof java.util.concurrent.CancellationException;
        }
    }
    private final HttpClient delegate = HttpClient.newHttpClient();

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
            HttpResponse.BodyHandler<T> handler) {
        CompletableFuture<HttpResponse<T>> future = delegate.sendAsync(request, handler);
        sends.add(future);
        return future;
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return sendAsync(request, handler);
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        return delegate.send(request, handler);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }
}
