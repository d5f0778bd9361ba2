// torchglot's JavaScript prelude: the bits of Node's `process` that scripts commonly use.
(function (...argv) {
  const quitShell = globalThis.quit;
  globalThis.process = Object.freeze({
    argv: Object.freeze(['torchglot', ...argv]),
    exit(code = 0) {
      quitShell(code);
    },
  });
})
