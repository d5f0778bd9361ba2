// The REPL's JavaScript side: results echoed by util.inspect as in Node's REPL, names for completion and :vars.
// Evaluated as an internal source; its value is the helper object.
(() => {
  const builtins = new Set(Object.getOwnPropertyNames(globalThis));
  const HELD = Symbol.for('torchglot.held');

  // NOTE: Node's REPL echoes results through util.inspect; ours is js/util.js, loaded on first use.
  const inspect = value => require('util').inspect(value);

  // ---- ES module syntax and top-level await at the prompt ----------------------------------------

  const AWAITED = Symbol.for('torchglot.awaited');
  const IMPORT_FROM = /^([ \t]*)import\s+([^'"]*?)\s+from\s*(['"][^'"\n]+['"])[ \t]*;?/gm;
  const IMPORT_ONLY = /^([ \t]*)import\s*(['"][^'"\n]+['"])[ \t]*;?/gm;

  /** An import clause as the require() it stands for: `import { nn as n } from 'torch'` is `const { nn: n } = require('torch');`. */
  function requireFor(clause, specifier) {
    const namespace = /^\*\s*as\s+([\w$]+)$/.exec(clause);
    if (namespace) return `const ${namespace[1]} = require(${specifier});`;
    const named = /^\{([^}]*)\}$/.exec(clause);
    if (named) {
      const names = named[1].split(',').map(n => n.trim()).filter(n => n !== '').map(n => n.replace(/\s+as\s+/, ': '));
      return `const { ${names.join(', ')} } = require(${specifier});`;
    }
    const withDefault = /^([\w$]+)\s*(?:,\s*([\s\S]+))?$/.exec(clause);
    if (withDefault) {
      const rest = withDefault[2] === undefined ? '' : ' ' + requireFor(withDefault[2].trim(), specifier);
      return `const ${withDefault[1]} = require(${specifier});${rest}`;
    }
    return null;
  }

  /**
   * The input with static imports as require() calls. NOTE: a script at the prompt is not a module;
   * importing torch's CommonJS modules gives the same bindings (the default import is module.exports).
   */
  function rewriteImports(source) {
    return source
      .replace(IMPORT_FROM, (text, indent, clause, specifier) => {
        const statement = requireFor(clause.trim(), specifier);
        return statement === null ? text : indent + statement;
      })
      .replace(IMPORT_ONLY, '$1require($2);');
  }

  function parses(code, prefix, suffix) {
    try {
      new Function(prefix + code + suffix);
      return true;
    } catch (e) {
      return false;
    }
  }

  /**
   * For input that awaits at top level (as Node's REPL allows), the source of an async function
   * that runs it and keeps its value or error for takeAwaited(); null for any other input.
   */
  function awaiting(code) {
    if (!/\bawait\b/.test(code) || parses(code, '', '')) return null;
    const keep = body => `(async () => { try { ${body} } catch (e) { globalThis[Symbol.for('torchglot.awaited')] = { error: e }; } })();`;
    if (parses(code, 'return (async () => (', '\n));')) {
      return keep(`globalThis[Symbol.for('torchglot.awaited')] = { value: (${code}\n) };`);
    }
    return keep(`${code}\n; globalThis[Symbol.for('torchglot.awaited')] = { value: undefined };`);
  }

  /** The value awaited by awaiting()'s function; its error is thrown as the input's error. */
  function takeAwaited() {
    const outcome = globalThis[AWAITED];
    delete globalThis[AWAITED];
    if (outcome === undefined) {
      throw new Error('the awaited promise has not settled: torchglot has no event loop, so only promises settled by '
        + 'other promises can be awaited at the prompt');
    }
    if ('error' in outcome) throw outcome.error;
    return outcome.value;
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
    rewriteImports,
    awaiting,
    takeAwaited,
    describe: name => describe(resolve(name)),
    warm: () => { require('torch'); require('util'); },
    /** Keeps a declaration's value where `const x = ...` (JsMode.declare's source) takes it from. */
    hold: value => { globalThis[HELD] = value; },
  };
})()
