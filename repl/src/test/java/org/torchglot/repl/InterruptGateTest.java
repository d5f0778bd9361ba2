package org.torchglot.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An interrupt reaches the evaluation running when it is requested and never a later one, whatever the timing:
 * the race of a Ctrl-C or a Jupyter interrupt arriving just as a cell ends, forced step by step with latches.
 */
@Timeout(30)
class InterruptGateTest {

    private final InterruptGate gate = new InterruptGate();
    private final List<String> delivered = new ArrayList<>();

    @Test
    void anInterruptBetweenEvaluationsReachesNothing() {
        assertEquals(InterruptGate.Result.IDLE, gate.interrupt(recording("cell 1")));
        gate.open();
        gate.close();
        assertEquals(InterruptGate.Result.IDLE, gate.interrupt(recording("cell 1")));
        assertEquals(List.of(), delivered);
    }

    @Test
    void aCellEndingWhileItsInterruptIsOnTheWayWaitsForItSoTheNextCellNeverGetsIt() throws Exception {
        CountDownLatch delivering = new CountDownLatch(1);
        CountDownLatch guestStopped = new CountDownLatch(1);
        gate.open();
        Thread interrupter = Thread.ofPlatform().start(() -> gate.interrupt(new InterruptGate.Target() {
            @Override
            public void interrupt() {
                delivering.countDown();
                await(guestStopped);
                record("cell 1");
            }

            @Override
            public void cancel() {
                record("cancel");
            }
        }));
        assertTrue(delivering.await(10, TimeUnit.SECONDS));

        // The cell ends and the next one starts while the interrupt is still being delivered.
        Thread cells = Thread.ofPlatform().start(() -> {
            gate.close();
            gate.open();
            record("cell 2 starts");
        });
        awaitBlocked(cells);
        guestStopped.countDown();
        interrupter.join();
        cells.join();

        assertEquals(List.of("cell 1", "cell 2 starts"), delivered);
        assertEquals(InterruptGate.Result.INTERRUPTED, gate.interrupt(recording("cell 2")));
    }

    @Test
    void aSecondInterruptCancelsOnlyTheCellThatDidNotAnswerTheFirst() {
        gate.open();
        assertEquals(InterruptGate.Result.UNANSWERED, gate.interrupt(unanswered()));
        assertEquals(InterruptGate.Result.CANCELLED, gate.interrupt(recording("cell 1")));

        gate.open();
        assertEquals(InterruptGate.Result.UNANSWERED, gate.interrupt(unanswered()));
        gate.close();
        gate.open();
        assertEquals(InterruptGate.Result.INTERRUPTED, gate.interrupt(recording("cell 3")),
                "a cell after the one that ignored an interrupt starts with a first interrupt, not a cancel");
        assertEquals(List.of("cancel", "cell 3"), delivered);
    }

    private InterruptGate.Target recording(String cell) {
        return new InterruptGate.Target() {
            @Override
            public void interrupt() {
                record(cell);
            }

            @Override
            public void cancel() {
                record("cancel");
            }
        };
    }

    private static InterruptGate.Target unanswered() {
        return new InterruptGate.Target() {
            @Override
            public void interrupt() throws TimeoutException {
                throw new TimeoutException();
            }

            @Override
            public void cancel() {
                throw new AssertionError("the first interrupt does not cancel");
            }
        };
    }

    private void record(String event) {
        synchronized (delivered) {
            delivered.add(event);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitBlocked(Thread thread) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != Thread.State.BLOCKED) {
            assertTrue(System.nanoTime() < end, "the cell's end did not wait for the interrupt: " + thread.getState());
            Thread.sleep(1);
        }
    }
}
