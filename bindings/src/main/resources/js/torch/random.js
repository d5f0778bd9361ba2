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

  /** The generator's state as PyTorch's 5056 bytes (an int64 tensor here: the engine has no uint8 dtype). */
  get_state() {
    const { tensor } = require('./tensor.js');
    const { DTYPES } = require('./dtypes.js');
    return tensor(Array.from(this._j.getState(), (b) => b & 0xFF), { dtype: DTYPES.int64 });
  }

  /** Restores a state from get_state(). */
  set_state(state) {
    const { Tensor } = require('./tensor.js');
    if (!(state instanceof Tensor)) {
      throw new TypeError(`expected a torch.ByteTensor, but got ${state === null ? 'null' : typeof state}`);
    }
    // NOTE: Java bytes are signed.
    const bytes = state.tolist().flat(Infinity).map((b) => { const v = Number(b) & 0xFF; return v > 127 ? v - 256 : v; });
    guard(() => this._j.setState(bytes));
    return this;
  }

  toString() {
    return '<torch._C.Generator object>';
  }
}
Generator.prototype.getState = Generator.prototype.get_state;
Generator.prototype.setState = Generator.prototype.set_state;
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
  get_rng_state: () => default_generator.get_state(),
  set_rng_state: (state) => { default_generator.set_state(state); },
};
