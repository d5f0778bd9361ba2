/**
 * Printers that render tensor contents exactly as users of each ecosystem see them:
 * {@link org.torchglot.engine.format.PyTorchFormatter} (PyTorch 1.13's {@code repr}),
 * {@link org.torchglot.engine.format.LibtorchFormatter} (libtorch's {@code operator<<} as R torch prints it) and
 * {@link org.torchglot.engine.format.NumpyFormatter} (numpy 1.24's {@code repr} and {@code str}).
 *
 * <p>The printers are decoupled from any tensor class: each takes the shape, the values in row-major order (as
 * doubles) and the {@link org.torchglot.engine.tensor.DType}. FLOAT32 values are printed as the float they hold,
 * INT64 values as integers and BOOL values as non-zero/zero.
 */
package org.torchglot.engine.format;
