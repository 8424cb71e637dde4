package io.github.removebgsuite.common.client;

import io.github.removebgsuite.common.error.ApiConnectionException;
import io.github.removebgsuite.common.error.RemoveBgException;
import io.github.removebgsuite.common.image.ImageDimensions;
import io.github.removebgsuite.common.ratelimit.MegapixelRateLimiter;
import io.github.removebgsuite.common.ratelimit.RateLimitSnapshot;
import io.github.removebgsuite.common.request.ImageSource;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Response;

/**
 * One logical call with its retries, entirely asynchronous: each attempt asks the rate limiter to admit its
 * megapixels (asking again, scheduled, never slept, while the limiter holds it: when the hold ends or an answer
 * arrives), is sent with OkHttp's {@code enqueue} once admitted, tells the limiter how it ended, and a failure the
 * retry policy accepts schedules the next attempt on the client's scheduler. The synchronous API waits on the
 * future this completes.
 */
final class Exchange<T> implements Callback {

    private final Transport transport;
    private final ApiCall call;
    private final ResponseDecoder.SuccessDecoder<T> decoder;
    private final CompletableFuture<T> future = new CompletableFuture<>();
    private final List<RemoveBgException> earlierFailures = new ArrayList<>();

    private int attempts;
    private Instant firstAttemptStart;
    private int cost;
    /** Counts this call's questions to the limiter, so a held attempt asks again once per hold. */
    private final AtomicLong admissions = new AtomicLong();
    /** Whether the limiter admitted the current attempt and has not yet heard how it ended (it hears once). */
    private final AtomicBoolean admitted = new AtomicBoolean();
    private volatile Call current;

    Exchange(Transport transport, ApiCall call, ResponseDecoder.SuccessDecoder<T> decoder) {
        this.transport = transport;
        this.call = call;
        this.decoder = decoder;
        future.whenComplete((value, failure) -> {
            transport.finished(this);
            releaseUnanswered();
            Call inFlight = current;
            if (future.isCancelled() && inFlight != null) {
                inFlight.cancel();
            }
        });
    }

    CompletableFuture<T> future() {
        return future;
    }

    /** Starts the first attempt on the scheduler, so not even the image's header probe runs on the caller's thread. */
    CompletableFuture<T> start() {
        schedule(this::attempt, Duration.ZERO);
        return future;
    }

    /** Fails the call because the client was closed. */
    void abort(RemoveBgException reason) {
        future.completeExceptionally(reason);
    }

    private void attempt() {
        if (future.isDone()) {
            return;
        }
        try {
            if (attempts == 0) {
                firstAttemptStart = transport.policy().clock().instant();
                cost = call.knownCost() > 0 ? call.knownCost() : rateLimitCost(call.image());
            }
            attempts++;
            if (call.image() == null) {
                schedule(this::send, Duration.ZERO);
            } else {
                admit();
            }
        } catch (RuntimeException e) {
            future.completeExceptionally(e);
        }
    }

    /**
     * Asks the limiter whether this attempt may go. When it holds the call, the attempt asks again when the wait
     * ends or when the limiter reports the next answer, whichever comes first (the ticket makes it once).
     */
    private void admit() {
        if (future.isDone()) {
            return;
        }
        try {
            long ticket = admissions.incrementAndGet();
            Runnable again = () -> {
                if (admissions.compareAndSet(ticket, ticket + 1)) {
                    schedule(this::admit, Duration.ZERO);
                }
            };
            MegapixelRateLimiter.Admission admission = transport.limiter().admit(cost, again);
            if (admission.admitted()) {
                admitted.set(true);
                send();
            } else {
                Duration wait = admission.delay();
                transport.log(Level.DEBUG, () -> call.method() + " /" + call.path() + ": held by the rate limiter ("
                        + cost + " MP) for at most " + wait.toMillis() + " ms");
                schedule(again, wait);
            }
        } catch (RuntimeException e) {
            future.completeExceptionally(e);
        }
    }

    /** Tells the limiter that the admitted attempt ended without an answer, once: a held call may go in its place. */
    private void releaseUnanswered() {
        if (admitted.getAndSet(false)) {
            transport.limiter().unanswered(cost);
        }
    }

    private void send() {
        if (future.isDone()) {
            releaseUnanswered();
            return;
        }
        try {
            AtomicBoolean sent = new AtomicBoolean();
            Call okCall = transport.newCall(call, sent);
            current = okCall;
            transport.log(Level.DEBUG, () -> call.method() + " /" + call.path() + ": attempt " + attempts);
            okCall.enqueue(this);
        } catch (RuntimeException e) {
            releaseUnanswered();
            future.completeExceptionally(e);
        }
    }

    @Override
    public void onResponse(Call okCall, Response response) {
        try (response) {
            transport.log(Level.DEBUG, () -> call.method() + " /" + call.path() + ": HTTP " + response.code());
            // Every answer re-synchronises the shared limiter: the server's count covers all clients of the key.
            RateLimitSnapshot snapshot = ResponseDecoder.rateLimit(response.headers());
            if (admitted.getAndSet(false)) {
                transport.limiter().answered(cost, snapshot, response.code() == 429);
            } else if (snapshot != null) {
                transport.limiter().synchronize(snapshot);
            }
            T value = transport.decoder().decode(response, call, decoder);
            future.complete(value);
        } catch (RemoveBgException e) {
            failed(e);
        } catch (RuntimeException | Error e) {
            future.completeExceptionally(e);
        }
    }

    @Override
    public void onFailure(Call okCall, IOException e) {
        AtomicBoolean sent = okCall.request().tag(AtomicBoolean.class);
        boolean requestSent = sent != null && sent.get();
        releaseUnanswered();
        failed(connectionFailure(e, requestSent));
    }

    private ApiConnectionException connectionFailure(IOException e, boolean requestSent) {
        String host = transport.displayHost();
        String what = e instanceof SocketTimeoutException ? "timed out (" + e.getMessage() + ")"
                : e instanceof InterruptedIOException && "executor rejected".equals(e.getMessage())
                        ? "could not start because the client was closed"
                        : "failed (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
        String message = transport.secrets().redact(requestSent
                ? "The connection to " + host + " " + what + " after the request had been sent to " + call.method()
                        + " /" + call.path() + "; remove.bg may have processed and charged it. Check the account "
                        + "before trying again."
                : "The connection to " + host + " " + what + " before the request to " + call.method() + " /"
                        + call.path() + " was sent; nothing was charged. Check the network and the base URL.");
        return new ApiConnectionException(message, e, requestSent);
    }

    private void failed(RemoveBgException failure) {
        if (future.isDone()) {
            return;
        }
        Optional<Duration> delay = transport.isClosed() ? Optional.empty()
                : transport.policy().retryDelay(failure, attempts, firstAttemptStart, call.idempotent());
        if (delay.isPresent()) {
            earlierFailures.add(failure);
            transport.log(Level.INFO, () -> call.method() + " /" + call.path() + ": attempt " + attempts
                    + " failed, retrying in " + delay.get().toMillis() + " ms: " + failure.getMessage());
            schedule(this::attempt, delay.get());
            return;
        }
        earlierFailures.forEach(failure::addSuppressed);
        future.completeExceptionally(failure);
    }

    private void schedule(Runnable step, Duration delay) {
        try {
            if (delay.isZero() || delay.isNegative()) {
                transport.scheduler().execute(step);
            } else {
                transport.scheduler().schedule(step, delay.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(new RemoveBgException("The client was closed before the call to /"
                    + call.path() + " could go on.", e));
        }
    }

    /** The call's rate-limit price: the image's megapixels when they can be read locally, else 1. */
    static int rateLimitCost(ImageSource image) {
        try {
            if (image instanceof ImageSource.File file) {
                return ImageDimensions.probe(file.path()).map(ImageDimensions::rateLimitCost).orElse(1);
            }
            if (image instanceof ImageSource.Bytes bytes) {
                return ImageDimensions.probe(bytes.bytes()).map(ImageDimensions::rateLimitCost).orElse(1);
            }
        } catch (IOException | RuntimeException e) {
            // Unreadable here: the upload will say so; price it at the minimum meanwhile.
        }
        return 1;
    }
}
