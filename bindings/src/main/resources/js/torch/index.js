'use strict';
// PyTorch's API for JavaScript on the torchglot engine: `const torch = require('torch')` or
// `import * as torch from 'torch'`. Ops come from the engine's op table; this module maps
// JavaScript idioms onto it:
//
// - Methods stand in for operators: x.matmul(w).add(b).relu(), a.sub(b).pow(2).mean().
// - A trailing options object is Python's keyword arguments: torch.zeros(2, 3, {dtype: torch.float64}).
//   Option names may be snake_case (requires_grad) or camelCase (requiresGrad).
// - Every snake_case function also has a camelCase name: torch.manual_seed / torch.manualSeed.
// - Number data is float32 (JavaScript has one number type); BigInts and integer typed arrays are int64.
// - Indexing: x.index(0), x.index(':3', ':3'), x.index_put_([0, ':'], 1) (see indexing.js).
// - torch.no_grad(() => ...) runs a function without recording gradients.
// - class Net extends torch.nn.Module { ... }: assigned modules and parameters are registered,
//   net(x) calls forward.
// - Engine errors are Error, TypeError or RangeError with PyTorch's message.

const bridge = require('./bridge.js');
const dtypes = require('./dtypes.js');
const random = require('./random.js');
const autograd = require('./autograd.js');
const tensors = require('./tensor.js');
const nn = require('./nn.js');
const optim = require('./optim.js');
const data = require('./data.js');
const serialization = require('./serialization.js');

/** torch.device: only the CPU exists; `torch.device('cpu')`, `torch.device('cpu', 0)`, `torch.device('cpu:0')`. */
class device {
  constructor(type = 'cpu', index = null) {
    if (type instanceof device) {
      ({ type, index } = type);
    }
    const [kind, number] = String(type).split(':');
    this.type = kind;
    this.index = number === undefined ? index : Number(number);
    Object.freeze(this);
  }

  toString() {
    return this.index === null ? this.type : `${this.type}:${this.index}`;
  }

  [Symbol.for('nodejs.util.inspect.custom')]() {
    return this.index === null ? `device(type='${this.type}')` : `device(type='${this.type}', index=${this.index})`;
  }
}

const torch = {
  __version__: '1.13.1',
  ...dtypes.DTYPES,
  dtype: dtypes.dtype,
  Size: dtypes.Size,
  Tensor: tensors.Tensor,
  Generator: random.Generator,
  default_generator: random.default_generator,
  nn,
  optim,
  utils: { data },
  linalg: {},
  autograd: {
    Function: autograd.Function, grad: autograd.grad, backward: autograd.backward, Variable: autograd.Variable,
    no_grad: autograd.no_grad, enable_grad: autograd.enable_grad, set_grad_enabled: autograd.set_grad_enabled,
    inference_mode: autograd.inference_mode, detect_anomaly: autograd.detect_anomaly,
    set_detect_anomaly: autograd.set_detect_anomaly, gradcheck: autograd.gradcheck, gradgradcheck: autograd.gradgradcheck,
  },
};
bridge.defineWithAliases(torch.linalg, bridge.tableFunctions(bridge.TABLES.linalg));

bridge.defineWithAliases(torch, bridge.tableFunctions(bridge.TABLES.standard));
// These replace the table's ops of the same names with JavaScript-aware versions.
for (const [name, f] of Object.entries({
  tensor: tensors.tensor,
  manual_seed: random.manual_seed,
  seed: random.seed,
  initial_seed: random.initial_seed,
  no_grad: autograd.no_grad,
  enable_grad: autograd.enable_grad,
  set_grad_enabled: autograd.set_grad_enabled,
  inference_mode: autograd.inference_mode,
  is_grad_enabled: autograd.is_grad_enabled,
  is_tensor: (x) => x instanceof tensors.Tensor,
  is_floating_point: (input) => input.is_floating_point(),
  is_inference_mode_enabled: autograd.is_inference_mode_enabled,
  as_tensor: tensors.as_tensor,
  from_numpy: tensors.from_numpy,
  save: serialization.save,
  load: serialization.load,
  get_rng_state: random.get_rng_state,
  set_rng_state: random.set_rng_state,
  finfo: dtypes.finfo,
  iinfo: dtypes.iinfo,
  device: bridge.callableClass(device),
  FloatTensor: tensors.FloatTensor,
  DoubleTensor: tensors.DoubleTensor,
  LongTensor: tensors.LongTensor,
  IntTensor: tensors.IntTensor,
  BoolTensor: tensors.BoolTensor,
  set_printoptions,
})) {
  delete torch[name];
  delete torch[bridge.camelCase(name)];
  bridge.defineWithAliases(torch, { [name]: f });
}

/** Printing options of tensors: {precision, threshold, edgeitems, linewidth, profile, sci_mode}. */
function set_printoptions(options = {}) {
  const o = Object.fromEntries(Object.entries(options).map(([k, v]) => [bridge.snakeCase(k), v]));
  bridge.J.PyTorchFormatter.options().set(o.precision ?? null, o.threshold ?? null, o.edgeitems ?? null,
    o.linewidth ?? null, o.profile ?? null, o.sci_mode ?? null);
}

module.exports = torch;
