package org.torchglot.repl;

import java.util.concurrent.TimeoutException;

/**
 * Ties an interrupt to the evaluation running when it is requested, so that it can never reach a later one.
 *
 * <p>Requesting an interrupt, delivering it to the guest and the start and end of an evaluation are one
 * monitor: an evaluation cannot end, and the next one cannot start, while an interrupt is being delivered; an
 * interrupt requested between evaluations reaches nothing. The first interrupt of an evaluation stops it at
 * the next safepoint; if the guest did not answer it in time, a second one of the same evaluation cancels it.
 */
final class InterruptGate {

    /** What an interrupt did. */
    enum Result {
        /** Nothing was running. */
        IDLE,
        /** The evaluation stopped at the interrupt. */
        INTERRUPTED,
        /** The evaluation did not stop in time; the next interrupt of the same evaluation cancels it. */
        UNANSWERED,
        /** The evaluation did not answer an earlier interrupt and was cancelled. */
        CANCELLED
    }

    /** The running evaluation, as an interrupt sees it. */
    interface Target {
        /** Stops the evaluation at its next safepoint, waiting a while for it to stop. */
        void interrupt() throws TimeoutException;

        /** Cancels the evaluation that did not stop (its variables are lost). */
        void cancel();
    }

    private boolean running;
    private boolean unanswered;

    /** An evaluation starts: interrupts from now on are its own. */
    synchronized void open() {
        running = true;
        unanswered = false;
    }

    /** The evaluation has ended; waits for an interrupt being delivered to it to finish first. */
    synchronized void close() {
        running = false;
    }

    synchronized Result interrupt(Target target) {
        if (!running) {
            return Result.IDLE;
        }
        if (unanswered) {
            target.cancel();
            return Result.CANCELLED;
        }
        try {
            target.interrupt();
            return Result.INTERRUPTED;
        } catch (TimeoutException e) {
            unanswered = true;
            return Result.UNANSWERED;
        }
    }
}
