'use strict';
// torch.optim: optimizers and learning-rate schedulers from the engine's optimizer table.

const bridge = require('./bridge.js');
const { TABLES, ZERO_BASED, guard, toJava, wrap } = bridge;

/** Parameters as the engine takes them: tensors, or groups ({params: [...], lr: 0.1}). */
function javaParams(params) {
  return Array.from(params, (p) => {
    if (!bridge.isOptions(p)) {
      return toJava(p);
    }
    const group = {};
    for (const [k, v] of Object.entries(p)) {
      group[bridge.snakeCase(k)] = k === 'params' ? Array.from(v, toJava) : toJava(v);
    }
    return group;
  });
}

/** One entry of optimizer.param_groups: reading and assigning options goes to the engine's group. */
function paramGroup(jgroup) {
  return new Proxy({}, {
    get(target, key) {
      if (typeof key !== 'string') {
        return undefined;
      }
      if (key === 'params') {
        return bridge.toArray(jgroup.params());
      }
      const v = jgroup.get(bridge.snakeCase(key));
      return Java.isJavaObject(v) && Array.isArray(v) ? Array.from(v) : v;
    },
    set(target, key, value) {
      guard(() => jgroup.set(bridge.snakeCase(key), toJava(value)));
      return true;
    },
    ownKeys() {
      return ['params', ...Array.from(jgroup.options(), ([k]) => String(k))];
    },
    getOwnPropertyDescriptor(target, key) {
      return { value: this.get(target, key), writable: true, enumerable: true, configurable: true };
    },
  });
}

/** Base of the optimizers: step, zero_grad, param_groups, state_dict. */
class Optimizer {
  constructor(jopt) {
    this._j = jopt;
  }

  get param_groups() {
    return Array.from(this._j.paramGroups(), paramGroup);
  }

  get defaults() {
    return Object.fromEntries(Array.from(this._j.defaults(), ([k, v]) => [String(k), v]));
  }

  /** One update; a closure (re-evaluating the loss) is called as PyTorch does, and its loss returned. */
  step(closure) {
    if (closure === undefined) {
      guard(() => this._j.step());
      return undefined;
    }
    const losses = [];
    guard(() => this._j.step(() => {
      losses.push(closure());
      return toJava(losses[losses.length - 1]);
    }));
    // NOTE: LBFGS calls the closure many times; step returns the first loss, as PyTorch's does.
    return losses[0];
  }

  zero_grad(set_to_none = false) {
    this._j.zeroGrad(Boolean(set_to_none));
  }

  add_param_group(group) {
    guard(() => this._j.addParamGroup(javaParams([group])[0]));
  }

  state_dict() {
    return this._j.stateDict();
  }

  load_state_dict(stateDict) {
    guard(() => this._j.loadStateDict(stateDict));
  }

  toString() {
    return this._j.toString();
  }
}
bridge.defineWithAliases(Optimizer.prototype, {
  zero_grad: Optimizer.prototype.zero_grad,
  add_param_group: Optimizer.prototype.add_param_group,
  state_dict: Optimizer.prototype.state_dict,
  load_state_dict: Optimizer.prototype.load_state_dict,
});
Object.defineProperty(Optimizer.prototype, 'paramGroups', Object.getOwnPropertyDescriptor(Optimizer.prototype, 'param_groups'));

/** new torch.optim.SGD(model.parameters(), {lr: 0.1, momentum: 0.9}), and the same for the others. */
function optimizerClass(name) {
  return {
    [name]: class extends Optimizer {
      constructor(params, ...args) {
        const [positional, keywords] = bridge.splitArgs(args);
        super(guard(() => TABLES.optimizers.call(name, [javaParams(params), ...positional], keywords, ZERO_BASED)));
      }
    },
  }[name];
}

/** A scheduler's state dict (maps, lists, numbers and strings only) as plain JavaScript. */
function plain(v) {
  // NOTE: a Java null inside a list is a foreign null: == null, yet a Java object.
  if (v == null) {
    return null;
  }
  if (!Java.isJavaObject(v)) {
    return v;
  }
  if (Array.isArray(v)) {
    const items = [];
    for (const x of v) {
      items.push(plain(x));
    }
    return items;
  }
  const out = {};
  for (const [k, x] of v) {
    out[String(k)] = plain(x);
  }
  return out;
}

/** Base of the schedulers: step() once per epoch (ReduceLROnPlateau: step(metric)), get_last_lr(), state. */
class LRScheduler {
  constructor(jscheduler, optimizer) {
    this._j = jscheduler;
    this.optimizer = optimizer;
  }

  step(value) {
    if (value === undefined || value === null) {
      guard(() => this._j.step());
    } else {
      guard(() => this._j.step(toJava(value)));
    }
  }

  get_last_lr() {
    return Array.from(this._j.getLastLr());
  }

  get last_epoch() {
    return this.state_dict().last_epoch;
  }

  state_dict() {
    return plain(this._j.stateDict());
  }

  load_state_dict(stateDict) {
    guard(() => this._j.loadStateDict(toJava(stateDict)));
  }
}
bridge.defineWithAliases(LRScheduler.prototype, {
  get_last_lr: LRScheduler.prototype.get_last_lr,
  state_dict: LRScheduler.prototype.state_dict,
  load_state_dict: LRScheduler.prototype.load_state_dict,
});

/** new torch.optim.lr_scheduler.StepLR(optimizer, {step_size: 10, gamma: 0.5}), and the others. */
function schedulerClass(name) {
  const takesOptimizer = String(TABLES.optimizers.op(name).signature().params()[0].name()) === 'optimizer';
  return {
    [name]: class extends LRScheduler {
      constructor(...args) {
        const first = takesOptimizer ? args[0] : (args[0] || [])[0];
        const optimizer = first instanceof LRScheduler ? first.optimizer : first;
        const [positional, keywords] = bridge.splitArgs(args);
        super(guard(() => TABLES.optimizers.call(name, positional, keywords, ZERO_BASED)), optimizer);
      }
    },
  }[name];
}

const optimizers = { Optimizer };
const lr_scheduler = { LRScheduler };
for (const name of TABLES.optimizers.names()) {
  const returns = String(TABLES.optimizers.op(name).signature().returns());
  if (returns === 'Optimizer') {
    optimizers[name] = optimizerClass(name);
  } else if (returns === 'Scheduler') {
    lr_scheduler[name] = schedulerClass(name);
  }
}

module.exports = { ...optimizers, lr_scheduler, lrScheduler: lr_scheduler };
