'use strict';
// torch.Tensor: a thin JavaScript face on the engine's tensor. Semantics live in Java; this class
// maps JavaScript's idioms (methods instead of operators, index strings, options objects,
// iteration, typed arrays) onto the op table.

const bridge = require('./bridge.js');
const { J, TABLES, bind, guard, call, toJava, wrap, isOptions } = bridge;
const { DTYPES, dtype, dtypeFromJava, Size, float32, float64, int64, bool } = require('./dtypes.js');
const { indexItems } = require('./indexing.js');

const STANDARD = TABLES.standard;
// Lets the module's own code build a Tensor without running the user-facing constructor.
const INTERNAL = Symbol('torchglot.internal');

/** A multi-dimensional array with autograd, as torch.Tensor. Build one with torch.tensor(data). */
class Tensor {
  /** `new torch.Tensor(2, 3)` is an uninitialised float tensor; `new torch.Tensor([1, 2])` copies data. */
  constructor(...args) {
    if (args[0] === INTERNAL) {
      return;
    }
    this._t = args.length === 1 && typeof args[0] === 'object'
      ? tensor(args[0], { dtype: float32 })._t
      : call(STANDARD, 'empty', args)._t;
  }

  // ---- properties -----------------------------------------------------------------------------

  get shape() {
    return Size.from(this._t.shape());
  }

  get dtype() {
    return dtypeFromJava(this._t.dtype());
  }

  get device() {
    return 'cpu';
  }

  get is_cuda() {
    return false;
  }

  get is_cpu() {
    return true;
  }

  get ndim() {
    return this._t.dim();
  }

  get requires_grad() {
    return this._t.requiresGrad();
  }

  set requires_grad(value) {
    guard(() => this._t.requiresGrad_(Boolean(value)));
  }

  get grad() {
    return wrap(this._t.grad());
  }

  set grad(value) {
    guard(() => this._t.setGrad(toJava(value)));
  }

  /** The node that made this tensor (its name() is e.g. 'AddmmBackward0'), or null for a leaf. */
  get grad_fn() {
    return this._t.gradFn();
  }

  get is_leaf() {
    return this._t.isLeaf();
  }

  get data() {
    return newTensor(this._t.detach());
  }

  set data(value) {
    // NOTE: PyTorch swaps the storage; copying the values gives the same result for same-shaped data.
    require('./autograd.js').no_grad(() => guard(() => this._t.copy_(value._t)));
  }

  get T() {
    return call(STANDARD, 'permute', [this, [...Array(this._t.dim()).keys()].reverse()]);
  }

  get mT() {
    return call(STANDARD, 'transpose', [this, -2, -1]);
  }

  // ---- conversions ----------------------------------------------------------------------------

  /** The values as nested arrays: numbers, or booleans for a bool tensor. */
  tolist() {
    return this._t.toList((items) => Array.from(items));
  }

  /** The values, flattened, as a Float32Array. */
  toFloat32Array() {
    return Float32Array.from(this._t.toFloatArray());
  }

  /** The values, flattened, as a Float64Array. */
  toFloat64Array() {
    return Float64Array.from(this._t.toDoubleArray());
  }

  /**
   * The values, flattened, in the typed array of the dtype: Float32Array (float32), Float64Array
   * (float64), BigInt64Array (int64), Uint8Array (bool). A copy: the engine's memory is not shared
   * with scripts.
   */
  toTypedArray() {
    switch (this._t.dtype().name()) {
      case 'FLOAT64': return Float64Array.from(this._t.toDoubleArray());
      case 'INT64': return BigInt64Array.from(this._t.toLongArray(), (v) => BigInt(v));
      case 'BOOL': return Uint8Array.from(this._t.toDoubleArray());
      default: return Float32Array.from(this._t.toFloatArray());
    }
  }

  toString() {
    return this._t.toString();
  }

  [Symbol.for('nodejs.util.inspect.custom')]() {
    return this.toString();
  }

  /** Iterates over the first dim, as `for x in t` in Python. */
  *[Symbol.iterator]() {
    if (this._t.dim() === 0) {
      throw new TypeError('iteration over a 0-d tensor');
    }
    const n = this._t.size(0);
    for (let i = 0; i < n; i++) {
      yield newTensor(this._t.select(0, i));
    }
  }

  // ---- indexing -------------------------------------------------------------------------------

  /** Python's x[...]: `x.index(0)`, `x.index(':3', ':3')`, `x.index('1:, None')`, `x.index(mask)`. See indexing.js. */
  index(...items) {
    const jitems = indexItems(items);
    return wrap(guard(() => this._t.index(jitems)));
  }

  /** Python's x[...] = value: `x.index_put_([0, ':'], 5)`; a single item needs no array. */
  index_put_(items, value) {
    const jitems = indexItems(Array.isArray(items) ? items : [items]);
    const v = value instanceof Tensor ? value._t : tensor(value, { dtype: this.dtype })._t;
    guard(() => this._t.indexPut(jitems, v));
    return this;
  }

  /** libtorch's slice: the elements start, start + step, ... before end along dim. */
  slice(dim = 0, start = null, end = null, step = 1) {
    const d = dim < 0 ? dim + this._t.dim() : dim;
    const items = Array(d).fill(':');
    items.push(`${start ?? ''}:${end ?? ''}:${step}`);
    return this.index(...items);
  }

  // ---- methods --------------------------------------------------------------------------------

  backward(...args) {
    call(STANDARD, 'backward', [this, ...args]);
    return undefined;
  }

  detach_() {
    this._t.detach_();
    return this;
  }

  /** Calls hook(grad) with this tensor's gradient in backward; a tensor it returns replaces the gradient. */
  register_hook(hook) {
    return guard(() => this._t.registerHook((grad) => {
      const out = hook(wrapTensor(grad));
      return out instanceof Tensor ? out._t : null;
    }, hook.name || 'hook'));
  }

  registerHook(hook) {
    return this.register_hook(hook);
  }

  cpu() {
    return this;
  }

  cuda(...args) {
    return call(STANDARD, 'cuda', [this, ...args]);
  }

  /** Converts the dtype: `x.to(torch.float64)`, `x.to(other)`, `x.to({dtype: torch.float64})`; devices are the CPU. */
  to(...args) {
    const out = call(STANDARD, 'to', [this, ...args]);
    return out._t === this._t ? this : out;
  }

  /** The type name ('torch.FloatTensor'), or a copy converted to a dtype. */
  type(target) {
    if (target === undefined) {
      return this._t.dtype().typeName();
    }
    return this.to(target);
  }

  is_floating_point() {
    return this._t.isFloatingPoint();
  }

  is_contiguous() {
    return this._t.isContiguous();
  }

  stride(dim) {
    const strides = Array.from(this._t.strides());
    return dim === undefined ? strides : strides.at(dim);
  }

  new_tensor(data, options = {}) {
    return tensor(data, { dtype: this.dtype, ...options });
  }

  new_zeros(...args) {
    return call(STANDARD, 'new_zeros', [this, ...args]);
  }

  new_ones(...args) {
    return call(STANDARD, 'new_ones', [this, ...args]);
  }

  new_full(...args) {
    return call(STANDARD, 'new_full', [this, ...args]);
  }
}

/** nn.Parameter: a tensor a module learns; it shares the data it wraps and requires grad. */
class Parameter extends Tensor {
  constructor(data, requires_grad = true) {
    super(INTERNAL);
    if (data === INTERNAL) {
      return;
    }
    const source = data === undefined ? call(STANDARD, 'empty', [0]) : data;
    this._t = guard(() => new J.Parameter(source._t, Boolean(requires_grad)));
  }
}

/** Wraps an engine result that is known to be a plain tensor (not a Parameter). */
function newTensor(jtensor) {
  const t = new Tensor(INTERNAL);
  t._t = jtensor;
  return t;
}

/** Wraps any engine tensor, as a Parameter when it is one. */
function wrapTensor(jtensor) {
  const t = new (jtensor instanceof J.Parameter ? Parameter : Tensor)(INTERNAL);
  t._t = jtensor;
  return t;
}

// ---- the arithmetic fast path -----------------------------------------------------------------
// NOTE: a tensor-tensor or tensor-number add/sub/mul/div/pow/matmul, the hot path of a training
// loop, calls the engine's tensor method directly (one host call); everything else, and these with
// options ({alpha: 2}), goes through the op table.

function fastBinary(name, javaMethod) {
  return function (other, ...rest) {
    if (rest.length === 0) {
      if (other instanceof Tensor) {
        return fast(() => this._t[javaMethod](other._t));
      }
      if (typeof other === 'number') {
        return fast(() => this._t[javaMethod](J.Tensor.scalar(other)));
      }
    }
    return call(STANDARD, name, [this, other, ...rest]);
  };
}

function fast(fn) {
  try {
    return newTensor(fn());
  } catch (e) {
    throw bridge.translate(e);
  }
}

const FAST = {
  add: fastBinary('add', 'add'),
  sub: fastBinary('sub', 'sub'),
  mul: fastBinary('mul', 'mul'),
  div: fastBinary('div', 'div'),
  pow: fastBinary('pow', 'pow'),
  matmul(other) {
    return other instanceof Tensor && arguments.length === 1
      ? fast(() => this._t.matmul(other._t))
      : call(STANDARD, 'matmul', [this, ...arguments]);
  },
};

/** Every op of the table with a `self` parameter becomes a method (x.sum(), x.relu(), x.where(c, y), ...). */
function installTableMethods() {
  const methods = { ...FAST };
  for (const name of STANDARD.names()) {
    if (name.startsWith('_') || name in methods || name in Tensor.prototype) {
      continue;
    }
    if (STANDARD.op(name).signature().selfIndex() < 0) {
      continue;
    }
    methods[name] = bridge.methodFunction(STANDARD, name);
  }
  bridge.defineWithAliases(Tensor.prototype, methods);
  bridge.defineWithAliases(Tensor.prototype, {
    index_put_: Tensor.prototype.index_put_, detach_: Tensor.prototype.detach_,
    is_floating_point: Tensor.prototype.is_floating_point, is_contiguous: Tensor.prototype.is_contiguous,
    new_tensor: Tensor.prototype.new_tensor, new_zeros: Tensor.prototype.new_zeros,
    new_ones: Tensor.prototype.new_ones, new_full: Tensor.prototype.new_full,
  });
  for (const [alias, name] of [['requiresGrad', 'requires_grad'], ['gradFn', 'grad_fn'], ['isLeaf', 'is_leaf']]) {
    Object.defineProperty(Tensor.prototype, alias, Object.getOwnPropertyDescriptor(Tensor.prototype, name));
  }
}

installTableMethods();

// ---- creation -------------------------------------------------------------------------------

/**
 * The dtype JavaScript data asks for. JavaScript numbers are all floating point, so number data
 * is float32 (as in TensorFlow.js): `torch.tensor([1, 2])` is a float tensor. BigInts and integer
 * typed arrays give int64, booleans give bool, Float64Array gives float64.
 */
function inferDtype(data) {
  if (ArrayBuffer.isView(data)) {
    if (data instanceof Float32Array) {
      return float32;
    }
    return data instanceof Float64Array ? float64 : int64;
  }
  const seen = new Set();
  (function visit(v) {
    if (Array.isArray(v)) {
      v.forEach(visit);
    } else if (ArrayBuffer.isView(v)) {
      seen.add(v instanceof Float32Array || v instanceof Float64Array ? 'number' : 'bigint');
    } else {
      seen.add(v instanceof Tensor ? 'tensor' : typeof v);
    }
  })(data);
  if (seen.has('tensor') || seen.size === 0) {
    return null;
  }
  if (seen.has('number')) {
    return float32;
  }
  return seen.has('bigint') ? int64 : seen.has('boolean') ? bool : null;
}

/** torch.tensor(data, {dtype, requires_grad}): a tensor copied from numbers, arrays, typed arrays or a tensor. */
function tensor(data, options = {}) {
  if (data instanceof Tensor) {
    let out = data.detach().clone();
    if (options.dtype) {
      out = out.to(options.dtype);
    }
    return options.requires_grad || options.requiresGrad ? out.requires_grad_(true) : out;
  }
  const dtypeOption = options.dtype ?? inferDtype(data);
  return call(STANDARD, 'tensor', [data, { ...options, dtype: dtypeOption }]);
}

/** torch.as_tensor(data, {dtype}): data itself when it is a tensor of that dtype, else a tensor made from it. */
function as_tensor(data, options = {}) {
  const dtypeOption = options.dtype ?? null;
  if (data instanceof Tensor && (dtypeOption === null || data.dtype === dtypeOption)) {
    return data;
  }
  if (data instanceof Tensor) {
    return data.to(dtypeOption);
  }
  return tensor(data, dtypeOption === null ? {} : { dtype: dtypeOption });
}

/**
 * torch.from_numpy's JavaScript counterpart: a 1-D tensor from a typed array, in its type (Float32Array gives
 * float32, Float64Array float64, integer arrays int64). NOTE: a copy: a Java tensor cannot share a typed array's memory.
 */
function from_numpy(array) {
  if (!ArrayBuffer.isView(array) || array instanceof DataView) {
    const got = array === null ? 'null' : Array.isArray(array) ? 'Array' : array?.constructor?.name ?? typeof array;
    throw new TypeError(`expected a typed array (Float32Array, Float64Array, Int32Array, BigInt64Array...) (got ${got})`);
  }
  return tensor(array);
}

/** torch.FloatTensor and friends: data to convert, or sizes of an uninitialised tensor. */
function typedConstructor(name, type) {
  const make = (...args) => (args.length === 1 && typeof args[0] === 'object'
    ? tensor(args[0], { dtype: type })
    : call(STANDARD, 'empty', [...args, { dtype: type }]));
  Object.defineProperty(make, 'name', { value: name });
  return make;
}

bind({ Tensor, Parameter, wrapTensor });

module.exports = {
  Tensor,
  Parameter,
  tensor,
  as_tensor,
  from_numpy,
  newTensor,
  FloatTensor: typedConstructor('FloatTensor', DTYPES.float32),
  DoubleTensor: typedConstructor('DoubleTensor', DTYPES.float64),
  LongTensor: typedConstructor('LongTensor', DTYPES.int64),
  IntTensor: typedConstructor('IntTensor', DTYPES.int64),
  BoolTensor: typedConstructor('BoolTensor', DTYPES.bool),
};
