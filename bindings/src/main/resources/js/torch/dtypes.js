'use strict';
// torch.dtype objects over the engine's DType, and torch.Size.

const { J, bind } = require('./bridge.js');

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

module.exports = { dtype, DTYPES, dtypeFromJava, Size, float32, float64, int64, bool };
