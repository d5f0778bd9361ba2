'use strict';
// Placeholder torch module: the real shim over the torchglot engine replaces this file.
module.exports = { __version__: '1.13.1' };
