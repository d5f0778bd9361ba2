'use strict';
// torch.dtype objects over the engine's DType, and torch.Size.

const { J, bind, guard, callableClass } = require('./bridge.js');

/** A tensor element type; torch.float32 and friends are the only instances. */
class dtype {
  constructor(jdtype, name) {
    this._j = jdtype;
    this.name = name;
    Object.freeze(this);
  }

  get is_floating_point() {
    return this._j.isFloatingPoint();
  }

  toString() {
    return 'torch.' + this.name;
  }

  [Symbol.for('nodejs.util.inspect.custom')]() {
    return this.toString();
  }
}

const float32 = new dtype(J.DType.FLOAT32, 'float32');
const float64 = new dtype(J.DType.FLOAT64, 'float64');
const int64 = new dtype(J.DType.INT64, 'int64');
const bool = new dtype(J.DType.BOOL, 'bool');

const BY_JAVA_NAME = { FLOAT32: float32, FLOAT64: float64, INT64: int64, BOOL: bool };

/** The dtype standing for an engine DType. */
function dtypeFromJava(jdtype) {
  return BY_JAVA_NAME[jdtype.name()];
}

/** A tensor's shape: an array of sizes that prints as PyTorch's torch.Size([2, 3]). */
class Size extends Array {
  static get [Symbol.species]() {
    return Array;
  }

  numel() {
    return this.reduce((a, b) => a * b, 1);
  }

  toString() {
    return 'torch.Size([' + this.join(', ') + '])';
  }

  [Symbol.for('nodejs.util.inspect.custom')]() {
    return this.toString();
  }
}

bind({ dtypeFromJava, Size });

// NOTE: the engine has no int32 or float16; torch.int is int64 here, as in the Python package.
const DTYPES = {
  float32, float: float32, float64, double: float64, int64, long: int64, int: int64, int32: int64, bool,
};

const TypeInfo = Java.type('org.torchglot.engine.format.TypeInfo');

function javaDtype(type, fn) {
  if (type === null || type === undefined) {
    return null;
  }
  if (!(type instanceof dtype)) {
    const got = Array.isArray(type) ? 'Array' : type?.constructor?.name ?? typeof type;
    throw new TypeError(`${fn}(): argument 'type' (position 1) must be torch.dtype, not ${got}`);
  }
  return type._j;
}

/** torch.finfo(type = torch.float32): bits, eps, max, min, tiny (= smallest_normal) and resolution of a float dtype. */
class finfo {
  constructor(type = null) {
    const j = guard(() => TypeInfo.finfo(javaDtype(type, 'finfo')));
    Object.assign(this, { bits: j.bits(), eps: j.eps(), max: j.max(), min: j.min(), tiny: j.tiny(),
      smallest_normal: j.smallestNormal(), resolution: j.resolution(), dtype: j.dtype() });
    Object.defineProperty(this, '_repr', { value: j.toString() });
    Object.freeze(this);
  }

  toString() {
    return this._repr;
  }

  [Symbol.for('nodejs.util.inspect.custom')]() {
    return this._repr;
  }
}

/** torch.iinfo(type): bits, min and max of an integer dtype (min and max are BigInts: int64 exceeds a number). */
class iinfo {
  constructor(type) {
    if (type === null || type === undefined) {
      throw new TypeError("iinfo(): argument 'type' (position 1) must be torch.dtype, not undefined");
    }
    const j = guard(() => TypeInfo.iinfo(javaDtype(type, 'iinfo')));
    // NOTE: two's complement limits from the bits, as BigInts; a Java long past 2^53 would arrive rounded.
    const half = 1n << BigInt(j.bits() - 1);
    Object.assign(this, { bits: j.bits(), min: -half, max: half - 1n, dtype: j.dtype() });
    Object.defineProperty(this, '_repr', { value: j.toString() });
    Object.freeze(this);
  }

  toString() {
    return this._repr;
  }

  [Symbol.for('nodejs.util.inspect.custom')]() {
    return this._repr;
  }
}

module.exports = { finfo: callableClass(finfo), iinfo: callableClass(iinfo), dtype, DTYPES, dtypeFromJava, Size, float32, float64, int64, bool };
