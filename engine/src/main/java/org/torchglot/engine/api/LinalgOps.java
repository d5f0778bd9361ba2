package org.torchglot.engine.api;

/** The ops of {@code torch.linalg}. */
final class LinalgOps {
    private LinalgOps() {
    }

    static void registerAll(OpTable t) {
    }
}
