/**
 * {@code torch.linalg}: {@link org.torchglot.engine.ops.linalg.Linalg} holds the ops with their derivatives; the
 * small classes beside it factor one row-major {@code double[]} matrix each (LU, Cholesky and Householder QR
 * written as LAPACK does them, so pivots, signs and error positions match PyTorch; SVD and eigen-decompositions on
 * ojalgo). Every op computes in float64 and returns the input's dtype.
 */
package org.torchglot.engine.ops.linalg;
