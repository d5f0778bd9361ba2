'use strict';
// torch.nn: Module, the built-in layers and losses (one class per entry of the engine's module
// table), Parameter, functional and init. The module tree, state dicts, repr and train/eval live
// in the engine's Module; this file maps JavaScript's property assignment and calling onto it.

const bridge = require('./bridge.js');
const { J, TABLES, ZERO_BASED, bind, guard, toJava, wrap, toArray } = bridge;
const { Tensor, Parameter } = require('./tensor.js');

// The engine module a built-in class passes to Module's constructor.
const FROM_JAVA = Symbol('torchglot.fromJava');
// The JavaScript objects standing for engine modules; an engine module's guest may belong to
// another language (a Python model handed to JavaScript), and then JavaScript wraps it anew.
const OWN_MODULES = new WeakSet();

/**
 * Base class of all neural-network modules, as torch.nn.Module:
 *
 *   class Net extends torch.nn.Module {
 *     constructor() { super(); this.fc = new torch.nn.Linear(2, 2); }
 *     forward(x) { return this.fc(x).relu(); }
 *   }
 *   const net = new Net();  net(x);  net.forward(x);  net.parameters();
 *
 * The constructor returns a callable Proxy over the new object: calling it runs forward, and
 * assigning a Module or Parameter to a property registers it with the engine module.
 */
class Module {
  constructor(marker, jmodule) {
    const fromJava = marker === FROM_JAVA;
    const j = fromJava ? jmodule : new J.CustomModule(new.target.name);
    this._j = j;
    const proxy = new Proxy(() => undefined, moduleHandler(this, j));
    OWN_MODULES.add(proxy);
    if (j.guest() === null) {
      j.setGuest(proxy);
    }
    if (!fromJava) {
      j.setForward((...args) => toJava(proxy.forward(...args.map(wrap))));
      const extraRepr = [proxy.extra_repr, proxy.extraRepr].find((f) => f !== Module.prototype.extra_repr);
      if (extraRepr !== undefined) {
        j.setExtraRepr(() => String(extraRepr.call(proxy)));
      }
    }
    return proxy;
  }

  forward() {
    throw new Error(`Module [${this.constructor.name}] is missing the required "forward" function`);
  }

  // ---- registration ---------------------------------------------------------------------------

  register_parameter(name, param) {
    guard(() => this._j.registerParameter(name, toJava(param)));
  }

  register_buffer(name, tensor, persistent = true) {
    guard(() => this._j.registerBuffer(name, toJava(tensor), Boolean(persistent)));
  }

  add_module(name, module) {
    guard(() => this._j.registerModule(name, toJava(module)));
  }

  // ---- traversal ------------------------------------------------------------------------------

  /** The learnable parameters, in registration order (an array, so also iterable). */
  parameters() {
    return toArray(this._j.parameters());
  }

  /** [name, parameter] pairs: `for (const [name, p] of model.named_parameters())`. */
  named_parameters() {
    return entries(this._j.namedParameters());
  }

  buffers() {
    return toArray(this._j.buffers());
  }

  named_buffers() {
    return entries(this._j.namedBuffers());
  }

  children() {
    return toArray(this._j.children());
  }

  named_children() {
    return entries(this._j.namedChildren());
  }

  modules() {
    return toArray(this._j.modules());
  }

  named_modules() {
    return entries(this._j.namedModules());
  }

  /** Parameters and persistent buffers by dotted name, detached, in an object. */
  state_dict() {
    const out = {};
    for (const [k, v] of entries(this._j.stateDict())) {
      out[k] = v.detach();
    }
    return out;
  }

  /** Copies values from a state dict; returns {missing_keys, unexpected_keys}. */
  load_state_dict(stateDict, strict = true) {
    const jdict = {};
    for (const [k, v] of Object.entries(stateDict)) {
      jdict[k] = toJava(v);
    }
    const result = guard(() => this._j.loadStateDict(jdict, Boolean(strict)));
    return { missing_keys: Array.from(result.missingKeys()), unexpected_keys: Array.from(result.unexpectedKeys()) };
  }

  apply(fn) {
    for (const child of this.children()) {
      child.apply(fn);
    }
    fn(this);
    return this;
  }

  // ---- modes ----------------------------------------------------------------------------------

  get training() {
    return this._j.isTraining();
  }

  train(mode = true) {
    this._j.train(Boolean(mode));
    return this;
  }

  eval() {
    this._j.eval();
    return this;
  }

  zero_grad(set_to_none = false) {
    this._j.zeroGrad(Boolean(set_to_none));
  }

  requires_grad_(requires_grad = true) {
    this._j.requiresGrad_(Boolean(requires_grad));
    return this;
  }

  to(...args) {
    for (const a of args) {
      guard(() => this._j.toDevice(String(a)));
    }
    return this;
  }

  cpu() {
    return this;
  }

  float() {
    return this;
  }

  extra_repr() {
    return '';
  }

  toString() {
    return this._j.toString();
  }

  [Symbol.for('nodejs.util.inspect.custom')]() {
    return this.toString();
  }
}

/** [key, wrapped value] pairs of a Java map. */
function entries(jmap) {
  return Array.from(jmap, ([k, v]) => [String(k), wrap(v)]);
}

/** Values that a module tracks when assigned to a property: PyTorch's __setattr__. */
function isTracked(j, key, value) {
  return value instanceof Parameter || value instanceof Module
    || ((value === null || value instanceof Tensor) && j.has(key));
}

/**
 * The Proxy handler of a module: properties live on `instance`, except the parameters, buffers
 * and submodules that the engine module registers; calling the proxy runs forward.
 */
function moduleHandler(instance, j) {
  const builtin = () => instance instanceof BuiltinBase;
  const registered = (key) => typeof key === 'string' && !(key in instance) && j.has(key);
  return {
    get(target, key, receiver) {
      if (registered(key)) {
        return wrap(j.get(key));
      }
      if (key in instance || typeof key !== 'string') {
        return Reflect.get(instance, key, receiver);
      }
      // A built-in module's settings are the engine's getters: in_features is inFeatures().
      const getter = bridge.camelCase(key);
      if (builtin() && typeof j[getter] === 'function') {
        return wrap(j[getter]());
      }
      return undefined;
    },
    set(target, key, value, receiver) {
      if (typeof key === 'string' && isTracked(j, key, value)) {
        guard(() => j.register(key, toJava(value)));
        delete instance[key];
        return true;
      }
      return Reflect.set(instance, key, value);
    },
    defineProperty(target, key, descriptor) {
      // NOTE: class fields (`fc = new nn.Linear(2, 2)`) define rather than assign.
      if (typeof key === 'string' && 'value' in descriptor && isTracked(j, key, descriptor.value)) {
        guard(() => j.register(key, toJava(descriptor.value)));
        return true;
      }
      return Reflect.defineProperty(instance, key, descriptor);
    },
    deleteProperty(target, key) {
      if (registered(key)) {
        j.register(key, null);
        return true;
      }
      return Reflect.deleteProperty(instance, key);
    },
    has(target, key) {
      return key in instance || registered(key);
    },
    ownKeys() {
      const names = [...entries(j.namedChildren()), ...entries(j.namedParameters())]
        .map(([k]) => k).filter((k) => !k.includes('.'));
      return [...new Set([...Reflect.ownKeys(instance), ...names])];
    },
    getOwnPropertyDescriptor(target, key) {
      if (registered(key)) {
        return { value: wrap(j.get(key)), writable: true, enumerable: true, configurable: true };
      }
      return Reflect.getOwnPropertyDescriptor(instance, key);
    },
    getPrototypeOf() {
      return Reflect.getPrototypeOf(instance);
    },
    setPrototypeOf() {
      return false;
    },
    apply(target, thisArg, args) {
      const self = j.guest();
      return (OWN_MODULES.has(self) ? self : instance).forward(...args);
    },
  };
}

/** The JavaScript object standing for an engine module: the user's own object when there is one. */
function moduleFromJava(jmodule) {
  const guest = jmodule.guest();
  if (guest !== null && OWN_MODULES.has(guest)) {
    return guest;
  }
  // NOTE: a module made elsewhere (Java, Python) runs its own forward through the engine.
  return Reflect.construct(Module, [FROM_JAVA, jmodule], BUILTIN_CLASSES[jmodule.typeName()] || BuiltinBase);
}

/** Built-in modules run the engine's forward. */
class BuiltinBase extends Module {
  forward(...args) {
    const jargs = args.map(toJava);
    return wrap(guard(() => this._j.call(...jargs)));
  }
}

/** A class for a module of the engine's table: new nn.Linear(2, 3), new nn.MSELoss({reduction: 'sum'}). */
function builtinClass(name) {
  const cls = {
    [name]: class extends BuiltinBase {
      constructor(...args) {
        if (args[0] === FROM_JAVA) {
          super(...args);
        } else {
          super(FROM_JAVA, fromTable(name, args));
        }
      }
    },
  }[name];
  return cls;
}

function fromTable(name, args) {
  const [positional, keywords] = bridge.splitArgs(args);
  return guard(() => TABLES.modules.call(name, positional, keywords, ZERO_BASED));
}

/**
 * What Sequential and ModuleList share, as Python's _ModuleSequence: indexing, length, iteration and
 * append. Copied onto both (below), since Sequential is a built-in module and ModuleList is not.
 */
class ModuleSequence {
  /** The module at a position; negative counts from the end. */
  get(index) {
    return wrap(guard(() => this._j.get(index)));
  }

  get length() {
    return this._j.len();
  }

  append(module) {
    this._j.append(toJava(module));
    return this;
  }

  extend(modules) {
    for (const m of modules) {
      this.append(m);
    }
    return this;
  }

  insert(index, module) {
    guard(() => this._j.insert(index, toJava(module)));
  }

  *[Symbol.iterator]() {
    yield* this.children();
  }
}

/** Runs its modules in order: new nn.Sequential(a, b, c), or named: new nn.Sequential({fc: a, act: b}). */
class Sequential extends BuiltinBase {
  constructor(...args) {
    if (args[0] === FROM_JAVA) {
      super(...args);
      return;
    }
    const named = args.length === 1 && bridge.isOptions(args[0]);
    // NOTE: an object of modules is PyTorch's OrderedDict form, not an options object.
    const jargs = named ? [toJava(args[0])] : args.map(toJava);
    super(FROM_JAVA, guard(() => TABLES.modules.call('Sequential', jargs, null, ZERO_BASED)));
  }
}

/** A list of modules that registers each as a submodule. */
class ModuleList extends Module {
  constructor(modules, jmodule) {
    if (modules === FROM_JAVA) {
      super(FROM_JAVA, jmodule);
      return;
    }
    const jmodules = modules === undefined ? null : Array.from(modules, toJava);
    super(FROM_JAVA, guard(() => TABLES.modules.call('ModuleList', [jmodules], null, ZERO_BASED)));
  }
}

for (const cls of [Sequential, ModuleList]) {
  for (const name of Reflect.ownKeys(ModuleSequence.prototype).filter((k) => k !== 'constructor')) {
    Object.defineProperty(cls.prototype, name, Object.getOwnPropertyDescriptor(ModuleSequence.prototype, name));
  }
}

/** What ModuleDict and ParameterDict share, as Python's _NamedMapping: a Map over the engine's ordered entries. */
class NamedMapping extends Module {
  get(key) {
    return wrap(guard(() => this._j.get(key)));
  }

  set(key, value) {
    guard(() => this._j.set(key, toJava(value)));
    return this;
  }

  has(key) {
    return this._j.contains(key);
  }

  delete(key) {
    return wrap(guard(() => this._j.pop(key)));
  }

  keys() {
    return Array.from(this._j.keys(), String);
  }

  get size() {
    return this._j.len();
  }

  /** Adds or replaces each entry of a Map or an object, in its order. */
  update(entries) {
    for (const [key, value] of entries instanceof Map ? entries : Object.entries(entries)) {
      this.set(key, value);
    }
    return this;
  }

  *[Symbol.iterator]() {
    for (const key of this.keys()) {
      yield [key, this.get(key)];
    }
  }
}

/** Modules by name, in insertion order: new nn.ModuleDict({act: new nn.ReLU(), fc: new nn.Linear(2, 3)}). */
class ModuleDict extends NamedMapping {
  constructor(modules, jmodule) {
    if (modules === FROM_JAVA) {
      super(FROM_JAVA, jmodule);
      return;
    }
    super(FROM_JAVA, guard(() => TABLES.modules.call('ModuleDict', [null], null, ZERO_BASED)));
    if (modules !== undefined) {
      this.update(modules);
    }
  }
}

/** Parameters by position: new nn.ParameterList([new nn.Parameter(w), b]); plain tensors become parameters. */
class ParameterList extends Module {
  constructor(values, jmodule) {
    if (values === FROM_JAVA) {
      super(FROM_JAVA, jmodule);
      return;
    }
    super(FROM_JAVA, guard(() => TABLES.modules.call('ParameterList', [null], null, ZERO_BASED)));
    for (const v of values || []) {
      this.append(v);
    }
  }

  get(index) {
    return wrap(guard(() => this._j.get(index)));
  }

  set(index, value) {
    guard(() => this._j.set(index, toJava(value)));
  }

  append(value) {
    guard(() => this._j.append(toJava(value)));
    return this;
  }

  get length() {
    return this._j.len();
  }

  *[Symbol.iterator]() {
    for (let i = 0; i < this.length; i++) {
      yield this.get(i);
    }
  }
}

/** Parameters by name: new nn.ParameterDict({w: new nn.Parameter(t)}); plain tensors become parameters. */
class ParameterDict extends NamedMapping {
  constructor(parameters, jmodule) {
    if (parameters === FROM_JAVA) {
      super(FROM_JAVA, jmodule);
      return;
    }
    super(FROM_JAVA, guard(() => TABLES.modules.call('ParameterDict', [null], null, ZERO_BASED)));
    this.update(parameters || {});
  }
}

const BUILTIN_CLASSES = { Sequential, ModuleList, ModuleDict, ParameterList, ParameterDict };
for (const name of TABLES.modules.names()) {
  if (!(name in BUILTIN_CLASSES)) {
    BUILTIN_CLASSES[name] = builtinClass(name);
  }
}

bridge.defineWithAliases(Module.prototype, Object.fromEntries(
  Object.getOwnPropertyNames(Module.prototype)
    .filter((name) => name.includes('_') && typeof Object.getOwnPropertyDescriptor(Module.prototype, name).value === 'function')
    .map((name) => [name, Module.prototype[name]])));

bind({ Module, moduleFromJava });

/** torch.nn.functional: every function comes from the engine's functional table. */
const functional = {};
bridge.defineWithAliases(functional, bridge.tableFunctions(TABLES.functional));

/** torch.nn.init: in-place initialisers from the engine's init table. */
const init = {};
bridge.defineWithAliases(init, bridge.tableFunctions(TABLES.init));
/** torch.nn.utils: gradient clipping from the engine's utils table. */
const utils = {};
bridge.defineWithAliases(utils, bridge.tableFunctions(TABLES.utils));

module.exports = { Module, Parameter, Sequential, ModuleList, ModuleDict, ParameterList, ParameterDict, ...BUILTIN_CLASSES,
  functional, init, utils };
