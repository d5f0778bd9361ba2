package org.torchglot.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenBLAS that comes with the build, loaded from its own copy and never from the system's: this is
 * what a machine with no BLAS installed runs.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BundledOpenBlasTest {
    @TempDir
    static Path cache;

    private static List<Path> extract() {
        return BundledOpenBlas.extract(cache).orElseThrow(() -> new AssertionError(
                "no OpenBLAS for " + BundledOpenBlas.platform() + " on the class path"));
    }

    @Test
    void concurrentLaunchesShareOneCompleteCopy() throws Exception {
        List<List<Path>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<List<Path>>> futures = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                futures.add(pool.submit(BundledOpenBlasTest::extract));
            }
            for (Future<List<Path>> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
        }
        List<Path> libraries = results.getFirst();
        results.forEach(r -> assertEquals(libraries, r));
        assertTrue(libraries.getLast().getFileName().toString().startsWith("libopenblas"), libraries.toString());
        for (Path library : libraries) {
            String resource = "org/bytedeco/openblas/" + BundledOpenBlas.platform() + "/" + library.getFileName();
            try (var in = BundledOpenBlas.class.getClassLoader().getResourceAsStream(resource)) {
                assertEquals(in.readAllBytes().length, Files.size(library), resource);
            }
        }
        try (Stream<Path> entries = Files.list(cache)) {
            assertEquals(List.of(libraries.getLast().getParent()), entries.toList(), "staging directories left behind");
        }
    }

    @Test
    void aSecondLaunchReusesTheCopy() throws IOException {
        Path blas = extract().getLast();
        FileTime written = FileTime.fromMillis(0);
        Files.setLastModifiedTime(blas, written);
        assertEquals(blas, extract().getLast());
        assertEquals(written, Files.getLastModifiedTime(blas));
    }

    @Test
    void theBundledLibraryMultipliesLikeTheReference() {
        OpenBlas blas = OpenBlas.load(extract());
        assertTrue(blas.version().startsWith("OpenBLAS 0.3.31"), blas.version());
        Random r = new Random(7);
        // Small and large (several threads) products, each transpose combination, offsets and row strides.
        int[][] shapes = {{3, 5, 7}, {64, 100, 10}, {300, 257, 129}};
        for (int threads : new int[] {1, 2}) {
            blas.threads(threads);
            for (int[] s : shapes) {
                for (boolean at : new boolean[] {false, true}) {
                    for (boolean bt : new boolean[] {false, true}) {
                        checkProduct(blas, r, s[0], s[1], s[2], at, bt);
                    }
                }
            }
        }
    }

    private static void checkProduct(OpenBlas blas, Random r, int n, int k, int m, boolean at, boolean bt) {
        int lda = (at ? n : k) + 3;
        int ldb = (bt ? k : m) + 1;
        float[] a = new float[2 + (at ? k : n) * lda];
        float[] b = new float[1 + (bt ? m : k) * ldb];
        double[] ad = new double[a.length];
        double[] bd = new double[b.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) r.nextGaussian();
            ad[i] = a[i];
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) r.nextGaussian();
            bd[i] = b[i];
        }
        float[] c = new float[n * m + 4];
        double[] cd = new double[n * m + 4];
        blas.sgemm(a, 2, lda, at, b, 1, ldb, bt, c, 4, n, k, m);
        blas.dgemm(ad, 2, lda, at, bd, 1, ldb, bt, cd, 4, n, k, m);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double expected = 0;
                for (int p = 0; p < k; p++) {
                    expected += ad[2 + (at ? p * lda + i : i * lda + p)] * bd[1 + (bt ? j * ldb + p : p * ldb + j)];
                }
                String where = n + "x" + k + "x" + m + " at=" + at + " bt=" + bt + " [" + i + "," + j + "]";
                assertEquals(expected, c[4 + i * m + j], 1e-4 * Math.sqrt(k) * 4, where);
                assertEquals(expected, cd[4 + i * m + j], 1e-10 * Math.sqrt(k) * 4, where);
            }
        }
        assertEquals(0f, c[0]);
        assertEquals(0.0, cd[3]);
    }
}
