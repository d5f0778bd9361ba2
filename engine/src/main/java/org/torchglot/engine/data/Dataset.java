package org.torchglot.engine.data;

/**
 * {@code torch.utils.data.Dataset}: items by index. Guest-language datasets implement it (or the
 * binding wraps their {@code __getitem__}/{@code __len__}).
 */
public interface Dataset<T> {
    /** {@code len(dataset)}. */
    int len();

    /** {@code dataset[index]}, 0-based. */
    T get(int index);
}
