package org.torchglot.lang.r;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** R is a SHARED-policy language: contexts of one engine share its parsed code but never its state. */
class SharedContextsTest {

    private static final Source PROGRAM = Source.newBuilder("R", """
                    scale <- function(v) v * k
                    acc <- 0
                    for (i in 1:20000) acc <- acc + scale(i %% 7)
                    set.seed(42)
                    c(acc, runif(1))
                    """, "shared.R").buildLiteral();

    @Test
    void secondContextReusesTheFirstOnesLanguageAndParsedCode() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (Engine engine = Engine.newBuilder("R").allowExperimentalOptions(true).option("engine.WarnInterpreterOnly", "false")
                .option("engine.TraceCodeSharing", "true").option("engine.TraceSourceCacheDetails", "true")
                .logHandler(log).build()) {
            for (int k = 1; k <= 2; k++) {
                try (Context context = Context.newBuilder("R").engine(engine).out(OutputStream.nullOutputStream()).build()) {
                    context.eval("R", "k <- " + k);
                    assertEquals(expectedSum(k), context.eval(PROGRAM).getArrayElement(0).asDouble(), 0.0);
                }
            }
        }
        List<String> lines = log.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(1, lines.stream().filter(l -> l.contains("created language") && l.contains(" R ")).count(),
                () -> "one R language instance for both contexts:\n" + String.join("\n", lines));
        assertEquals(1, lines.stream().filter(l -> l.contains("source-cache-miss") && l.contains("shared.R")).count(),
                () -> "shared.R parsed once:\n" + String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.contains("source-cache-hit") && l.contains("shared.R")),
                () -> "the second context found shared.R parsed:\n" + String.join("\n", lines));
    }

    @Test
    void globalsAndAttachedPackagesDoNotLeakBetweenContexts() {
        try (Context first = RTestSupport.newContext(new ByteArrayOutputStream());
             Context second = RTestSupport.newContext(new ByteArrayOutputStream())) {
            first.eval("R", "x <- 1; f <- function() x; library(datasets)");
            assertFalse(second.eval("R", "exists('x') || exists('f')").asBoolean());
            second.eval("R", "x <- 2");
            assertEquals(1, first.eval("R", "f()").asInt());
            assertEquals(2, second.eval("R", "x").asInt());
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void contextsOfOneEngineRunInParallelThreadsIndependently() throws Exception {
        int threads = 2;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<double[]>> results = new ArrayList<>();
            for (int t = 1; t <= threads; t++) {
                int k = t;
                results.add(pool.submit(() -> {
                    try (Context context = RTestSupport.newContext(new ByteArrayOutputStream())) {
                        context.eval("R", "k <- " + k);
                        start.await(30, TimeUnit.SECONDS);
                        double[] r = new double[3];
                        for (int round = 0; round < 3; round++) {
                            r[round] = context.eval(PROGRAM).getArrayElement(round == 2 ? 1 : 0).asDouble();
                        }
                        return r;
                    }
                }));
            }
            double[] one = results.get(0).get(100, TimeUnit.SECONDS);
            double[] two = results.get(1).get(100, TimeUnit.SECONDS);
            assertEquals(expectedSum(1), one[0], 0.0);
            assertEquals(expectedSum(1), one[1], 0.0);
            assertEquals(expectedSum(2), two[0], 0.0);
            assertEquals(expectedSum(2), two[1], 0.0);
            // Each context has its own generator: the same seed gives the same draw in both.
            assertEquals(one[2], two[2], 0.0);
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code sum(k * (i %% 7))} for i in 1..20000, as the program computes it. */
    private static double expectedSum(int k) {
        double acc = 0;
        for (int i = 1; i <= 20_000; i++) {
            acc += k * (i % 7);
        }
        return acc;
    }
}
