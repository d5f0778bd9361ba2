'use strict';
// torch.Generator over the engine's libtorch-exact generator, and the default generator's seed.

const { J, bind, guard } = require('./bridge.js');

/** A random number generator; the same seed gives PyTorch's numbers. */
class Generator {
  constructor() {
    this._j = new J.Generator();
  }

  static wrap(jgenerator) {
    const g = Object.create(Generator.prototype);
    g._j = jgenerator;
    return g;
  }

  manual_seed(seed) {
    guard(() => this._j.manualSeed(seed));
    return this;
  }

  seed() {
    return this._j.seed();
  }

  initial_seed() {
    return this._j.initialSeed();
  }

  toString() {
    return '<torch._C.Generator object>';
  }
}
Generator.prototype.manualSeed = Generator.prototype.manual_seed;
Generator.prototype.initialSeed = Generator.prototype.initial_seed;

bind({ Generator });

const default_generator = Generator.wrap(J.Generator.getDefault());

/** Seeds the default generator (libtorch's stream: the same seed gives the same numbers as PyTorch). */
function manual_seed(seed) {
  return default_generator.manual_seed(seed);
}

module.exports = {
  Generator,
  default_generator,
  manual_seed,
  seed: () => default_generator.seed(),
  initial_seed: () => default_generator.initial_seed(),
};
