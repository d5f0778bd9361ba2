package org.torchglot.engine.tensor;

/** torchglot computes on the CPU only; a GPU is refused the way a PyTorch built without CUDA refuses it. */
public final class Devices {
    private Devices() {
    }

    /** PyTorch's AssertionError for {@code x.cuda()}, {@code x.to("cuda")} and {@code model.cuda()}. */
    public static TorchException noCuda() {
        return new TorchException(TorchException.Kind.ASSERTION_ERROR, "Torch not compiled with CUDA enabled");
    }

    /** Refuses a CUDA device, given as its text ({@code "cuda"}, {@code "cuda:0"}); any other is the CPU. */
    public static void requireCpu(Object device) {
        if (device != null && String.valueOf(device).startsWith("cuda")) {
            throw noCuda();
        }
    }
}
