// The REPL's JavaScript side: Node-like inspection of results, names for completion and :vars.
// Evaluated as an internal source; its value is the helper object.
(() => {
  const INSPECT = Symbol.for('nodejs.util.inspect.custom');
  const builtins = new Set(Object.getOwnPropertyNames(globalThis));
  const HELD = Symbol.for('torchglot.held');

  function quote(text) {
    return "'" + text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n') + "'";
  }

  function key(name) {
    return /^[A-Za-z_$][\w$]*$/.test(name) ? name : quote(name);
  }

  /** util.inspect's format for the common cases: strings quoted, objects as { a: 1 }, arrays as [ 1, 2 ]. */
  function inspect(value, depth = 0, seen = new Set()) {
    switch (typeof value) {
      case 'string': return quote(value);
      case 'undefined': return 'undefined';
      case 'bigint': return value + 'n';
      case 'symbol': return value.toString();
      case 'function': {
        // NOTE: a torch module is a callable Proxy over the module object; it inspects as its repr.
        if (typeof value[INSPECT] === 'function') return String(value[INSPECT]());
        if (/^class\b/.test(Function.prototype.toString.call(value))) return `[class ${value.name || '(anonymous)'}]`;
        return value.name ? `[Function: ${value.name}]` : '[Function (anonymous)]';
      }
      case 'object': break;
      default: return String(value);
    }
    if (value === null) return 'null';
    if (typeof value[INSPECT] === 'function') return String(value[INSPECT]());
    if (seen.has(value)) return '[Circular *1]';
    if (depth > 2) return Array.isArray(value) ? '[Array]' : '[Object]';
    if (value instanceof Error) return value.stack || String(value);
    if (value instanceof Date) return value.toISOString();
    if (value instanceof RegExp) return String(value);
    seen.add(value);
    try {
      if (Array.isArray(value) || ArrayBuffer.isView(value)) {
        const items = Array.from(value, item => inspect(item, depth + 1, seen));
        const prefix = Array.isArray(value) ? '' : `${value.constructor.name}(${value.length}) `;
        return items.length ? `${prefix}[ ${items.join(', ')} ]` : `${prefix}[]`;
      }
      if (value instanceof Map) {
        const items = Array.from(value, ([k, v]) => `${inspect(k, depth + 1, seen)} => ${inspect(v, depth + 1, seen)}`);
        return `Map(${value.size}) { ${items.join(', ')} }`;
      }
      if (value instanceof Set) {
        return `Set(${value.size}) { ${Array.from(value, v => inspect(v, depth + 1, seen)).join(', ')} }`;
      }
      const own = value.toString;
      if (typeof own === 'function' && own !== Object.prototype.toString && !Object.prototype.hasOwnProperty.call(value, 'toString')
          && Object.getPrototypeOf(value) !== Object.prototype && own.call(value) !== '[object Object]') {
        return String(own.call(value));
      }
      const entries = Object.keys(value).map(k => `${key(k)}: ${inspect(value[k], depth + 1, seen)}`);
      const proto = Object.getPrototypeOf(value);
      const name = proto && proto !== Object.prototype && proto.constructor ? proto.constructor.name + ' ' : '';
      return entries.length ? `${name}{ ${entries.join(', ')} }` : `${name}{}`;
    } finally {
      seen.delete(value);
    }
  }

  function resolve(path) {
    let value = globalThis;
    for (const part of path.split('.')) {
      if (value === null || value === undefined) return undefined;
      try {
        value = part in Object(value) ? value[part] : (value === globalThis ? lookupLexical(part) : undefined);
      } catch (e) {
        return undefined;
      }
    }
    return value;
  }

  // NOTE: top-level let/const/class live in the global lexical scope, not on globalThis.
  function lookupLexical(name) {
    try {
      return (0, eval)(/^[A-Za-z_$][\w$]*$/.test(name) ? name : 'undefined');
    } catch (e) {
      return undefined;
    }
  }

  function membersOf(value) {
    const names = new Set();
    for (let o = Object(value); o !== null && o !== Object.prototype && o !== Function.prototype; o = Object.getPrototypeOf(o)) {
      for (const name of Object.getOwnPropertyNames(o)) {
        if (name !== 'constructor' && !name.startsWith('__')) names.add(name);
      }
    }
    return [...names];
  }

  function describe(value) {
    if (value && typeof value === 'object' && value.shape !== undefined && value.dtype !== undefined) {
      return [String(value.constructor && value.constructor.name || 'Tensor'), `[${Array.from(value.shape).join(', ')}] ${value.dtype}`];
    }
    if (Array.isArray(value)) return ['Array', `length ${value.length}`];
    if (typeof value === 'function' && value._j !== undefined) {
      let count = '';
      try {
        count = `${Array.from(value.parameters()).reduce((n, p) => n + p.numel(), 0)} parameters`;
      } catch (e) {
        // NOTE: a module whose parameters() fails still gets its row.
      }
      return [String(value.constructor && value.constructor.name || 'Module'), count];
    }
    if (typeof value === 'function') return ['function', ''];
    if (value !== null && typeof value === 'object') return [value.constructor ? value.constructor.name : 'Object', ''];
    const text = inspect(value);
    return [typeof value, text.length <= 40 ? text : text.slice(0, 37) + '...'];
  }

  return {
    keywords: ['await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do',
      'else', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'let',
      'new', 'null', 'of', 'return', 'static', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof',
      'undefined', 'var', 'void', 'while', 'yield', 'async'],
    /** The text Node's REPL prints for a result, or null for undefined (which we do not echo). */
    show: value => value === undefined ? null : inspect(value),
    names: userNames => [...builtins, ...userNames],
    members: path => {
      const value = resolve(path);
      return value === undefined || value === null ? [] : membersOf(value);
    },
    isBuiltin: name => builtins.has(name),
    describe: name => describe(resolve(name)),
    warm: () => { require('torch'); },
    /** Keeps a declaration's value where `const x = ...` (JsMode.declare's source) takes it from. */
    hold: value => { globalThis[HELD] = value; },
  };
})()
