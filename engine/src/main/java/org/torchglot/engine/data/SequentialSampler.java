package org.torchglot.engine.data;

import java.util.ArrayList;
import java.util.List;

/** {@code SequentialSampler(data_source)}: 0, 1, ..., len - 1. */
public class SequentialSampler implements Sampler {
    private final int length;

    public SequentialSampler(int length) {
        this.length = length;
    }

    @Override
    public int len() {
        return length;
    }

    @Override
    public List<Integer> indices() {
        List<Integer> out = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            out.add(i);
        }
        return out;
    }
}
