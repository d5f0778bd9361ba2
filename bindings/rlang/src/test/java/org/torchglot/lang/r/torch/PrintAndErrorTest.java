package org.torchglot.lang.r.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Tensors print as R torch prints them; engine errors become R errors that name the call and the line. */
class PrintAndErrorTest {

    @Test
    void seededRandnPrintsTheSeedTutorialsNumbers() {
        assertEquals("""
                torch_tensor
                 0.3374 -0.1778 -0.3035
                 0.2573  0.6937  0.4207
                 2.5754 -1.3320  0.2282
                [ CPUFloatType{3,3} ]
                """, TorchR.run("torch_manual_seed(123)\nx <- torch_randn(64, 1000)\nx[1:3, 1:3]\n"));
    }

    @Test
    void dtypesShapesAndAutogradSuffixes() {
        assertEquals("""
                torch_tensor
                 1
                 2
                 3
                [ CPULongType{3} ]
                torch_tensor
                 1  0
                 0  1
                [ CPUBoolType{2,2} ]
                torch_tensor
                 1.5000
                 2.0000
                [ CPUDoubleType{2} ][ requires_grad = TRUE ]
                torch_tensor
                4
                [ CPUFloatType{} ][ grad_fn = <SumBackward0> ]
                MulBackward0
                """, TorchR.run("""
                torch_tensor(1:3)
                torch_eye(2)$to(dtype = torch_bool())
                a <- torch_tensor(c(1.5, 2), dtype = torch_double(), requires_grad = TRUE)
                a
                b <- torch_tensor(c(2, 3), requires_grad = TRUE)
                (b * 2 - 3)$sum()
                (b * 2)$grad_fn
                """));
    }

    @Test
    void gradientsFlowAndNoGradStopsRecording() {
        assertEquals("[1] 4 6\n[1] FALSE\n", TorchR.run("""
                w <- torch_tensor(c(2, 3), requires_grad = TRUE)
                loss <- (w * w)$sum()
                loss$backward()
                as.numeric(w$grad)
                with_no_grad({ v <- w * 2 })
                v$requires_grad
                """));
    }

    @Test
    void engineErrorsNameTheCallAndLine() {
        assertEquals("""
                before
                Error in x$mm(w) : \n\
                  mat1 and mat2 shapes cannot be multiplied (4x2 and 3x1)
                -- at test.R:5
                """, TorchR.run("""
                x <- torch_randn(4, 2)
                w <- torch_randn(3, 1)
                cat("before\\n")
                y <- x$mm(w)
                """));
    }

    @Test
    void unknownArgumentsAreReported() {
        assertEquals("Error in torch_zeros(2, colour = 3) : \n"
                + "  zeros() got an unexpected keyword argument 'colour'\n-- at test.R:2\n",
                TorchR.run("torch_zeros(2, colour = 3)\n"));
    }
}
