'use strict';
// torch.save and torch.load in PyTorch's own file format, through the context's GuestFiles (the same
// engine io as Python's and R's): paths resolve against the working directory, the sandbox checks them,
// and files are written atomically.

const bridge = require('./bridge.js');

function guestFiles() {
  const files = Polyglot.import('torchglot.files');
  if (files === undefined || files === null) {
    throw new Error('torch.save/torch.load need a torchglot context');
  }
  return files;
}

function isTensor(v) {
  const { Tensor } = require('./tensor.js');
  return v instanceof Tensor;
}

/**
 * A JavaScript value as the engine keeps it: tensors unwrapped, arrays as lists, Maps as OrderedDicts,
 * Sets as sets, plain objects as dicts. NOTE: JavaScript has one number type, so an integral number is
 * saved as Python's int and any other as a float (as JSON does); a BigInt is an int.
 */
function toEngine(value, files) {
  if (value === null || value === undefined) {
    return null;
  }
  if (isTensor(value)) {
    return value._t;
  }
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return value;
    case 'number':
      return value;
    case 'bigint':
      return value;
    default:
      break;
  }
  if (Array.isArray(value)) {
    return value.map((v) => toEngine(v, files));
  }
  if (value instanceof Map) {
    const entries = new Map();
    for (const [k, v] of value) {
      entries.set(toEngine(k, files), toEngine(v, files));
    }
    return files.newOrderedDict(entries);
  }
  if (value instanceof Set) {
    return files.newSet([...value].map((v) => toEngine(v, files)));
  }
  if (bridge.isOptions(value)) {
    const entries = new Map();
    for (const [k, v] of Object.entries(value)) {
      entries.set(k, toEngine(v, files));
    }
    return entries;
  }
  const kind = value?.constructor?.name ?? typeof value;
  throw new TypeError(`torch.save cannot save an object of type ${kind}; torchglot saves tensors, numbers, strings, `
    + 'booleans, null, arrays, Maps, Sets and plain objects of them');
}

/**
 * A loaded value as JavaScript sees it: tensors wrapped, lists and tuples as arrays, dicts as plain objects,
 * OrderedDicts as plain objects too (their keys keep their order), sets as Sets. An object referred to twice
 * in the file is one object referred to twice, as PyTorch's unpickler gives it.
 */
function toJs(value, files) {
  if (value === null || value === undefined || typeof value !== 'object') {
    return value;
  }
  const graph = files.objectGraph(value);
  const built = new Map();
  const build = (i) => {
    if (built.has(i)) {
      return built.get(i);
    }
    const entry = graph[i];
    const kind = entry[0];
    const payload = entry[1];
    let obj;
    if (kind === 'tensor') {
      obj = bridge.wrap(payload);
    } else if (kind === 'list' || kind === 'tuple') {
      obj = [];
      built.set(i, obj);
      for (const j of payload) {
        obj.push(build(j));
      }
    } else if (kind === 'dict' || kind === 'ordered_dict') {
      obj = {};
      built.set(i, obj);
      for (let k = 0; k < payload.length; k += 2) {
        obj[String(build(payload[k]))] = build(payload[k + 1]);
      }
    } else if (kind === 'set') {
      obj = new Set();
      built.set(i, obj);
      for (const j of payload) {
        obj.add(build(j));
      }
    } else if (kind === 'none') {
      obj = null;
    } else {
      obj = typeof payload === 'object' && payload !== null ? Number(payload) : payload;
    }
    built.set(i, obj);
    return obj;
  };
  return build(0);
}

function errorFor(e) {
  const translated = bridge.translate(e);
  if (translated !== e) {
    return translated;
  }
  const text = String(e && e.message !== undefined ? e.message : e);
  if (text.includes('SecurityException') || text.includes('Permission denied')) {
    return new Error(text.replace(/^.*SecurityException: /, ''));
  }
  return e;
}

/** torch.save(obj, path): obj (tensors, a state dict, nested arrays and objects of them) in PyTorch's format. */
function save(obj, f) {
  if (typeof f !== 'string') {
    throw new TypeError('torch.save(obj, f) takes the file as a path string');
  }
  const files = guestFiles();
  const jobj = toEngine(obj, files);
  try {
    files.save(jobj, f);
  } catch (e) {
    throw errorFor(e);
  }
}

/**
 * torch.load(path): what torch.save wrote, here or in PyTorch. Only data is accepted (tensors, numbers, strings,
 * null, booleans, lists, tuples, dicts and sets): a file that would run code is refused. Every tensor loads on
 * the CPU, whatever map_location says.
 */
function load(f, options = {}) {
  if (typeof f !== 'string') {
    throw new TypeError('torch.load(f) takes the file as a path string');
  }
  const files = guestFiles();
  let loaded;
  try {
    loaded = files.load(f);
  } catch (e) {
    throw errorFor(e);
  }
  for (const note of loaded.notes()) {
    console.warn(`UserWarning: ${note}`);
  }
  return toJs(loaded.value(), files);
}

module.exports = { save, load };
