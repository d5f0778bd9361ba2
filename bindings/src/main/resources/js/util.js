'use strict';
// Node's `util` module, as far as scripts print values: util.inspect and util.format, giving the
// text Node 20 gives (tools/fixtures/node_inspect.mjs runs the same values through real Node).
// console.log, the REPL's echo and string substitution all format through here. Torch tensors,
// modules and dtypes carry util.inspect.custom, so they print their torch repr everywhere.

const CUSTOM = Symbol.for('nodejs.util.inspect.custom');

const DEFAULTS = {
  showHidden: false,
  depth: 2,
  colors: false,
  customInspect: true,
  showProxy: false,
  maxArrayLength: 100,
  maxStringLength: 10000,
  breakLength: 80,
  compact: 3,
  sorted: false,
  getters: false,
  numericSeparator: false,
};

// Kinds of entry lists: an object's properties, an array's items, an array's items and extra keys.
const OBJECT = 0;
const ARRAY_ITEM = 1;
const ARRAY_EXTRAS = 2;

const MIN_LINE_WIDTH = 16;
const KEY_PATTERN = /^[a-zA-Z_][a-zA-Z_0-9]*$/;
const INDEX_PATTERN = /^(0|[1-9][0-9]*)$/;

// Global constructors whose toString is the built-in one (`%s` inspects such objects). NOTE: listed
// rather than read from globalThis, whose enumeration makes GraalJS set up every lazy global.
const BUILTIN_NAMES = new Set(['Object', 'Function', 'Array', 'Number', 'Boolean', 'String', 'Symbol', 'BigInt',
  'Date', 'RegExp', 'Promise', 'Proxy', 'Reflect', 'Map', 'Set', 'WeakMap', 'WeakSet', 'WeakRef',
  'FinalizationRegistry', 'ArrayBuffer', 'SharedArrayBuffer', 'DataView', 'Int8Array', 'Uint8Array',
  'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array',
  'BigInt64Array', 'BigUint64Array', 'Error', 'AggregateError', 'EvalError', 'RangeError', 'ReferenceError',
  'SyntaxError', 'TypeError', 'URIError', 'JSON', 'Math', 'Intl', 'Atomics']);

// ---- strings ----------------------------------------------------------------------------------

const ESCAPES = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r', 39: "\\'", 92: '\\\\' };
const NEEDS_ESCAPE = /[\x00-\x1f\x27\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const NEEDS_ESCAPE_NO_QUOTE = /[\x00-\x1f\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function escapeChar(c) {
  const code = c.charCodeAt(0);
  if (ESCAPES[code] !== undefined) {
    return ESCAPES[code];
  }
  if (code >= 0xd800) {
    return '\\u' + code.toString(16).toUpperCase();
  }
  return '\\x' + code.toString(16).toUpperCase().padStart(2, '0');
}

/** A string literal as Node writes one: single quotes, or double quotes or backticks to avoid escaping a quote. */
function quoteString(text) {
  let quote = "'";
  let pattern = NEEDS_ESCAPE;
  if (text.includes("'")) {
    if (!text.includes('"')) {
      quote = '"';
    } else if (!text.includes('`') && !text.includes('${')) {
      quote = '`';
    }
    if (quote !== "'") {
      pattern = NEEDS_ESCAPE_NO_QUOTE;
    }
  }
  return quote + text.replace(pattern, escapeChar) + quote;
}

function formatString(ctx, value) {
  let trailer = '';
  if (value.length > ctx.maxStringLength) {
    const remaining = value.length - ctx.maxStringLength;
    value = value.slice(0, ctx.maxStringLength);
    trailer = `... ${remaining} more character${remaining > 1 ? 's' : ''}`;
  }
  // A long string in a container breaks after each of its newlines, as 'a\n' + 'b'.
  if (ctx.compact !== true && value.length > MIN_LINE_WIDTH && value.length > ctx.breakLength - ctx.indentationLvl - 4) {
    return value.split(/(?<=\n)/).map(quoteString).join(` +\n${' '.repeat(ctx.indentationLvl + 2)}`) + trailer;
  }
  return quoteString(value) + trailer;
}

function formatNumber(value, separator) {
  if (Object.is(value, -0)) {
    return '-0';
  }
  const text = `${value}`;
  if (!separator || !Number.isFinite(value)) {
    return text;
  }
  const [whole, fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '_');
  return fraction === undefined ? grouped : `${grouped}.${fraction.replace(/(\d{3})(?=\d)/g, '$1_')}`;
}

function formatPrimitive(ctx, value) {
  switch (typeof value) {
    case 'string': return formatString(ctx, value);
    case 'number': return formatNumber(value, ctx.numericSeparator);
    case 'bigint': return `${value}n`;
    case 'symbol': return value.toString();
    default: return String(value);
  }
}

// ---- objects ----------------------------------------------------------------------------------

/** The name of the nearest constructor on the prototype chain, or null for a null-prototype object. */
function constructorName(value) {
  for (let o = value; o !== null && o !== undefined; o = Object.getPrototypeOf(o)) {
    const descriptor = Object.getOwnPropertyDescriptor(o, 'constructor');
    if (descriptor !== undefined && typeof descriptor.value === 'function' && descriptor.value.name !== ''
        && isInstance(value, descriptor.value)) {
      return String(descriptor.value.name);
    }
  }
  return null;
}

function isInstance(value, constructor) {
  try {
    return value instanceof constructor;
  } catch (e) {
    return false;
  }
}

function prefix(constructor, tag, fallback, size = '') {
  if (constructor === null) {
    return tag !== '' && fallback !== tag ? `[${fallback}${size}: null prototype] [${tag}] ` : `[${fallback}${size}: null prototype] `;
  }
  return tag !== '' && constructor !== tag ? `${constructor}${size} [${tag}] ` : `${constructor}${size} `;
}

function ownKeys(value, showHidden) {
  const symbols = Object.getOwnPropertySymbols(value);
  if (showHidden) {
    return [...Object.getOwnPropertyNames(value), ...symbols];
  }
  return [...Object.keys(value), ...symbols.filter((s) => Object.prototype.propertyIsEnumerable.call(value, s))];
}

function nonIndexKeys(value, showHidden) {
  return ownKeys(value, showHidden).filter((key) => typeof key === 'symbol' || !INDEX_PATTERN.test(key)
    || Number(key) >= 2 ** 32 - 1);
}

function isError(value) {
  return value instanceof Error || Object.prototype.toString.call(value) === '[object Error]';
}

function typedArrayName(value) {
  return ArrayBuffer.isView(value) && !(value instanceof DataView) ? Object.prototype.toString.call(value).slice(8, -1) : null;
}

function isClass(fn) {
  const source = Function.prototype.toString.call(fn);
  return source.startsWith('class') && /^class\b[^{]*\{/.test(source);
}

function functionBase(value, constructor, tag) {
  if (isClass(value)) {
    const name = (Object.prototype.hasOwnProperty.call(value, 'name') && value.name) || '(anonymous)';
    let base = `class ${name}`;
    if (constructor !== 'Function' && constructor !== null) {
      base += ` [${constructor}]`;
    }
    if (tag !== '' && constructor !== tag) {
      base += ` [${tag}]`;
    }
    const parent = Object.getPrototypeOf(value);
    if (constructor === null) {
      base += ' extends [null prototype]';
    } else if (parent && parent.name) {
      base += ` extends ${parent.name}`;
    }
    return `[${base}]`;
  }
  let type = 'Function';
  const kind = Object.getPrototypeOf(value)?.constructor?.name;
  if (kind === 'GeneratorFunction' || kind === 'AsyncGeneratorFunction') {
    type = `Generator${type}`;
  }
  if (kind === 'AsyncFunction' || kind === 'AsyncGeneratorFunction') {
    type = `Async${type}`;
  }
  let base = `[${type}`;
  if (constructor === null) {
    base += ' (null prototype)';
  }
  base += value.name === '' ? ' (anonymous)' : `: ${value.name}`;
  base += ']';
  if (constructor !== type && constructor !== null) {
    base += ` ${constructor}`;
  }
  if (tag !== '' && constructor !== tag) {
    base += ` [${tag}]`;
  }
  return base;
}

// Frames of torchglot's own modules say nothing about the user's code.
const PACKAGE_DIR = typeof __dirname === 'string' ? __dirname : null;

function errorStack(err) {
  const stack = err.stack ? String(err.stack) : Error.prototype.toString.call(err);
  if (PACKAGE_DIR === null) {
    return stack;
  }
  const lines = stack.split('\n');
  const kept = lines.filter((line) => !(/^\s+at /.test(line) && line.includes(PACKAGE_DIR)));
  return kept.length > 1 && kept.length < lines.length && kept.some((line) => /^\s+at /.test(line)) ? kept.join('\n') : stack;
}

function formatError(ctx, err, constructor, tag, keys) {
  const name = err.name != null ? String(err.name) : 'Error';
  let stack = errorStack(err);
  if (!ctx.showHidden && keys.length !== 0) {
    for (const key of ['name', 'message', 'stack']) {
      const i = keys.indexOf(key);
      if (i !== -1 && stack.includes(err[key])) {
        keys.splice(i, 1);
      }
    }
  }
  if ('cause' in err && !keys.includes('cause')) {
    keys.push('cause');
  }
  if (Array.isArray(err.errors) && !keys.includes('errors')) {
    keys.push('errors');
  }
  // A subclass that kept the name "Error" shows its class: MyError: message.
  const length = name.length;
  if (constructor === null || (name.endsWith('Error') && stack.startsWith(name)
      && (stack.length === length || stack[length] === ':' || stack[length] === '\n'))) {
    const shown = prefix(constructor, tag, 'Error').slice(0, -1);
    if (name !== shown) {
      stack = shown.includes(name) ? (length === 0 ? `${shown}: ${stack}` : shown + stack.slice(length))
        : `${shown} [${name}]${stack.slice(length)}`;
    }
  }
  let position = (err.message && stack.indexOf(err.message)) || -1;
  if (position !== -1) {
    position += err.message.length;
  }
  if (stack.indexOf('\n    at', position) === -1) {
    stack = `[${stack}]`;
  }
  if (ctx.indentationLvl !== 0) {
    stack = stack.replace(/\n/g, `\n${' '.repeat(ctx.indentationLvl)}`);
  }
  return stack;
}

function isJavaObject(value) {
  return typeof Java !== 'undefined' && typeof Java.isJavaObject === 'function' && Java.isJavaObject(value);
}

function formatValue(ctx, value, recurseTimes, typedArray) {
  if (typeof value !== 'object' && typeof value !== 'function') {
    return formatPrimitive(ctx, value);
  }
  if (value === null) {
    return 'null';
  }
  if (isJavaObject(value)) {
    return String(value);
  }
  if (ctx.customInspect) {
    const custom = value[CUSTOM];
    if (typeof custom === 'function' && custom !== inspect && !(value.constructor && value.constructor.prototype === value)) {
      const depth = ctx.depth === null ? null : ctx.depth - recurseTimes;
      const result = custom.call(value, depth, userOptions(ctx), inspect);
      if (result !== value) {
        if (typeof result !== 'string') {
          return formatValue(ctx, result, recurseTimes);
        }
        return result.replace(/\n/g, `\n${' '.repeat(ctx.indentationLvl)}`);
      }
    }
  }
  if (ctx.seen.includes(value)) {
    let index = 1;
    if (ctx.circular === undefined) {
      ctx.circular = new Map([[value, index]]);
    } else {
      index = ctx.circular.get(value);
      if (index === undefined) {
        index = ctx.circular.size + 1;
        ctx.circular.set(value, index);
      }
    }
    return `[Circular *${index}]`;
  }
  return formatRaw(ctx, value, recurseTimes, typedArray);
}

function userOptions(ctx) {
  const options = {};
  for (const key of Object.keys(DEFAULTS)) {
    options[key] = ctx[key];
  }
  options.stylize = (text) => text;
  return options;
}

function formatRaw(ctx, value, recurseTimes, typedArray) {
  const constructor = constructorName(value);
  let tag = value[Symbol.toStringTag];
  if (typeof tag !== 'string' || (tag !== '' && (ctx.showHidden ? Object.prototype.hasOwnProperty
    : Object.prototype.propertyIsEnumerable).call(value, Symbol.toStringTag))) {
    tag = '';
  }
  let keys;
  let base = '';
  let formatter = () => [];
  let braces;
  let extrasType = OBJECT;
  const typedName = typedArrayName(value);

  if (Array.isArray(value)) {
    keys = nonIndexKeys(value, ctx.showHidden);
    const start = constructor !== 'Array' || tag !== '' ? prefix(constructor, tag, 'Array', `(${value.length})`) : '';
    braces = [`${start}[`, ']'];
    if (value.length === 0 && keys.length === 0) {
      return `${braces[0]}]`;
    }
    extrasType = ARRAY_EXTRAS;
    formatter = formatArray;
  } else if (value instanceof Set) {
    keys = ownKeys(value, ctx.showHidden);
    const start = prefix(constructor, tag, 'Set', `(${value.size})`);
    if (value.size === 0 && keys.length === 0) {
      return `${start}{}`;
    }
    braces = [`${start}{`, '}'];
    formatter = formatSet;
  } else if (value instanceof Map) {
    keys = ownKeys(value, ctx.showHidden);
    const start = prefix(constructor, tag, 'Map', `(${value.size})`);
    if (value.size === 0 && keys.length === 0) {
      return `${start}{}`;
    }
    braces = [`${start}{`, '}'];
    formatter = formatMap;
  } else if (typedName !== null) {
    keys = nonIndexKeys(value, ctx.showHidden);
    const start = prefix(constructor, tag, typedName, `(${value.length})`);
    braces = [`${start}[`, ']'];
    if (value.length === 0 && keys.length === 0 && !ctx.showHidden) {
      return `${braces[0]}]`;
    }
    formatter = formatTypedArray;
    extrasType = ARRAY_EXTRAS;
  } else {
    keys = ownKeys(value, ctx.showHidden);
    braces = ['{', '}'];
    if (constructor === 'Object' && typeof value !== 'function') {
      if (Object.prototype.toString.call(value) === '[object Arguments]') {
        braces[0] = '[Arguments] {';
      } else if (tag !== '') {
        braces[0] = `${prefix(constructor, tag, 'Object')}{`;
      }
      if (keys.length === 0) {
        return `${braces[0]}}`;
      }
    } else if (typeof value === 'function') {
      base = functionBase(value, constructor, tag);
      if (keys.length === 0) {
        return base;
      }
    } else if (value instanceof RegExp) {
      base = RegExp.prototype.toString.call(value);
      const start = prefix(constructor, tag, 'RegExp');
      if (start !== 'RegExp ') {
        base = start + base;
      }
      if (keys.length === 0 || (ctx.depth !== null && recurseTimes > ctx.depth)) {
        return base;
      }
    } else if (value instanceof Date) {
      base = Number.isNaN(value.getTime()) ? Date.prototype.toString.call(value) : Date.prototype.toISOString.call(value);
      const start = prefix(constructor, tag, 'Date');
      if (start !== 'Date ') {
        base = start + base;
      }
      if (keys.length === 0) {
        return base;
      }
    } else if (isError(value)) {
      base = formatError(ctx, value, constructor, tag, keys);
      if (keys.length === 0) {
        return base;
      }
    } else if (value instanceof ArrayBuffer) {
      const start = prefix(constructor, tag, 'ArrayBuffer');
      if (typedArray === undefined) {
        formatter = formatArrayBuffer;
      } else if (keys.length === 0) {
        return `${start}{ byteLength: ${formatNumber(value.byteLength, false)} }`;
      }
      braces[0] = `${start}{`;
      keys.unshift('byteLength');
    } else if (value instanceof DataView) {
      braces[0] = `${prefix(constructor, tag, 'DataView')}{`;
      keys.unshift('byteLength', 'byteOffset', 'buffer');
    } else if (value instanceof Promise) {
      // NOTE: a script cannot see a promise's state; Node's inspect asks V8.
      braces[0] = `${prefix(constructor, tag, 'Promise')}{`;
      formatter = () => ['<state unknown>'];
    } else if (value instanceof WeakMap || value instanceof WeakSet) {
      braces[0] = `${prefix(constructor, tag, value instanceof WeakMap ? 'WeakMap' : 'WeakSet')}{`;
      formatter = () => ['<items unknown>'];
    } else if (isBoxed(value)) {
      base = boxedBase(ctx, value, keys, constructor, tag);
      if (keys.length === 0) {
        return base;
      }
    } else {
      const style = constructor === null ? prefix(null, tag, 'Object') : prefix(constructor, tag, 'Object');
      if (keys.length === 0) {
        return `${style}{}`;
      }
      braces[0] = `${style}{`;
    }
  }

  if (ctx.depth !== null && recurseTimes > ctx.depth) {
    const name = (constructor === null ? prefix(null, tag, 'Object') : prefix(constructor, tag, 'Object')).slice(0, -1);
    return constructor !== null ? `[${name}]` : name;
  }
  recurseTimes += 1;
  ctx.seen.push(value);
  ctx.currentDepth = recurseTimes;
  let output = formatter(ctx, value, recurseTimes);
  for (const key of keys) {
    output.push(formatProperty(ctx, value, recurseTimes, key, extrasType));
  }
  if (ctx.circular !== undefined) {
    const index = ctx.circular.get(value);
    if (index !== undefined) {
      const reference = `<ref *${index}>`;
      if (ctx.compact !== true) {
        base = base === '' ? reference : `${reference} ${base}`;
      } else {
        braces[0] = `${reference} ${braces[0]}`;
      }
    }
  }
  ctx.seen.pop();
  if (ctx.sorted) {
    const comparator = ctx.sorted === true ? undefined : ctx.sorted;
    if (extrasType === OBJECT) {
      output = output.sort(comparator);
    } else if (keys.length > 1) {
      const sorted = output.slice(output.length - keys.length).sort(comparator);
      output.splice(output.length - keys.length, keys.length, ...sorted);
    }
  }
  return reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value);
}

function isBoxed(value) {
  return value instanceof Number || value instanceof String || value instanceof Boolean
    || (typeof BigInt === 'function' && value instanceof BigInt) || value instanceof Symbol;
}

function boxedBase(ctx, value, keys, constructor, tag) {
  let type;
  if (value instanceof Number) {
    type = 'Number';
  } else if (value instanceof String) {
    type = 'String';
    keys.splice(0, value.length);
  } else if (value instanceof Boolean) {
    type = 'Boolean';
  } else if (value instanceof Symbol) {
    type = 'Symbol';
  } else {
    type = 'BigInt';
  }
  let base = `[${type}`;
  if (type !== constructor) {
    base += constructor === null ? ' (null prototype)' : ` (${constructor})`;
  }
  base += `: ${formatPrimitive({ ...ctx, compact: 3, indentationLvl: 0, maxStringLength: Infinity }, value.valueOf())}]`;
  if (tag !== '' && tag !== constructor) {
    base += ` [${tag}]`;
  }
  return base;
}

function moreItems(remaining) {
  return `... ${remaining} more item${remaining > 1 ? 's' : ''}`;
}

function formatArray(ctx, value, recurseTimes) {
  const length = Math.min(Math.max(0, ctx.maxArrayLength), value.length);
  const output = [];
  for (let i = 0; i < length; i++) {
    if (!Object.prototype.hasOwnProperty.call(value, i)) {
      return formatSparseArray(ctx, value, recurseTimes, length, output, i);
    }
    output.push(formatProperty(ctx, value, recurseTimes, i, ARRAY_ITEM));
  }
  if (value.length > length) {
    output.push(moreItems(value.length - length));
  }
  return output;
}

function formatSparseArray(ctx, value, recurseTimes, maxLength, output, i) {
  const keys = Object.keys(value);
  let index = i;
  for (; i < keys.length && output.length < maxLength; i++) {
    const key = keys[i];
    const number = Number(key);
    if (number > 2 ** 32 - 2) {
      break;
    }
    if (`${index}` !== key) {
      if (!INDEX_PATTERN.test(key)) {
        break;
      }
      const empty = number - index;
      output.push(`<${empty} empty item${empty > 1 ? 's' : ''}>`);
      index = number;
      if (output.length === maxLength) {
        break;
      }
    }
    output.push(formatProperty(ctx, value, recurseTimes, key, ARRAY_ITEM));
    index++;
  }
  const remaining = value.length - index;
  if (output.length !== maxLength) {
    if (remaining > 0) {
      output.push(`<${remaining} empty item${remaining > 1 ? 's' : ''}>`);
    }
  } else if (remaining > 0) {
    output.push(moreItems(remaining));
  }
  return output;
}

function formatTypedArray(ctx, value, recurseTimes) {
  const length = Math.min(Math.max(0, ctx.maxArrayLength), value.length);
  const output = [];
  for (let i = 0; i < length; i++) {
    output.push(typeof value[i] === 'bigint' ? `${value[i]}n` : formatNumber(value[i], ctx.numericSeparator));
  }
  if (value.length > length) {
    output.push(moreItems(value.length - length));
  }
  if (ctx.showHidden) {
    ctx.indentationLvl += 2;
    for (const key of ['BYTES_PER_ELEMENT', 'length', 'byteLength', 'byteOffset', 'buffer']) {
      output.push(`[${key}]: ${formatValue(ctx, value[key], recurseTimes, true)}`);
    }
    ctx.indentationLvl -= 2;
  }
  return output;
}

function formatArrayBuffer(ctx, value) {
  const bytes = new Uint8Array(value);
  const shown = Array.from(bytes.subarray(0, Math.min(ctx.maxArrayLength, bytes.length)),
    (b) => b.toString(16).padStart(2, '0')).join(' ');
  const remaining = bytes.length - ctx.maxArrayLength;
  const more = remaining > 0 ? ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}` : '';
  return [`[Uint8Contents]: <${shown}${more}>`];
}

function formatSet(ctx, value, recurseTimes) {
  const length = Math.min(Math.max(0, ctx.maxArrayLength), value.size);
  const output = [];
  ctx.indentationLvl += 2;
  for (const item of value) {
    if (output.length >= length) {
      break;
    }
    output.push(formatValue(ctx, item, recurseTimes));
  }
  ctx.indentationLvl -= 2;
  if (value.size > length) {
    output.push(moreItems(value.size - length));
  }
  return output;
}

function formatMap(ctx, value, recurseTimes) {
  const length = Math.min(Math.max(0, ctx.maxArrayLength), value.size);
  const output = [];
  ctx.indentationLvl += 2;
  for (const [k, v] of value) {
    if (output.length >= length) {
      break;
    }
    output.push(`${formatValue(ctx, k, recurseTimes)} => ${formatValue(ctx, v, recurseTimes)}`);
  }
  ctx.indentationLvl -= 2;
  if (value.size > length) {
    output.push(moreItems(value.size - length));
  }
  return output;
}

function formatProperty(ctx, value, recurseTimes, key, type) {
  let text;
  let separator = ' ';
  const descriptor = Object.getOwnPropertyDescriptor(value, key) || { value: value[key], enumerable: true };
  if (descriptor.value !== undefined) {
    const diff = ctx.compact !== true || type !== OBJECT ? 2 : 3;
    ctx.indentationLvl += diff;
    text = formatValue(ctx, descriptor.value, recurseTimes);
    if (diff === 3 && ctx.breakLength < text.length) {
      separator = `\n${' '.repeat(ctx.indentationLvl)}`;
    }
    ctx.indentationLvl -= diff;
  } else if (descriptor.get !== undefined) {
    text = formatAccessor(ctx, value, key, descriptor, recurseTimes);
  } else if (descriptor.set !== undefined) {
    text = '[Setter]';
  } else if (typeof value === 'function' && (key === 'arguments' || key === 'caller')) {
    // NOTE: a sloppy function's own arguments and caller are undefined in GraalJS, null in V8.
    text = 'null';
  } else {
    text = 'undefined';
  }
  if (type === ARRAY_ITEM) {
    return text;
  }
  let name;
  if (typeof key === 'symbol') {
    name = `[${key.toString().replace(NEEDS_ESCAPE, escapeChar)}]`;
  } else if (key === '__proto__') {
    name = "['__proto__']";
  } else if (descriptor.enumerable === false) {
    name = `[${key.replace(NEEDS_ESCAPE, escapeChar)}]`;
  } else if (KEY_PATTERN.test(key)) {
    name = key;
  } else {
    name = quoteString(key);
  }
  return `${name}:${separator}${text}`;
}

function formatAccessor(ctx, value, key, descriptor, recurseTimes) {
  const label = descriptor.set !== undefined ? 'Getter/Setter' : 'Getter';
  const wanted = ctx.getters === true || (ctx.getters === 'get' && descriptor.set === undefined)
    || (ctx.getters === 'set' && descriptor.set !== undefined);
  if (!ctx.getters || !wanted) {
    return `[${label}]`;
  }
  try {
    const got = value[key];
    ctx.indentationLvl += 2;
    let text;
    if (got === null) {
      text = `[${label}: null]`;
    } else if (typeof got === 'object') {
      text = `[${label}] ${formatValue(ctx, got, recurseTimes)}`;
    } else {
      text = `[${label}: ${formatPrimitive(ctx, got)}]`;
    }
    ctx.indentationLvl -= 2;
    return text;
  } catch (e) {
    return `[${label}: <Inspection threw (${e.message})>]`;
  }
}

/**
 * Lays out arrays of more than six short items in aligned columns, as many as fit in about a
 * square (a character is taken as 2.5 times as high as wide), numbers right-aligned.
 */
function groupArrayElements(ctx, output, value) {
  let totalLength = 0;
  let maxLength = 0;
  let outputLength = output.length;
  if (ctx.maxArrayLength < output.length) {
    outputLength--;
  }
  const separatorSpace = 2;
  const dataLength = [];
  for (let i = 0; i < outputLength; i++) {
    const length = output[i].length;
    dataLength.push(length);
    totalLength += length + separatorSpace;
    maxLength = Math.max(maxLength, length);
  }
  const actualMax = maxLength + separatorSpace;
  if (actualMax * 3 + ctx.indentationLvl < ctx.breakLength && (totalLength / actualMax > 5 || maxLength <= 6)) {
    const averageBias = Math.sqrt(actualMax - totalLength / output.length);
    const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
    const columns = Math.min(
      Math.round(Math.sqrt(2.5 * biasedMax * outputLength) / biasedMax),
      Math.floor((ctx.breakLength - ctx.indentationLvl) / actualMax),
      ctx.compact * 4,
      15);
    if (columns <= 1) {
      return output;
    }
    const columnWidths = [];
    for (let i = 0; i < columns; i++) {
      let width = 0;
      for (let j = i; j < output.length; j += columns) {
        if (dataLength[j] > width) {
          width = dataLength[j];
        }
      }
      columnWidths.push(width + separatorSpace);
    }
    let padStart = true;
    if (value !== undefined) {
      for (let i = 0; i < output.length; i++) {
        if (typeof value[i] !== 'number' && typeof value[i] !== 'bigint') {
          padStart = false;
          break;
        }
      }
    }
    const rows = [];
    for (let i = 0; i < outputLength; i += columns) {
      const max = Math.min(i + columns, outputLength);
      let row = '';
      let j = i;
      for (; j < max - 1; j++) {
        const cell = `${output[j]}, `;
        row += padStart ? cell.padStart(columnWidths[j - i], ' ') : cell.padEnd(columnWidths[j - i], ' ');
      }
      row += padStart ? output[j].padStart(columnWidths[j - i] - separatorSpace, ' ') : output[j];
      rows.push(row);
    }
    if (ctx.maxArrayLength < output.length) {
      rows.push(output[outputLength]);
    }
    return rows;
  }
  return output;
}

function isBelowBreakLength(ctx, output, start, base) {
  let totalLength = output.length + start;
  if (totalLength + output.length > ctx.breakLength) {
    return false;
  }
  for (const entry of output) {
    totalLength += entry.length;
    if (totalLength > ctx.breakLength) {
      return false;
    }
  }
  return base === '' || !base.includes('\n');
}

function reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value) {
  if (ctx.compact !== true) {
    if (typeof ctx.compact === 'number' && ctx.compact >= 1) {
      const entries = output.length;
      if (extrasType === ARRAY_EXTRAS && entries > 6) {
        output = groupArrayElements(ctx, output, value);
      }
      // Up to `compact` levels of the innermost nesting share a line when it fits in breakLength.
      if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
        const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
        if (isBelowBreakLength(ctx, output, start, base)) {
          const joined = output.join(', ');
          if (!joined.includes('\n')) {
            return `${base ? `${base} ` : ''}${braces[0]} ${joined} ${braces[1]}`;
          }
        }
      }
    }
    const indentation = `\n${' '.repeat(ctx.indentationLvl)}`;
    return `${base ? `${base} ` : ''}${braces[0]}${indentation}  ${output.join(`,${indentation}  `)}${indentation}${braces[1]}`;
  }
  if (isBelowBreakLength(ctx, output, 0, base)) {
    return `${braces[0]}${base ? ` ${base}` : ''} ${output.join(', ')} ${braces[1]}`;
  }
  const indentation = ' '.repeat(ctx.indentationLvl);
  const lead = base === '' && braces[0].length === 1 ? ' ' : `${base ? ` ${base}` : ''}\n${indentation}  `;
  return `${braces[0]}${lead}${output.join(`,\n${indentation}  `)} ${braces[1]}`;
}

// ---- the public functions -----------------------------------------------------------------------

/**
 * A string showing value as Node's util.inspect does. Options: showHidden, depth (null: all),
 * customInspect, maxArrayLength, maxStringLength, breakLength, compact, sorted, getters,
 * numericSeparator. Colors are not produced.
 */
function inspect(value, options, ...legacy) {
  const ctx = { budget: {}, indentationLvl: 0, seen: [], currentDepth: 0, ...inspect.defaultOptions };
  if (typeof options === 'boolean') {
    ctx.showHidden = options;
    if (legacy[0] !== undefined) {
      ctx.depth = legacy[0];
    }
  } else if (options !== null && typeof options === 'object') {
    for (const key of Object.keys(options)) {
      if (Object.prototype.hasOwnProperty.call(DEFAULTS, key)) {
        ctx[key] = options[key];
      }
    }
  }
  if (ctx.maxArrayLength === null) {
    ctx.maxArrayLength = Infinity;
  }
  if (ctx.maxStringLength === null) {
    ctx.maxStringLength = Infinity;
  }
  return formatValue(ctx, value, 0);
}
inspect.custom = CUSTOM;
inspect.defaultOptions = { ...DEFAULTS };

function stringify(value) {
  try {
    return JSON.stringify(value);
  } catch (e) {
    if (e instanceof TypeError && /circular|cyclic/i.test(e.message)) {
      return '[Circular]';
    }
    throw e;
  }
}

/** Whether `%s` shows value by inspecting it: objects whose toString is the built-in one. */
function hasBuiltInToString(value) {
  if (typeof value[Symbol.toPrimitive] === 'function') {
    return false;
  }
  if (typeof value.toString !== 'function') {
    return true;
  }
  if (Object.prototype.hasOwnProperty.call(value, 'toString')) {
    return false;
  }
  let holder = value;
  do {
    holder = Object.getPrototypeOf(holder);
  } while (!Object.prototype.hasOwnProperty.call(holder, 'toString'));
  const descriptor = Object.getOwnPropertyDescriptor(holder, 'constructor');
  return descriptor !== undefined && typeof descriptor.value === 'function' && BUILTIN_NAMES.has(descriptor.value.name);
}

function substitute(options, code, argument) {
  switch (code) {
    case 's':
      if (typeof argument === 'number') {
        return formatNumber(argument, false);
      }
      if (typeof argument === 'bigint') {
        return `${argument}n`;
      }
      if (typeof argument !== 'object' || argument === null || !hasBuiltInToString(argument)) {
        return String(argument);
      }
      return inspect(argument, { ...options, depth: 0, colors: false, compact: 3 });
    case 'j':
      return stringify(argument);
    case 'd':
      return typeof argument === 'bigint' ? `${argument}n`
        : typeof argument === 'symbol' ? 'NaN' : formatNumber(Number(argument), false);
    case 'i':
      return typeof argument === 'bigint' ? `${argument}n`
        : typeof argument === 'symbol' ? 'NaN' : formatNumber(parseInt(argument), false);
    case 'f':
      return typeof argument === 'symbol' ? 'NaN' : formatNumber(parseFloat(argument), false);
    case 'O':
      return inspect(argument, options);
    case 'o':
      return inspect(argument, { ...options, showHidden: true, showProxy: true, depth: 4 });
    case 'c':
      return '';
    default:
      return null;
  }
}

/** util.formatWithOptions: printf-like substitution in a first string argument, the rest inspected and joined by spaces. */
function formatWithOptions(options, ...args) {
  const first = args[0];
  let used = 0;
  let text = '';
  let join = '';
  if (typeof first === 'string') {
    if (args.length === 1) {
      return first;
    }
    let last = 0;
    for (let i = 0; i < first.length - 1; i++) {
      if (first[i] !== '%') {
        continue;
      }
      const code = first[++i];
      if (used + 1 !== args.length) {
        if (code === '%') {
          text += first.slice(last, i);
          last = i + 1;
          continue;
        }
        const replacement = 'sjdOoifc'.includes(code) ? substitute(options, code, args[++used]) : null;
        if (replacement === null) {
          continue;
        }
        if (last !== i - 1) {
          text += first.slice(last, i - 1);
        }
        text += replacement;
        last = i + 1;
      } else if (code === '%') {
        text += first.slice(last, i);
        last = i + 1;
      }
    }
    if (last !== 0) {
      used++;
      join = ' ';
      if (last < first.length) {
        text += first.slice(last);
      }
    }
  }
  while (used < args.length) {
    const value = args[used];
    text += join + (typeof value !== 'string' ? inspect(value, options) : value);
    join = ' ';
    used++;
  }
  return text;
}

function format(...args) {
  return formatWithOptions(undefined, ...args);
}

function inherits(constructor, superConstructor) {
  Object.setPrototypeOf(constructor.prototype, superConstructor.prototype);
  Object.setPrototypeOf(constructor, superConstructor);
  Object.defineProperty(constructor, 'super_', { value: superConstructor, writable: true, configurable: true });
}

module.exports = { inspect, format, formatWithOptions, inherits };
