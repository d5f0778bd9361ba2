'use strict';
// torch.utils.data: datasets and the DataLoader. Batch order comes from the engine's DataLoader,
// so a seeded shuffle visits samples in PyTorch's order.

const bridge = require('./bridge.js');
const { J, TABLES, ZERO_BASED, guard } = bridge;
const { Tensor, tensor } = require('./tensor.js');

const E = Object.fromEntries(['ConcatDataset', 'SequentialSampler', 'RandomSampler', 'SubsetRandomSampler',
  'WeightedRandomSampler', 'BatchSampler'].map((n) => [n, Java.type(`org.torchglot.engine.data.${n}`)]));
const snakeKeys = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [bridge.snakeCase(k), v]));

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

/** The datasets one after another: get(i) finds the dataset by the cumulative sizes. */
class ConcatDataset extends Dataset {
  constructor(datasets) {
    super();
    this.datasets = Array.from(datasets);
    this._j = guard(() => new E.ConcatDataset(this.datasets.map((d) => lengthDataset(d.length))));
    this.cumulative_sizes = Array.from(this._j.cumulativeSizes(), Number);
  }

  get(index) {
    const [dataset, sample] = Array.from(guard(() => this._j.locate(index)), Number);
    return this.datasets[dataset].get(sample);
  }

  get length() {
    return this._j.len();
  }
}

/** A dataset that is iterated (`*[Symbol.iterator]()`) rather than indexed. */
class IterableDataset {
  [Symbol.iterator]() {
    throw new Error(`${this.constructor.name} must define [Symbol.iterator]()`);
  }
}

/** Iterable datasets one after another. */
class ChainDataset extends IterableDataset {
  constructor(datasets) {
    super();
    this.datasets = Array.from(datasets);
  }

  *[Symbol.iterator]() {
    for (const d of this.datasets) {
      yield* d;
    }
  }
}

/** Samplers whose indices the engine draws: `for (const i of sampler)`, `sampler.length`. */
class Sampler {
  constructor(jsampler) {
    this._j = jsampler;
  }

  *[Symbol.iterator]() {
    yield* Array.from(guard(() => this._j.indices()), Number);
  }

  get length() {
    return this._j.len();
  }
}

const generatorOf = (o) => (o.generator ? o.generator._j : null);

class SequentialSampler extends Sampler {
  constructor(dataSource) {
    super(new E.SequentialSampler(dataSource.length));
  }
}

class RandomSampler extends Sampler {
  constructor(dataSource, options = {}) {
    const o = snakeKeys(options);
    super(guard(() => new E.RandomSampler(dataSource.length, Boolean(o.replacement), o.num_samples ?? null,
      generatorOf(o))));
  }
}

class SubsetRandomSampler extends Sampler {
  constructor(indices, options = {}) {
    super(guard(() => new E.SubsetRandomSampler(Array.from(indices, Number), generatorOf(options))));
  }
}

class WeightedRandomSampler extends Sampler {
  constructor(weights, numSamples, options = {}) {
    const o = snakeKeys(options);
    const w = weights instanceof Tensor ? weights.tolist() : Array.from(weights, Number);
    super(guard(() => new E.WeightedRandomSampler(w, numSamples, o.replacement ?? true, generatorOf(o))));
  }
}

/** Batches of a sampler's indices. */
class BatchSampler {
  constructor(sampler, batchSize, dropLast) {
    this.sampler = sampler;
    this._j = guard(() => new E.BatchSampler(sampler._j, batchSize, Boolean(dropLast)));
  }

  *[Symbol.iterator]() {
    for (const batch of guard(() => this._j.batches())) {
      yield Array.from(batch, Number);
    }
  }

  get length() {
    return this._j.len();
  }
}

/** A stand-in for a JavaScript dataset on the engine side, which only needs its length. */
function lengthDataset(n) {
  return new J.TensorDataset(TABLES.standard.call('zeros', [n], null, ZERO_BASED));
}

/** What a DataLoader does to each sample without batching: typed arrays become tensors, arrays and objects item by item. */
function default_convert(data) {
  if (ArrayBuffer.isView(data) && !(data instanceof DataView)) {
    return tensor(data);
  }
  if (Array.isArray(data)) {
    return data.map(default_convert);
  }
  if (bridge.isOptions(data)) {
    return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, default_convert(v)]));
  }
  return data;
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
    const o = snakeKeys(options);
    this.dataset = dataset;
    this.batch_size = o.batch_sampler ? null : (o.batch_size ?? 1);
    this.drop_last = Boolean(o.drop_last);
    this.collate_fn = o.collate_fn ?? null;
    this.generator = o.generator ?? null;
    if (dataset instanceof IterableDataset) {
      this._j = null;
      return;
    }
    const jdataset = dataset instanceof TensorDataset ? dataset._j : lengthDataset(dataset.length);
    this._j = guard(() => new J.DataLoader(jdataset, o.batch_size ?? 1, Boolean(o.shuffle),
      o.sampler ? o.sampler._j : null, o.batch_sampler ? o.batch_sampler._j : null, this.drop_last,
      this.generator ? this.generator._j : null));
  }

  get length() {
    return this._j.len();
  }

  *[Symbol.iterator]() {
    const collate = this.collate_fn ?? default_collate;
    if (this._j === null) {
      // An IterableDataset: its items in order, batch_size at a time.
      J.DataLoader.startEpoch(this.generator ? this.generator._j : null);
      let batch = [];
      for (const item of this.dataset) {
        batch.push(item);
        if (batch.length === this.batch_size) {
          yield collate(batch);
          batch = [];
        }
      }
      if (batch.length > 0 && !this.drop_last) {
        yield collate(batch);
      }
      return;
    }
    if (this.dataset instanceof TensorDataset && this.collate_fn === null) {
      for (const batch of this._j) {
        yield Array.from(batch, bridge.wrap);
      }
      return;
    }
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
  Dataset, TensorDataset, Subset, ConcatDataset, IterableDataset, ChainDataset, DataLoader, default_collate, default_convert,
  defaultCollate: default_collate, random_split, randomSplit: random_split, Sampler, SequentialSampler, RandomSampler,
  SubsetRandomSampler, WeightedRandomSampler, BatchSampler,
};
