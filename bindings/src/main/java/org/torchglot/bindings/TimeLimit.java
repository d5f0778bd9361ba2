package org.torchglot.bindings;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;

/**
 * The watchdog of contexts with a time limit: one daemon thread that stops evaluations running
 * past their limit. It first interrupts the context (JavaScript and R stop, and the context stays
 * usable); a script still running after a short grace period is cancelled, which closes its
 * context. Either way the evaluating thread gets a {@link ScriptTimeoutException} and the host
 * carries on.
 */
final class TimeLimit {

    /**
     * How long an interrupt may take before the watchdog cancels the context instead. NOTE: a second, not less: on a
     * loaded 2-core machine R's and JavaScript's safepoints took over 250 ms to answer, and cancelling loses the
     * context's variables where the interrupt would have kept them.
     */
    static final Duration INTERRUPT_GRACE = Duration.ofSeconds(1);

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "torchglot-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private TimeLimit() {
    }

    /** Runs one evaluation of {@code context}, stopping it after {@code limit}. */
    static <T> T run(Context context, Duration limit, Supplier<T> evaluation) {
        Evaluation running = new Evaluation(context);
        ScheduledFuture<?> alarm = WATCHDOG.schedule(running::stop, limit.toNanos(), TimeUnit.NANOSECONDS);
        try {
            return evaluation.get();
        } catch (PolyglotException e) {
            if (running.stopped() && (e.isInterrupted() || e.isCancelled())) {
                throw new ScriptTimeoutException(limit, running.cancelled(), e);
            }
            throw e;
        } finally {
            running.finish();
            alarm.cancel(false);
        }
    }

    /** One evaluation's state, shared by the evaluating thread and the watchdog. */
    private static final class Evaluation {
        private final Context context;
        private boolean finished;
        private boolean stopped;
        private boolean cancelled;

        Evaluation(Context context) {
            this.context = context;
        }

        // NOTE: synchronized so the watchdog never interrupts the evaluation that follows this one.
        synchronized void stop() {
            if (finished) {
                return;
            }
            stopped = true;
            try {
                context.interrupt(INTERRUPT_GRACE);
            } catch (TimeoutException e) {
                cancelled = true;
                context.close(true);
            }
        }

        synchronized void finish() {
            finished = true;
        }

        synchronized boolean stopped() {
            return stopped;
        }

        synchronized boolean cancelled() {
            return cancelled;
        }
    }
}
