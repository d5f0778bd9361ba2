'use strict';
// js-pytorch's API (npm package js-pytorch 0.7) on torchglot's engine, for scripts written for it:
// `const { torch } = require('js-pytorch')` or `const torch = require('js-pytorch')`, then
// torch.randn([8, 4, 5], true), new nn.Linear(16, 32), model.forward(x), new optim.Adam(params, 3e-3).
//
// A thin adapter over require('torch'): its tensors are torch tensors whose `data` and `grad` are
// nested arrays as in js-pytorch, and whose sum/mean/variance reduce the last dim by default;
// shapes are arrays, requires_grad and device are positional. Everything runs on the CPU: device
// 'gpu' is accepted and ignored. Its transformer layers are not provided (see MISSING).

const torch = require('torch');
const bridge = require('./torch/bridge.js');

const LAST_DIM = -1;
const MLP_SCOPE = `tensors, autograd, nn.Module, Linear, FullyConnected, ReLU, Softmax, Dropout, ${
  torch.nn.LayerNorm === undefined ? '' : 'LayerNorm, '}CrossEntropyLoss, MSELoss, optim.Adam, torch.save and torch.load`;

// ---- tensors ------------------------------------------------------------------------------------

/** js-pytorch's Tensor: new Tensor(data, requires_grad = false, device = 'cpu'). */
class Tensor extends torch.Tensor {
  constructor(data, requires_grad = false, device = 'cpu') {
    // NOTE: returning an object from a derived constructor skips torch.Tensor's own argument handling.
    return fromTorch(make(data, requires_grad, device), new.target);
  }

  /** The values as nested arrays; a one-value result (a loss) is a one-item array, as js-pytorch's. */
  get data() {
    const values = this.tolist();
    return Array.isArray(values) ? values : [values];
  }

  set data(values) {
    torch.no_grad(() => this.copy_(torch.tensor(values).reshape(this.shape)));
  }

  /** The gradient as nested arrays, or undefined before backward(). */
  get grad() {
    const grad = super.grad;
    return grad === null || grad === undefined ? undefined : fromTorch(grad).data;
  }

  set grad(value) {
    super.grad = value;
  }

  get length() {
    return this.shape[0];
  }

  get ndims() {
    return this.ndim;
  }

  /** Back-propagates from this tensor; a tensor of many values seeds each with 1, as js-pytorch does. */
  backward(grad = null) {
    const seed = grad === null && this.numel() !== 1 ? torch.ones_like(this) : grad;
    return seed === null ? super.backward() : super.backward(seed);
  }

  zero_grad() {
    super.grad = null;
  }

  zero_grad_graph() {
    this.zero_grad();
  }

  /** Accepted for js-pytorch scripts; torchglot runs on the CPU. */
  to() {
  }

  sum(dim = LAST_DIM, keepdims = false) {
    return adopt(super.sum(dim, keepdims));
  }

  mean(dim = LAST_DIM, keepdims = false) {
    return adopt(super.mean(dim, keepdims));
  }

  /** The population variance along dim (js-pytorch divides by n). */
  variance(dim = LAST_DIM, keepdims = false) {
    return adopt(super.var(dim, { unbiased: false, keepdim: keepdims }));
  }

  /** Rows at idx1, or with idx2 the items at (idx1[i], idx2[i]). */
  at(idx1, idx2) {
    return idx2 === undefined ? adopt(this.index(indices(idx1))) : adopt(this.index(indices(idx1), indices(idx2)));
  }

  /** value where condition(mask item) holds, as js-pytorch's masked_fill(mask, condition, value). */
  masked_fill(mask, condition, value) {
    const where = torch.tensor(flatten(torch.Tensor.prototype.tolist.call(mask)).map((x) => Boolean(condition(x))))
      .reshape(mask.shape);
    return adopt(super.masked_fill(where, value));
  }

  reshape(shape) {
    return adopt(super.reshape(...(Array.isArray(shape) ? [shape] : arguments)));
  }
}

/** js-pytorch's Parameter: a tensor that always tracks gradients. */
class Parameter extends Tensor {
  constructor(data) {
    return fromTorch(new torch.nn.Parameter(make(data, false, 'cpu')), new.target);
  }
}

function checkDevice(device) {
  if (device !== 'cpu' && device !== 'gpu') {
    throw new RangeError(`device must be 'cpu' or 'gpu', not ${JSON.stringify(device)}`);
  }
}

function make(data, requires_grad, device) {
  checkDevice(device);
  const t = data instanceof torch.Tensor ? data.detach().clone() : torch.tensor(data);
  return Boolean(requires_grad) ? t.requires_grad_(true) : t;
}

/** The same engine tensor seen through js-pytorch's class. */
function fromTorch(t, cls = t instanceof torch.nn.Parameter ? Parameter : Tensor) {
  const adopted = Object.create(cls.prototype);
  adopted._t = t._t;
  return adopted;
}

/** A torch result as js-pytorch's scripts see it: tensors (also inside arrays) in js-pytorch's class. */
function adopt(value) {
  if (value instanceof Tensor) {
    return value;
  }
  if (value instanceof torch.Tensor) {
    return fromTorch(value);
  }
  return Array.isArray(value) ? value.map(adopt) : value;
}

function indices(idx) {
  return idx instanceof torch.Tensor ? idx.long() : torch.tensor(flatten([idx]), { dtype: torch.long });
}

function flatten(values) {
  return Array.isArray(values) ? values.flat(Infinity) : [values];
}

// Every other torch.Tensor method, its result in js-pytorch's class: x.matmul(w).add(b).exp().
for (const name of Object.getOwnPropertyNames(torch.Tensor.prototype)) {
  const descriptor = Object.getOwnPropertyDescriptor(torch.Tensor.prototype, name);
  if (name === 'constructor' || typeof descriptor.value !== 'function' || Object.prototype.hasOwnProperty.call(Tensor.prototype, name)) {
    continue;
  }
  const method = descriptor.value;
  Object.defineProperty(Tensor.prototype, name, {
    value: { [name](...args) { return adopt(method.apply(this, args)); } }[name],
    writable: true,
    configurable: true,
  });
}

// ---- creation functions -------------------------------------------------------------------------

function shaped(shape) {
  return Array.isArray(shape) ? shape : [shape];
}

function created(t, requires_grad, device) {
  checkDevice(device);
  return fromTorch(Boolean(requires_grad) ? t.requires_grad_(true) : t);
}

const creation = {
  tensor: (data, requires_grad = false, device = 'cpu') => new Tensor(data, requires_grad, device),
  zeros: (shape, requires_grad = false, device = 'cpu') => created(torch.zeros(shaped(shape)), requires_grad, device),
  ones: (shape, requires_grad = false, device = 'cpu') => created(torch.ones(shaped(shape)), requires_grad, device),
  rand: (shape, requires_grad = false, device = 'cpu') => created(torch.rand(shaped(shape)), requires_grad, device),
  /** Normal values; xavier divides them by the square root of the first dim. */
  randn: (shape, requires_grad = false, device = 'cpu', xavier = false) => {
    const values = torch.randn(shaped(shape));
    return created(xavier ? values.div(Math.sqrt(shaped(shape)[0])) : values, requires_grad, device);
  },
  /** Whole numbers in [low, high), int64. */
  randint: (low = 0, high = 1, shape = [1], requires_grad = false) => created(torch.randint(low, high, shaped(shape)), requires_grad, 'cpu'),
  /** Ones on and below the diagonal. */
  tril: (shape, requires_grad = false, device = 'cpu') => {
    const [rows, columns = rows] = shaped(shape);
    const below = torch.arange(rows).unsqueeze(1).ge(torch.arange(columns).unsqueeze(0));
    return created(below.to(torch.float32), requires_grad, device);
  },
};

// ---- functions of tensors -----------------------------------------------------------------------

function asTensor(value) {
  return value instanceof torch.Tensor ? value : new Tensor(value);
}

const functions = {
  add: (a, b) => adopt(asTensor(a).add(b)),
  sub: (a, b) => adopt(asTensor(a).sub(b)),
  neg: (a) => adopt(asTensor(a).neg()),
  mul: (a, b) => adopt(asTensor(a).mul(b)),
  div: (a, b) => adopt(asTensor(a).div(b)),
  matmul: (a, b) => adopt(asTensor(a).matmul(b)),
  exp: (a) => adopt(asTensor(a).exp()),
  log: (a) => adopt(asTensor(a).log()),
  sqrt: (a) => adopt(asTensor(a).sqrt()),
  pow: (a, n) => adopt(asTensor(a).pow(n)),
  sum: (a, dim = LAST_DIM, keepdims = false) => adopt(asTensor(a)).sum(dim, keepdims),
  mean: (a, dim = LAST_DIM, keepdims = false) => adopt(asTensor(a)).mean(dim, keepdims),
  variance: (a, dim = LAST_DIM, keepdims = false) => adopt(asTensor(a)).variance(dim, keepdims),
  transpose: (a, dim1, dim2) => adopt(asTensor(a)).transpose(dim1, dim2),
  at: (a, idx1, idx2) => adopt(asTensor(a)).at(idx1, idx2),
  masked_fill: (a, mask, condition, value) => adopt(asTensor(a)).masked_fill(mask, condition, value),
  reshape: (a, shape) => adopt(asTensor(a)).reshape(shape),
  /** b expanded to a's shape. */
  broadcast: (a, b) => adopt(asTensor(b).expand(asTensor(a).shape)),
  /** A nested array of values in the given shape. */
  _reshape: (values, shape) => torch.tensor(flatten(values), { dtype: torch.float64 }).reshape(shape).tolist(),
  /** The shape of nested arrays. */
  getShape: (data, shape = []) => (Array.isArray(data) ? functions.getShape(data[0], [...shape, data.length]) : shape),
};

// ---- nn -----------------------------------------------------------------------------------------

/** js-pytorch's nn.Module: subclasses set layers in their constructor and define forward(x). */
class Module extends torch.nn.Module {
  parameters() {
    return super.parameters().map(adopt);
  }

  /** [name, value] pairs of the module's own properties, layers and parameters. */
  entries() {
    return Object.entries(this);
  }

  get mode() {
    return this.training ? 'train' : 'eval';
  }
}

// js-pytorch's built-in layers: torch's modules taking js-pytorch's constructor arguments, forward()
// giving js-pytorch tensors.
function layer(base, construct) {
  const cls = class extends base {
    constructor(...args) {
      super(...construct(...args));
    }

    parameters() {
      return super.parameters().map(adopt);
    }

    entries() {
      return Object.entries(this);
    }

    get mode() {
      return this.training ? 'train' : 'eval';
    }

    forward(...args) {
      return adopt(super.forward(...args));
    }
  };
  Object.defineProperty(cls, 'name', { value: base.name });
  return cls;
}

/** new nn.Linear(in_size, out_size, device = 'cpu', bias = true): x @ W + b, W being weight.T. */
class Linear extends layer(torch.nn.Linear, (in_size, out_size, device = 'cpu', bias = true) => {
  checkDevice(device);
  return [in_size, out_size, { bias: Boolean(bias) }];
}) {
  get W() {
    return adopt(this.weight.T);
  }

  get b() {
    return this.bias === null ? undefined : adopt(this.bias);
  }
}

const ReLU = layer(torch.nn.ReLU, () => []);
const Dropout = layer(torch.nn.Dropout, (drop_prob = 0.5) => [drop_prob]);

/** new nn.Softmax(); forward(z, dim = -1). */
class Softmax extends layer(torch.nn.Softmax, () => [LAST_DIM]) {
  forward(z, dim = LAST_DIM) {
    return adopt(torch.nn.functional.softmax(z, dim));
  }
}

/** Cross-entropy of logits (..., classes) against class indices (...): leading dims are flattened. */
class CrossEntropyLoss extends layer(torch.nn.CrossEntropyLoss, () => []) {
  forward(z, y) {
    const classes = z.shape[z.shape.length - 1];
    const target = y.is_floating_point() ? y.long() : y;
    return adopt(super.forward(z.reshape([-1, classes]), target.reshape([-1])));
  }
}

/** Mean squared error. */
const MSELoss = layer(torch.nn.MSELoss, () => []);

/** Linear to twice the width, ReLU, Linear, Dropout. */
class FullyConnected extends Module {
  constructor(in_size, out_size, dropout_prob = 0, device = 'cpu', bias = true) {
    super();
    this.l1 = new Linear(in_size, in_size * 2, device, bias);
    this.relu = new ReLU();
    this.l2 = new Linear(in_size * 2, out_size, device);
    this.dropout = new Dropout(dropout_prob);
  }

  forward(x) {
    return this.dropout.forward(this.l2.forward(this.relu.forward(this.l1.forward(x))));
  }
}

/** js-pytorch's layers torchglot has no engine module for: constructing one says what is missing. */
function missing(name, what, torchName) {
  const cls = class {
    constructor(...args) {
      if (torchName !== undefined && torch.nn[torchName] !== undefined) {
        return new torch.nn[torchName](...args);
      }
      throw new Error(`js-pytorch's nn.${name} (${what}) is not available in torchglot`
        + `${torchName === undefined ? '' : `: it needs torch.nn.${torchName}, which torchglot does not have yet`}. `
        + `require('js-pytorch') covers ${MLP_SCOPE}.`);
    }
  };
  Object.defineProperty(cls, 'name', { value: name });
  return cls;
}

const LayerNorm = torch.nn.LayerNorm === undefined ? missing('LayerNorm', 'layer normalisation', 'LayerNorm')
  : layer(torch.nn.LayerNorm, (n_embed) => [n_embed]);

const nn = {
  Module,
  Linear,
  FullyConnected,
  ReLU,
  Softmax,
  Dropout,
  LayerNorm,
  CrossEntropyLoss,
  MSELoss,
  MultiHeadSelfAttention: missing('MultiHeadSelfAttention', 'a transformer attention layer'),
  Block: missing('Block', 'a transformer decoder block'),
  Embedding: missing('Embedding', 'token embeddings'),
  PositionalEmbedding: missing('PositionalEmbedding', 'position embeddings'),
};

// ---- optim --------------------------------------------------------------------------------------

/** new optim.Adam(params, lr = 1e-3, reg = 0, betas = [0.9, 0.99], eps = 1e-9): reg is L2 weight decay. */
class Adam extends torch.optim.Adam {
  constructor(params, lr = 1e-3, reg = 0, betas = [0.9, 0.99], eps = 1e-9) {
    super(params, { lr, betas, eps, weight_decay: reg });
  }
}

// ---- saving -------------------------------------------------------------------------------------

function guestFiles() {
  const files = Polyglot.import('torchglot.files');
  if (files === undefined || files === null) {
    throw new Error('torch.save/torch.load need a torchglot context');
  }
  return files;
}

/** Saves the model's parameters (its state dict, in PyTorch's file format) to file. */
function save(model, file) {
  if (!(model instanceof torch.nn.Module)) {
    throw new TypeError('torch.save(model, file) saves an nn.Module; js-pytorch saves whole models');
  }
  const state = {};
  for (const [name, value] of Object.entries(model.state_dict())) {
    state[name] = value._t;
  }
  guestFiles().save(state, String(file));
}

/** Loads parameters saved by torch.save into model (built with the same architecture) and returns it. */
function load(model, file) {
  if (typeof model === 'string' && file === undefined) {
    throw new TypeError(`js-pytorch loads into a model of the same architecture: torch.load(model, ${JSON.stringify(model)})`);
  }
  const state = guestFiles().load(String(file)).value();
  // NOTE: the state dict stays the engine's map of engine tensors; the engine module copies from it.
  bridge.guard(() => model._j.loadStateDict(state, true));
  return model;
}

// ---- the module ---------------------------------------------------------------------------------

const jsTorch = {
  Tensor,
  Parameter,
  ...creation,
  ...functions,
  save,
  load,
  nn,
  optim: { Adam },
};
// NOTE: js-pytorch's README destructures ({ torch }); its tutorials use the module itself as torch.
jsTorch.torch = jsTorch;

module.exports = jsTorch;
