'use strict';
// Node's console: log/info/debug/dirxml to standard output, error/warn/trace to standard error,
// every value formatted by util.inspect, plus table, dir, assert, count, time and group. The
// prelude makes an instance of it the global `console`; require('console') is the same object.

// NOTE: util.js is loaded on the first value that needs inspecting: a script that logs only strings never pays for it.
let utilModule = null;
const util = {
  inspect: (...args) => load().inspect(...args),
  format(...args) {
    if (args.every((a) => typeof a === 'string') && (args.length <= 1 || !args[0].includes('%'))) {
      return args.join(' ');
    }
    return load().format(...args);
  },
};

function load() {
  if (utilModule === null) {
    utilModule = require('./util.js');
  }
  return utilModule;
}

const now = () => (typeof performance !== 'undefined' && typeof performance.now === 'function' ? performance.now() : Date.now());

/** Node's console.timeEnd format: milliseconds to three decimals, seconds from one second on. */
function formatTime(ms) {
  if (ms >= 1000) {
    return `${Number((ms / 1000).toFixed(3))}s`;
  }
  return `${Number(ms.toFixed(3))}ms`;
}

// ---- console.table ------------------------------------------------------------------------------

const TABLE_INDEX = '(index)';
const ITERATION_INDEX = '(iteration index)';

function renderRow(cells, widths) {
  let line = '│ ';
  cells.forEach((cell, i) => {
    line += cell.padEnd(widths[i], ' ');
    if (i !== cells.length - 1) {
      line += ' │ ';
    }
  });
  return line + ' │';
}

/** A box-drawn table of columns under head, cells left-aligned, as Node 20's console.table draws. */
function renderTable(head, columns) {
  const widths = head.map((h) => h.length);
  const height = Math.max(...columns.map((c) => c.length));
  const rows = [];
  head.forEach((_, i) => {
    for (let j = 0; j < height; j++) {
      rows[j] = rows[j] || [];
      const cell = Object.prototype.hasOwnProperty.call(columns[i], j) ? columns[i][j] : '';
      rows[j][i] = cell;
      widths[i] = Math.max(widths[i], cell.length);
    }
  });
  const rule = widths.map((w) => '─'.repeat(w + 2));
  return [`┌${rule.join('┬')}┐`, renderRow(head, widths), `├${rule.join('┼')}┤`,
    ...rows.map((row) => renderRow(row, widths)), `└${rule.join('┴')}┘`].join('\n');
}

function tableCell(v) {
  const depth = v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 2 ? -1 : 0;
  return util.inspect(v, { depth, maxArrayLength: 3, breakLength: Infinity });
}

function tableOf(data, properties) {
  const indices = (n) => Array.from({ length: n }, (_, i) => tableCell(i));
  if (data instanceof Map) {
    const keys = [];
    const values = [];
    for (const [k, v] of data) {
      keys.push(tableCell(k));
      values.push(tableCell(v));
    }
    return renderTable([ITERATION_INDEX, 'Key', 'Values'], [indices(keys.length), keys, values]);
  }
  if (data instanceof Set) {
    const values = Array.from(data, tableCell);
    return renderTable([ITERATION_INDEX, 'Values'], [indices(values.length), values]);
  }
  const columns = new Map();
  const primitives = [];
  let hasPrimitives = false;
  const rowKeys = Object.keys(data);
  rowKeys.forEach((rowKey, i) => {
    const item = data[rowKey];
    const primitive = item === null || (typeof item !== 'function' && typeof item !== 'object');
    if (properties === undefined && primitive) {
      hasPrimitives = true;
      primitives[i] = tableCell(item);
      return;
    }
    for (const key of properties || Object.keys(item)) {
      if (!columns.has(key)) {
        columns.set(key, []);
      }
      columns.get(key)[i] = (primitive && properties) || !Object.prototype.hasOwnProperty.call(item, key)
        ? '' : tableCell(item[key]);
    }
  });
  const head = [TABLE_INDEX, ...columns.keys()];
  const body = [rowKeys, ...columns.values()];
  if (hasPrimitives) {
    head.push('Values');
    body.push(primitives);
  }
  return renderTable(head, body);
}

// ---- the console ----------------------------------------------------------------------------------

/** A stream-like target: Node streams (anything with write) get text with its newline. */
function writerOf(stream) {
  return (line) => stream.write(line + '\n');
}

class Console {
  /**
   * new Console(stdout, stderr) or new Console({stdout, stderr}), as Node's: streams with write(text).
   * The global console writes to the script's standard output and error.
   */
  constructor(stdout, stderr) {
    const options = stdout && typeof stdout.write !== 'function' && stdout.stdout !== undefined ? stdout : { stdout, stderr };
    const out = typeof options.stdout === 'function' ? options.stdout : writerOf(options.stdout);
    const err = options.stderr === undefined ? out
      : typeof options.stderr === 'function' ? options.stderr : writerOf(options.stderr);
    const state = { out, err, indent: '', counts: new Map(), timers: new Map() };
    // NOTE: methods are bound, as Node's are: scripts pass console.log around (arr.forEach(console.log)).
    for (const name of Object.getOwnPropertyNames(Console.prototype)) {
      if (name !== 'constructor') {
        Object.defineProperty(this, name, { value: Console.prototype[name].bind(this, state), writable: true, enumerable: true, configurable: true });
      }
    }
  }

  log(state, ...args) {
    write(state, state.out, util.format(...args));
  }

  info(state, ...args) {
    write(state, state.out, util.format(...args));
  }

  debug(state, ...args) {
    write(state, state.out, util.format(...args));
  }

  dirxml(state, ...args) {
    write(state, state.out, util.format(...args));
  }

  error(state, ...args) {
    write(state, state.err, util.format(...args));
  }

  warn(state, ...args) {
    write(state, state.err, util.format(...args));
  }

  dir(state, value, options) {
    write(state, state.out, util.inspect(value, { customInspect: false, ...options }));
  }

  table(state, data, properties) {
    if (data === null || typeof data !== 'object') {
      write(state, state.out, util.format(data));
      return;
    }
    write(state, state.out, tableOf(data, properties));
  }

  assert(state, condition, ...args) {
    if (condition) {
      return;
    }
    if (args.length === 0) {
      args.push('Assertion failed');
    } else {
      args[0] = `Assertion failed: ${args[0]}`;
    }
    write(state, state.err, util.format(...args));
  }

  count(state, label = 'default') {
    const key = `${label}`;
    const count = (state.counts.get(key) || 0) + 1;
    state.counts.set(key, count);
    write(state, state.out, `${key}: ${count}`);
  }

  countReset(state, label = 'default') {
    const key = `${label}`;
    if (!state.counts.has(key)) {
      write(state, state.err, `Count for '${key}' does not exist`);
      return;
    }
    state.counts.delete(key);
  }

  time(state, label = 'default') {
    const key = `${label}`;
    if (state.timers.has(key)) {
      write(state, state.err, `(node) Warning: Label '${key}' already exists for console.time()`);
      return;
    }
    state.timers.set(key, now());
  }

  timeLog(state, label = 'default', ...data) {
    reportTime(state, `${label}`, 'timeLog', data);
  }

  timeEnd(state, label = 'default') {
    if (reportTime(state, `${label}`, 'timeEnd', [])) {
      state.timers.delete(`${label}`);
    }
  }

  group(state, ...labels) {
    if (labels.length > 0) {
      write(state, state.out, util.format(...labels));
    }
    state.indent += '  ';
  }

  groupCollapsed(state, ...labels) {
    if (labels.length > 0) {
      write(state, state.out, util.format(...labels));
    }
    state.indent += '  ';
  }

  groupEnd(state) {
    state.indent = state.indent.slice(0, -2);
  }

  trace(state, ...args) {
    const frames = String(new Error().stack).split('\n').slice(2).join('\n');
    const message = util.format(...args);
    write(state, state.err, `Trace${message ? ': ' + message : ''}${frames ? '\n' + frames : ''}`);
  }

  clear() {
  }
}

function reportTime(state, key, method, data) {
  const start = state.timers.get(key);
  if (start === undefined) {
    write(state, state.err, `(node) Warning: No such label '${key}' for console.${method}()`);
    return false;
  }
  const extra = data.length > 0 ? ' ' + data.map((d) => util.inspect(d)).join(' ') : '';
  write(state, state.out, `${key}: ${formatTime(now() - start)}${extra}`);
  return true;
}

/** Writes text as one line (or several) to target, indented by the open console.group()s. */
function write(state, target, text) {
  if (state.indent.length !== 0) {
    text = state.indent + (text.includes('\n') ? text.replace(/\n/g, `\n${state.indent}`) : text);
  }
  target(text);
}

const writers = globalThis[Symbol.for('torchglot.writers')];
const console = writers ? new Console({ stdout: writers.out, stderr: writers.err }) : new Console(process.stdout, process.stderr);
Object.defineProperty(console, 'Console', { value: Console, writable: true, configurable: true });

module.exports = console;
