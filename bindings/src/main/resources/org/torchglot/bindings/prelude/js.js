// torchglot's JavaScript prelude: the bits of Node's `process` that scripts commonly use, and
// Node's console (js/console.js), loaded on first use.
(function (...argv) {
  const quitShell = globalThis.quit;
  globalThis.process = Object.freeze({
    argv: Object.freeze(['torchglot', ...argv]),
    exit(code = 0) {
      quitShell(code);
    },
  });
  // NOTE: the shell's print and printErr, kept where a script redefining `print` cannot reach them.
  const print = globalThis.print;
  const printErr = globalThis.printErr;
  Object.defineProperty(globalThis, Symbol.for('torchglot.writers'), {
    value: Object.freeze({ out: (line) => print(line), err: (line) => printErr(line) }),
  });
  if (typeof globalThis.queueMicrotask !== 'function') {
    globalThis.queueMicrotask = (callback) => {
      if (typeof callback !== 'function') {
        throw new TypeError('The "callback" argument must be of type function');
      }
      Promise.resolve().then(() => callback());
    };
  }
  const load = globalThis.require;
  Object.defineProperty(globalThis, 'console', {
    get() {
      const console = load('console');
      Object.defineProperty(globalThis, 'console', { value: console, writable: true, configurable: true });
      return console;
    },
    set(value) {
      Object.defineProperty(globalThis, 'console', { value, writable: true, configurable: true });
    },
    configurable: true,
  });
})
