package org.torchglot.lang.r.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * R torch's indexing: 1-based positions, negative ones from the end, empty indices, {@code ..}, {@code drop}, masks,
 * and 1-based indices returned by {@code $max(dim=)} and {@code $argmax()}. The tensor is R's matrix(1:12, 3), so
 * every expected value is what base R gives for the same subscript on that matrix (except negatives, which count
 * from the end for tensors).
 */
class TensorIndexingTest {
    private static final String X = "x <- torch_tensor(matrix(1:12, 3))\n";

    private static String values(String expr) {
        return TorchR.run(X + "cat(as.numeric(" + expr + "), \"|\", dim(" + expr + "), \"\\n\")");
    }

    @Test
    void rangesAndSinglePositionsAreOneBased() {
        assertEquals("1 2 3 4 5 6 7 8 9 | 3 3 \n", values("x[1:3, 1:3]"));
        assertEquals("1 2 3 | 3 \n", values("x[, 1]"));
        assertEquals("1 4 7 10 | 4 \n", values("x[1, ]"));
        assertEquals("8 | \n", values("x[2, 3]"));
        assertEquals("4 5 6 | 3 \n", values("x[.., 2]"));
    }

    @Test
    void dropFalseKeepsIndexedDims() {
        assertEquals("1 2 3 | 3 1 \n", values("x[, 1, drop = FALSE]"));
        assertEquals("5 | 1 1 \n", values("x[2, 2, drop = FALSE]"));
    }

    @Test
    void negativePositionsCountFromTheEnd() {
        assertEquals("3 6 9 12 | 4 \n", values("x[-1, ]"));
        assertEquals("10 11 12 | 3 \n", values("x[, -1]"));
        assertEquals("1 2 4 5 7 8 10 11 | 2 4 \n", values("x[1:(-2), ]"));
    }

    @Test
    void threePartRangesAreSlicesWithAStep() {
        assertEquals("1 3 | 2 \n", values("x[1:3:2, 1]"));
        assertEquals("4 10 | 2 \n", values("x[1, 2:4:2]"));
    }

    @Test
    void vectorsMasksAndIndexTensorsSelect() {
        assertEquals("1 3 7 9 | 2 2 \n", values("x[c(1, 3), c(1, 3)]"));
        assertEquals("10 11 12 | 3 \n", values("x[x > 9]"));
        assertEquals("3 1 | 2 \n", values("x[torch_tensor(c(3L, 1L)), 1]"));
    }

    @Test
    void maskAndSliceAssignmentChangeTheTensorInPlace() {
        assertEquals("[1]  0.0  2.0  0.0 -0.5\n", TorchR.run("""
                z <- torch_tensor(c(-1, 2, -3, -0.5))
                alias <- z
                z[z < -0.5] <- 0
                as.numeric(alias)
                """));
        assertEquals("[1] 1 9 3 9 5 6\n", TorchR.run("""
                m <- torch_tensor(matrix(1:6, 2))
                m[2, 1:2] <- 9L
                as.integer(m)
                """));
    }

    @Test
    void maxAndArgmaxReturnOneBasedIndices() {
        String out = TorchR.run("""
                y <- torch_tensor(rbind(c(1, 9, 3), c(7, 2, 8)))
                r <- y$max(dim = 1)
                cat(as.numeric(r[[1]]), "|", as.integer(r[[2]]), "\\n")
                cat(as.integer(y$max(dim = 2)[[2]]), "\\n")
                cat(as.integer(y$argmax()), as.integer(torch_argmax(y, dim = 2)), "\\n")
                cat(as.integer(y$size(2)), as.integer(torch_sum(y, dim = 1)$shape), "\\n")
                """);
        assertEquals("7 9 8 | 2 1 2 \n2 3 \n2 2 3 \n3 3 \n", out);
    }

    @Test
    void zeroIndexIsAnError() {
        assertEquals("Error in x[0, 1] : Indexing starts at 1 but found a 0.\n-- at test.R:3\n",
                TorchR.run(X + "x[0, 1]\n"));
    }

    @Test
    void nIsTheLastPositionEvenWhenTheScriptHasAnN() {
        assertEquals("3 6 9 12 | 4 \n", values("x[N, ]"));
        assertEquals("5 6 8 9 11 12 | 2 3 \n", values("x[2:N, 2:N]"));
        assertEquals("10 11 12 | 3 \n", values("x[.., N]"));
        assertEquals("3 6 9 12 | 4 \n", TorchR.run("N <- 1\n" + X + "cat(as.numeric(x[N, ]), \"|\", dim(x[N, ]), \"\\n\")"));
        assertEquals("[1] 1\n", TorchR.run("N <- 1\n" + X + "x[N, ]\nN\n").lines().reduce((a, b) -> b).get() + "\n");
    }

    @Test
    void rangesInTheBracketsAreSlicesAsInRTorch() {
        assertEquals("4 7 10 | 1 3 \n", values("x[1, 2:N, drop = FALSE]"));
        assertEquals("2 3 | 2 \n", values("x[-2:3, 1]"));
        assertEquals("1 10 | 2 \n", values("x[1, 1:N:3]"));
        assertEquals("| 0 4 \n", values("x[3:1, ]"));
    }

    @Test
    void slcIsTheSameSliceAsAValue() {
        assertEquals("1 3 | 2 \n", values("x[slc(start = 1, end = 3, step = 2), 1]"));
        assertEquals("4 7 10 | 3 \n", values("x[1, slc(2, Inf)]"));
        assertEquals("<slice>\n", TorchR.run("print(slc(1, 3, 5))\n"));
    }

    @Test
    void assignmentReadsNAndRanges() {
        assertEquals(" [1]  1  0  0  4  0  0  7  0  0 10  0  0\n", TorchR.run(X + "x[2:N, ] <- 0L\nas.integer(x)\n"));
    }
}
