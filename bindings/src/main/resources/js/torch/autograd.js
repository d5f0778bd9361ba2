'use strict';
// Grad mode: torch.no_grad(() => ...) and friends over the engine's GradMode.

const { J } = require('./bridge.js');

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

module.exports = {
  no_grad,
  enable_grad,
  set_grad_enabled,
  inference_mode: no_grad,
  is_grad_enabled: () => J.GradMode.isEnabled(),
};
