/**
 * Saving and loading: PyTorch's own {@code torch.save} file format ({@link org.torchglot.engine.io.TorchIO}) and
 * safetensors ({@link org.torchglot.engine.io.SafeTensors}).
 *
 * <p>Files written here load in real PyTorch and files written by PyTorch load here. Loading never runs code: the
 * pickle inside a {@code .pt} file is read by a restricted unpickler that knows only tensors, numbers, strings,
 * None, bools, lists, tuples, dicts, OrderedDicts and sets. Saving is atomic (temporary file, fsync, rename).
 *
 * <p>The two front doors touch the file system, so they carry {@link org.torchglot.engine.io.HostFileAccess}:
 * sandboxed scripts reach them only through the bindings, which check the path first.
 */
package org.torchglot.engine.io;
