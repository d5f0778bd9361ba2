'use strict';
// The one place where JavaScript meets the torchglot engine: Java types, argument conversion,
// result wrapping and error translation. Every other file of the module goes through here.

const engine = (name) => Java.type('org.torchglot.engine.' + name);

const OpTable = engine('api.OpTable');
const ZERO_BASED = engine('api.Convention').ZERO_BASED;

const J = {
  Tensor: engine('tensor.Tensor'),
  DType: engine('tensor.DType'),
  Index: engine('tensor.Index'),
  TorchException: engine('tensor.TorchException'),
  GradMode: engine('autograd.GradMode'),
  Generator: engine('random.Generator'),
  PyTorchFormatter: engine('format.PyTorchFormatter'),
  Module: engine('nn.Module'),
  CustomModule: engine('nn.CustomModule'),
  Parameter: engine('nn.Parameter'),
  DataLoader: engine('data.DataLoader'),
  TensorDataset: engine('data.TensorDataset'),
  DataUtils: engine('data.DataUtils'),
};

const TABLES = {
  standard: OpTable.standard(),
  functional: OpTable.functional(),
  modules: OpTable.modules(),
  optimizers: OpTable.optimizers(),
  init: OpTable.init(),
  linalg: OpTable.linalg(),
  utils: OpTable.utils(),
};

// The module's own classes, registered by the files that define them (see bind): wrap() needs
// them, and they need wrap().
const classes = {};

/** Registers classes of the module that results are wrapped in (Tensor, Parameter, dtype, ...). */
function bind(named) {
  Object.assign(classes, named);
}

// ---- errors ---------------------------------------------------------------------------------

// NOTE: JavaScript has no IndexError or ValueError; RangeError is its "value out of range".
const ERROR_CLASSES = {
  TypeError: TypeError,
  IndexError: RangeError,
  ValueError: RangeError,
};

/** The JavaScript error for an engine error (PyTorch's message), or the error itself if it is not one. */
function translate(e) {
  if (Java.isJavaObject(e) && e instanceof J.TorchException) {
    const kind = e.pythonName();
    const error = new (ERROR_CLASSES[kind] || Error)(e.getMessage());
    // The name PyTorch gives the error, for scripts that want to tell them apart.
    Object.defineProperty(error, 'torchName', { value: kind });
    return error;
  }
  return e;
}

/**
 * A class that may also be called without `new`, as Python's are: `torch.device('cpu')` and
 * `new torch.device('cpu')` make the same object, and instanceof works for both.
 */
function callableClass(cls) {
  const make = function (...args) {
    return new cls(...args);
  };
  Object.defineProperty(make, 'name', { value: cls.name });
  make.prototype = cls.prototype;
  return make;
}

/** Calls fn, turning engine errors into JavaScript errors. */
function guard(fn) {
  try {
    return fn();
  } catch (e) {
    throw translate(e);
  }
}

// ---- arguments ------------------------------------------------------------------------------

/** A plain object literal: the options object that stands for Python's keyword arguments. */
function isOptions(v) {
  return v !== null && typeof v === 'object' && !Java.isJavaObject(v) && Object.getPrototypeOf(v) === Object.prototype;
}

/** camelCase option names map to PyTorch's snake_case ({requiresGrad: true} is {requires_grad: true}). */
function snakeCase(key) {
  return key.includes('_') ? key : key.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());
}

/** A JavaScript value as the engine expects it: tensors and modules unwrapped, arrays as lists. */
function toJava(v) {
  if (v === undefined || v === null) {
    return null;
  }
  const type = typeof v;
  if (type !== 'object' && type !== 'function') {
    return v;
  }
  if (v instanceof classes.Tensor) {
    return v._t;
  }
  if (v instanceof classes.Module) {
    return v._j;
  }
  if (type === 'function' || Java.isJavaObject(v)) {
    return v;
  }
  if (v._j !== undefined) {
    return v._j;
  }
  if (Array.isArray(v)) {
    return v.map(toJava);
  }
  if (ArrayBuffer.isView(v)) {
    return Array.from(v);
  }
  if (isOptions(v)) {
    const out = {};
    for (const [k, x] of Object.entries(v)) {
      out[k] = toJava(x);
    }
    return out;
  }
  return v;
}

/** Splits a call's arguments into positional values and keywords (a trailing options object). */
function splitArgs(args) {
  const last = args.length > 0 ? args[args.length - 1] : undefined;
  if (!isOptions(last)) {
    return [args.map(toJava), null];
  }
  const keywords = {};
  for (const [k, v] of Object.entries(last)) {
    if (v !== undefined) {
      keywords[snakeCase(k)] = toJava(v);
    }
  }
  return [args.slice(0, -1).map(toJava), keywords];
}

// ---- results --------------------------------------------------------------------------------

/** An engine result as JavaScript sees it: tensors wrapped, lists as arrays, shapes as torch.Size. */
function wrap(r) {
  if (r === null || r === undefined || typeof r !== 'object') {
    return r;
  }
  if (!Java.isJavaObject(r)) {
    return r;
  }
  if (r instanceof J.Tensor) {
    return classes.wrapTensor(r);
  }
  if (r instanceof J.Module) {
    return classes.moduleFromJava(r);
  }
  if (r instanceof J.DType) {
    return classes.dtypeFromJava(r);
  }
  if (r instanceof J.Generator) {
    return classes.Generator.wrap(r);
  }
  if (Array.isArray(r)) {
    const items = Array.from(r, wrap);
    return items.every((x) => typeof x === 'number') ? classes.Size.from(items) : items;
  }
  return r;
}

/** The field names of an op returning a tuple: "(Tensor values, IndexTensor indices)" gives [values, indices]. */
function tupleFields(returns) {
  if (!returns.startsWith('(')) {
    return null;
  }
  const parts = returns.slice(1, -1).split(',').map((part) => part.trim().split(/\s+/));
  // NOTE: "(Tensor, Tensor)" (std_mean) has types only: a plain array, no names.
  return parts.every((words) => words.length === 2) ? parts.map((words) => words[1]) : null;
}

/** Calls op `name` of an engine table with JavaScript arguments (a trailing options object is the keywords). */
function call(table, name, args) {
  const [positional, keywords] = splitArgs(args);
  let result;
  try {
    result = table.call(name, positional, keywords, ZERO_BASED);
  } catch (e) {
    throw translate(e);
  }
  return wrap(result);
}

/**
 * A tensor method for an op of a table: `this` is the op's `self` wherever its signature puts it
 * (x.where(condition, y) is torch.where(condition, x, y)).
 */
function methodFunction(table, name) {
  const fields = tupleFields(String(table.op(name).signature().returns()));
  const invoke = (receiver, args) => {
    const [positional, keywords] = splitArgs(args);
    try {
      return wrap(table.callMethod(name, toJava(receiver), positional, keywords, ZERO_BASED));
    } catch (e) {
      throw translate(e);
    }
  };
  const f = fields === null
    ? function (...args) { return invoke(this, args); }
    : function (...args) { return nameItems(invoke(this, args), fields); };
  Object.defineProperty(f, 'name', { value: name });
  return f;
}

/**
 * A JavaScript function for each op of a table: torch.zeros, F.relu, ... Tuple results (max
 * along a dim) are arrays that also name their items: `const [values, indices] = x.max(1)`.
 */
function opFunction(table, name) {
  const fields = tupleFields(String(table.op(name).signature().returns()));
  const f = fields === null
    ? (...args) => call(table, name, args)
    : (...args) => nameItems(call(table, name, args), fields);
  Object.defineProperty(f, 'name', { value: name });
  return f;
}

function nameItems(result, fields) {
  if (Array.isArray(result)) {
    fields.forEach((field, i) => Object.defineProperty(result, field, { value: result[i] }));
  }
  return result;
}

/** snake_case to camelCase: manual_seed is manualSeed, requires_grad_ is requiresGrad_. */
function camelCase(name) {
  return name.replace(/([a-z0-9])_([a-z])/g, (_, a, b) => a + b.toUpperCase());
}

// NOTE: `import {x} from 'torch'` re-exports the enumerable keys of module.exports as ES module
// bindings, which cannot be reserved words: torch.var stays reachable, but not enumerable.
const RESERVED = new Set(('break case catch class const continue debugger default delete do else enum export extends '
  + 'false finally for function if import in instanceof new null return super switch this throw true try typeof var '
  + 'void while with yield let static implements interface package private protected public await').split(' '));

/** Defines each function on target under its name and, when different, its camelCase name. */
function defineWithAliases(target, functions) {
  for (const [name, f] of Object.entries(functions)) {
    for (const key of new Set([name, camelCase(name)])) {
      if (!(key in target)) {
        const enumerable = !RESERVED.has(key);
        Object.defineProperty(target, key, { value: f, writable: true, configurable: true, enumerable });
      }
    }
  }
}

/** A table's ops as an object of functions: {relu: f, mse_loss: f, ...}. */
function tableFunctions(table) {
  const out = {};
  for (const name of table.names()) {
    if (!name.startsWith('_')) {
      out[name] = opFunction(table, name);
    }
  }
  return out;
}

/** Copies a Java list or array into a JavaScript array, wrapping each item. */
function toArray(list) {
  return Array.from(list, wrap);
}

module.exports = {
  J, TABLES, ZERO_BASED, bind, classes, translate, guard, callableClass, isOptions, snakeCase, toJava, splitArgs, wrap, call,
  opFunction, methodFunction, camelCase, defineWithAliases, tableFunctions, toArray,
};
