'use strict';
// Grad mode: torch.no_grad(() => ...) and friends over the engine's GradMode.

const bridge = require('./bridge.js');

const { J, guard, toJava } = bridge;
const CustomFunction = Java.type('org.torchglot.engine.autograd.CustomFunction');
const Backward = Java.type('org.torchglot.engine.autograd.Backward');

/** Runs fn with gradient recording on or off, then restores the previous mode; returns fn's result. */
function withGradMode(enabled, fn) {
  const scope = J.GradMode.set(enabled);
  try {
    return fn();
  } finally {
    scope.close();
  }
}

function requireFunction(name, fn) {
  if (typeof fn !== 'function') {
    throw new TypeError(`torch.${name}() takes the code to run as a function: torch.${name}(() => ...)`);
  }
}

/** Runs fn without recording gradients and returns its result: `torch.no_grad(() => model(x))`. */
function no_grad(fn) {
  requireFunction('no_grad', fn);
  return withGradMode(false, fn);
}

/** Runs fn with gradient recording on and returns its result. */
function enable_grad(fn) {
  requireFunction('enable_grad', fn);
  return withGradMode(true, fn);
}

/** Sets grad mode; with a function, only while it runs. */
function set_grad_enabled(mode, fn) {
  if (fn === undefined) {
    J.GradMode.setEnabled(Boolean(mode));
    return undefined;
  }
  return withGradMode(Boolean(mode), fn);
}

/** The ctx of a custom Function's forward and backward. */
class FunctionCtx {
  constructor(args) {
    const { Tensor } = require('./tensor.js');
    this.saved_tensors = [];
    this.needs_input_grad = args.map((a) => a instanceof Tensor && a.requires_grad);
    this._nonDifferentiable = [];
  }

  save_for_backward(...tensors) {
    this.saved_tensors = tensors;
  }

  mark_non_differentiable(...tensors) {
    this._nonDifferentiable.push(...tensors);
  }

  set_materialize_grads(value) {
    this.materialize_grads = Boolean(value);
  }
}
bridge.defineWithAliases(FunctionCtx.prototype, {
  save_for_backward: FunctionCtx.prototype.save_for_backward,
  mark_non_differentiable: FunctionCtx.prototype.mark_non_differentiable,
  set_materialize_grads: FunctionCtx.prototype.set_materialize_grads,
});

/**
 * A differentiable operation written in JavaScript:
 * `class MyFn extends torch.autograd.Function { static forward(ctx, x) {...} static backward(ctx, g) {...} }`,
 * then `MyFn.apply(x)`. forward runs without recording; backward returns one gradient (or null) per argument.
 */
class Function {
  static apply(...args) {
    const { Tensor } = require('./tensor.js');
    const ctx = new FunctionCtx(args);
    const output = withGradMode(false, () => this.forward(ctx, ...args));
    if (!(output instanceof Tensor) || ctx._nonDifferentiable.includes(output)) {
      return output;
    }
    const backward = (grad) => {
      const grads = this.backward(ctx, bridge.wrap(grad));
      return (Array.isArray(grads) ? grads : [grads]).map((g) => (g == null ? null : toJava(g)));
    };
    return bridge.wrap(guard(() => CustomFunction.record(this.name, args.map((a) => (a instanceof Tensor ? a._t : null)),
      output._t, backward)));
  }

  static forward() {
    throw new Error('You must implement the forward function for custom autograd.Function.');
  }

  static backward() {
    throw new Error('You must implement the backward function for custom autograd.Function.');
  }
}

let inferenceModeActive = false;

/** Runs fn without recording gradients, as inference mode (the engine has no separate inference tensors). */
function inference_mode(fn) {
  requireFunction('inference_mode', fn);
  const previous = inferenceModeActive;
  inferenceModeActive = true;
  try {
    return withGradMode(false, fn);
  } finally {
    inferenceModeActive = previous;
  }
}

/** torch.autograd.grad(outputs, inputs, {grad_outputs, retain_graph, create_graph, allow_unused}): an array. */
function grad(outputs, inputs, options = {}) {
  const o = Object.fromEntries(Object.entries(options).map(([k, v]) => [bridge.snakeCase(k), v]));
  const list = (v) => (Array.isArray(v) ? v : [v]);
  const seeds = o.grad_outputs == null ? null : list(o.grad_outputs).map((s) => (s == null ? null : s._t));
  const createGraph = Boolean(o.create_graph);
  const grads = guard(() => Backward.grad(list(outputs).map((t) => t._t), list(inputs).map((t) => t._t), seeds,
    o.retain_graph ?? createGraph, createGraph, Boolean(o.allow_unused)));
  return Array.from(grads, (g) => (g == null ? null : bridge.wrap(g)));
}

/** torch.autograd.backward(tensors, grad_tensors, {retain_graph, create_graph}): backward() of each tensor. */
function backward(tensors, gradTensors = null, options = {}) {
  const o = Object.fromEntries(Object.entries(options).map(([k, v]) => [bridge.snakeCase(k), v]));
  const list = (v) => (Array.isArray(v) ? v : [v]);
  const ts = list(tensors);
  const seeds = gradTensors == null ? ts.map(() => null) : list(gradTensors);
  // NOTE: as Python's: every tensor but the last keeps the graph its successors may share.
  const retain = o.retain_graph ?? (ts.length > 1 ? true : null);
  ts.forEach((t, i) => t.backward(seeds[i], { retain_graph: retain, create_graph: Boolean(o.create_graph) }));
}

/** The pre-0.4 wrapper: today the tensor itself. */
function Variable(data, options = {}) {
  if (options.requires_grad ?? options.requiresGrad) {
    data.requires_grad_(true);
  }
  return data;
}

const anomaly = (name) => bridge.call(bridge.TABLES.standard, name, []);
const setAnomaly = (enabled, checkNan) => bridge.call(bridge.TABLES.standard, 'set_anomaly_enabled', [enabled, checkNan]);

/** Sets anomaly detection; with a function, only while it runs: `set_detect_anomaly(true, () => ...)`. */
function set_detect_anomaly(mode, fn, checkNan = true) {
  const previous = [anomaly('is_anomaly_enabled'), anomaly('is_anomaly_check_nan_enabled')];
  setAnomaly(Boolean(mode), Boolean(checkNan));
  if (fn === undefined) {
    return undefined;
  }
  try {
    return fn();
  } finally {
    setAnomaly(...previous);
  }
}

/** Runs fn with anomaly detection on: `torch.autograd.detect_anomaly(() => loss.backward())`. */
function detect_anomaly(fn) {
  requireFunction('autograd.detect_anomaly', fn);
  return set_detect_anomaly(true, fn);
}

const GradientCheck = Java.type('org.torchglot.engine.autograd.GradientCheck');

/** func as the engine calls it: Java tensors in (null where an argument is no tensor), an array of them out. */
function engineFunction(func, inputs) {
  return (jinputs) => {
    const args = inputs.map((a, i) => (jinputs[i] == null ? a : bridge.wrap(jinputs[i])));
    const out = func(...args);
    return (Array.isArray(out) ? out : [out]).map(toJava);
  };
}

function gradcheckOptions(options) {
  const o = Object.fromEntries(Object.entries(options).map(([k, v]) => [bridge.snakeCase(k), v]));
  return { eps: o.eps ?? 1e-6, atol: o.atol ?? 1e-5, rtol: o.rtol ?? 1e-3, raise: o.raise_exception ?? true,
    nondetTol: o.nondet_tol ?? 0.0, gradOutputs: o.grad_outputs };
}

function javaTensors(values) {
  const { Tensor } = require('./tensor.js');
  return values.map((v) => (v instanceof Tensor ? v._t : null));
}

function warnInputs(jinputs) {
  for (const message of GradientCheck.inputWarnings(jinputs)) {
    console.warn(`UserWarning: ${message}`);
  }
}

/**
 * torch.autograd.gradcheck(func, inputs, {eps, atol, rtol, raise_exception, nondet_tol}): func's gradients
 * at inputs (float64 tensors that require grad) against finite differences; true, or a GradcheckError.
 */
function gradcheck(func, inputs, options = {}) {
  const list = Array.isArray(inputs) ? inputs : [inputs];
  const o = gradcheckOptions(options);
  const jinputs = javaTensors(list);
  warnInputs(jinputs);
  return guard(() => GradientCheck.gradcheck(engineFunction(func, list), jinputs, o.eps, o.atol, o.rtol, Boolean(o.raise),
    o.nondetTol));
}

/** torch.autograd.gradgradcheck(func, inputs, {grad_outputs, eps, atol, rtol, raise_exception, nondet_tol}). */
function gradgradcheck(func, inputs, options = {}) {
  const list = Array.isArray(inputs) ? inputs : [inputs];
  const o = gradcheckOptions(options);
  const jinputs = javaTensors(list);
  const seeds = o.gradOutputs == null ? null : javaTensors(Array.isArray(o.gradOutputs) ? o.gradOutputs : [o.gradOutputs]);
  warnInputs(jinputs.concat(seeds ?? []));
  return guard(() => GradientCheck.gradgradcheck(engineFunction(func, list), jinputs, seeds, o.eps, o.atol, o.rtol,
    Boolean(o.raise), o.nondetTol));
}

module.exports = {
  Function,
  gradcheck,
  gradgradcheck,
  FunctionCtx,
  grad,
  backward,
  Variable,
  detect_anomaly,
  set_detect_anomaly,
  no_grad,
  enable_grad,
  set_grad_enabled,
  inference_mode,
  is_inference_mode_enabled: () => inferenceModeActive,
  is_grad_enabled: () => J.GradMode.isEnabled(),
};
