package org.torchglot.lang.r.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** R data to tensors and back: dtypes by R type, R's column-major layout kept, {@code as_array} round trips. */
class ConversionTest {

    @Test
    void dtypesFollowTheRType() {
        assertEquals("torch_Long\ntorch_Float\ntorch_Bool\ntorch_Double\n", TorchR.run("""
                torch_tensor(1:9)$dtype
                torch_tensor(c(1, 2))$dtype
                torch_tensor(c(TRUE, FALSE))$dtype
                torch_tensor(c(1, 2), dtype = torch_double())$dtype
                """));
    }

    @Test
    void matricesKeepTheirLayout() {
        String out = TorchR.run("""
                m <- matrix(1:6, nrow = 2)
                t <- torch_tensor(m)
                cat(dim(t), "|", as.integer(t[2, 3]), as.integer(t[1, 2]), "\\n")
                identical(as_array(t), m)
                a <- array(1:24, dim = c(2, 3, 4))
                ta <- torch_tensor(a)
                cat(dim(ta), "|", as.integer(ta[2, 3, 4]), as.integer(ta[1, 2, 3]), a[1, 2, 3], "\\n")
                identical(as_array(ta), a)
                as.numeric(torch_tensor(matrix(c(1.5, 2.5, 3.5, 4.5), 2)))
                """);
        assertEquals("2 3 | 6 3 \n[1] TRUE\n2 3 4 | 24 15 15 \n[1] TRUE\n[1] 1.5 2.5 3.5 4.5\n", out);
    }

    @Test
    void tensorsConvertToRVectors() {
        assertEquals("""
                [1] 0.5
                [1] "numeric"
                [1] 1 2 3
                [1] "integer"
                [1]  TRUE FALSE
                [1] 2 3
                """, TorchR.run("""
                x <- torch_tensor(0.5)
                as.numeric(x)
                class(x$item())
                as.integer(torch_tensor(c(1.2, 2.7, 3.1)))
                class(as_array(torch_tensor(1:3)))
                as_array(torch_tensor(c(TRUE, FALSE)))
                dim(torch_zeros(2, 3))
                """));
    }

    @Test
    void rNumbersMeetTensorsInOperators() {
        assertEquals("[1] 3 5\n[1]  0 -1\n[1] 0.5 1.0\n[1] 1 4\n[1]  TRUE FALSE\n", TorchR.run("""
                x <- torch_tensor(c(1, 2))
                as.numeric(x + c(2, 3))
                as.numeric(1 - x)
                as.numeric(x / 2)
                as.numeric(x^2)
                as.logical(x < 2)
                """));
    }
}
