// expect status: 1
// expect modes: server
// The same attack from JavaScript: Java.type of the kernel class is refused.
const torch = require('torch');
const a = torch.tensor([1, 2, 3, 4])._t.toFloatArray();
Java.type('org.torchglot.engine.kernels.Gemm').multiply(a, 0, a, 0, false, a, 0, 2000, 2000, 2000);
