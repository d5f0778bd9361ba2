'use strict';
// torch.utils.data: datasets and the DataLoader. Batch order comes from the engine's DataLoader,
// so a seeded shuffle visits samples in PyTorch's order.

const bridge = require('./bridge.js');
const { J, TABLES, ZERO_BASED, guard } = bridge;
const { Tensor, tensor } = require('./tensor.js');

/**
 * Base of map-style datasets. A JavaScript dataset defines `get(index)` and a `length`
 * (Python's __getitem__ and __len__ also work).
 */
class Dataset {
  get(index) {
    if (typeof this.__getitem__ === 'function') {
      return this.__getitem__(index);
    }
    throw new Error(`${this.constructor.name} must define get(index)`);
  }

  get length() {
    if (typeof this.__len__ === 'function') {
      return this.__len__();
    }
    throw new Error(`${this.constructor.name} must define length`);
  }

  /** The samples in order: `for (const [x, y] of dataset)`, `[...dataset]`. */
  *[Symbol.iterator]() {
    const n = this.length;
    for (let i = 0; i < n; i++) {
      yield this.get(i);
    }
  }
}

/** Samples are the rows of tensors with the same first size: get(i) is [x[i], y[i]]. */
class TensorDataset extends Dataset {
  constructor(...tensors) {
    super();
    this.tensors = tensors;
    this._j = guard(() => new J.TensorDataset(...tensors.map((t) => t._t)));
  }

  get(index) {
    return this.tensors.map((t) => t.index(index));
  }

  get length() {
    return this.tensors[0].shape[0];
  }
}

/** The samples of a dataset at the given positions. */
class Subset extends Dataset {
  constructor(dataset, indices) {
    super();
    this.dataset = dataset;
    this.indices = Array.from(indices);
  }

  get(index) {
    return this.dataset.get(this.indices[index]);
  }

  get length() {
    return this.indices.length;
  }
}

/** A stand-in for a JavaScript dataset on the engine side, which only needs its length. */
function lengthDataset(n) {
  return new J.TensorDataset(TABLES.standard.call('zeros', [n], null, ZERO_BASED));
}

/** Batches samples: tensors are stacked, numbers become a tensor, arrays and objects are collated per item. */
function default_collate(batch) {
  const first = batch[0];
  if (first instanceof Tensor) {
    return bridge.call(TABLES.standard, 'stack', [batch]);
  }
  if (typeof first === 'number' || typeof first === 'bigint' || typeof first === 'boolean') {
    return tensor(batch);
  }
  if (Array.isArray(first)) {
    return first.map((_, i) => default_collate(batch.map((b) => b[i])));
  }
  if (bridge.isOptions(first)) {
    return Object.fromEntries(Object.keys(first).map((k) => [k, default_collate(batch.map((b) => b[k]))]));
  }
  return batch;
}

/**
 * Iterates over a dataset in batches: `for (const [x, y] of new DataLoader(ds, {batch_size: 8, shuffle: true}))`.
 */
class DataLoader {
  constructor(dataset, options = {}) {
    const o = Object.fromEntries(Object.entries(options).map(([k, v]) => [bridge.snakeCase(k), v]));
    this.dataset = dataset;
    this.batch_size = o.batch_size ?? 1;
    this.drop_last = Boolean(o.drop_last);
    this.collate_fn = o.collate_fn ?? null;
    const jdataset = dataset instanceof TensorDataset ? dataset._j : lengthDataset(dataset.length);
    this._j = guard(() => new J.DataLoader(jdataset, this.batch_size, Boolean(o.shuffle), this.drop_last,
      o.generator ? o.generator._j : null));
  }

  get length() {
    return this._j.len();
  }

  *[Symbol.iterator]() {
    if (this.dataset instanceof TensorDataset && this.collate_fn === null) {
      for (const batch of this._j) {
        yield Array.from(batch, bridge.wrap);
      }
      return;
    }
    const collate = this.collate_fn ?? default_collate;
    for (const indices of this._j.batchIndices()) {
      yield collate(Array.from(indices, (i) => this.dataset.get(Number(i))));
    }
  }
}

/** Splits a dataset into non-overlapping random subsets of the given lengths (or fractions). */
function random_split(dataset, lengths, generator = null) {
  const subsets = guard(() => J.DataUtils.randomSplit(lengthDataset(dataset.length), lengths.map(Number),
    generator === null ? null : generator._j));
  return Array.from(subsets, (s) => new Subset(dataset, Array.from(s.indices(), Number)));
}

module.exports = {
  Dataset, TensorDataset, Subset, DataLoader, default_collate, random_split, randomSplit: random_split,
};
