// The REPL's JavaScript side: results echoed by util.inspect as in Node's REPL, names for completion and :vars.
// Evaluated as an internal source; its value is the helper object.
(() => {
  const builtins = new Set(Object.getOwnPropertyNames(globalThis));
  const HELD = Symbol.for('torchglot.held');

  // NOTE: Node's REPL echoes results through util.inspect; ours is js/util.js, loaded on first use.
  const inspect = value => require('util').inspect(value);

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
