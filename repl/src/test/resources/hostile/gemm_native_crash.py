# expect status: 1
# An unchecked native GEMM on a 4-element array used to kill the JVM (SIGSEGV): the kernel is no longer reachable.
import java, torch
a = torch.tensor([1., 2., 3., 4.])._t.toFloatArray()
java.type('org.torchglot.engine.kernels.Gemm').multiply(a, 0, a, 0, False, a, 0, 2000, 2000, 2000)
