package org.torchglot.bindings;

/** The torchglot release, readable from Java and, through host access, from guest packages. */
public final class TorchglotVersion {
    /** The version users see in {@code torchglot --version}. */
    public static final String VERSION = "0.1.0";

    /** The PyTorch release whose API and output torchglot follows. */
    public static final String TORCH_VERSION = "1.13.1";

    private TorchglotVersion() {
    }

    /** The torchglot version, e.g. {@code "0.1.0"}. */
    public static String get() {
        return VERSION;
    }
}
