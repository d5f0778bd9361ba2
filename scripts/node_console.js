// What a JavaScript developer logs around a training run, without torch: its expected output
// (node_console.js.out) is written by real Node (tools/golden --node), so torchglot's console must
// print exactly what Node prints.
const util = require('util');

class TrainingConfig {
  constructor() {
    this.layers = [2, 8, 8, 1];
    this.activation = 'relu';
    this.optimizer = { name: 'Adam', lr: 3e-3, betas: [0.9, 0.999] };
    this.epochs = 200;
  }
}

const config = new TrainingConfig();
console.log('config:', config);
console.log('%s: %d layers, lr=%f, %j', config.activation, config.layers.length, config.optimizer.lr, config.layers);

const losses = Array.from({ length: 40 }, (_, i) => Math.round(1000 * Math.exp(-i / 10)) / 1000);
console.log('losses', losses);
console.log(new Float64Array(losses.slice(0, 5)));

const history = new Map([['train', losses.slice(-3)], ['valid', [0.051, 0.049]]]);
console.log(history, new Set(['relu', 'tanh']));

console.group('epoch 10');
console.info({ step: 10, loss: 0.368, grads: { fc1: [0.01, -0.2], fc2: { weight: [[0.5]], bias: [0] } } });
console.warn('learning rate %s is high', config.optimizer.lr);
console.groupEnd();

console.table([
  { model: 'linear', params: 3, accuracy: 0.5 },
  { model: 'mlp', params: 33, accuracy: 1 },
]);

const checkpoint = { epoch: 200, config };
checkpoint.self = checkpoint;
console.dir(checkpoint, { depth: 0 });
console.log(checkpoint);

const failure = new RangeError('lr must be positive');
failure.stack = 'RangeError: lr must be positive';
console.error(failure, [undefined, null, -0, 10n, Symbol('seed')]);
console.assert(losses[39] < losses[0], 'the loss should fall');
console.assert(losses[39] > losses[0], 'the loss fell from %d to %d', losses[0], losses[39]);
console.count('epoch');
console.count('epoch');
console.log(util.inspect('it\'s done', { colors: false }), util.format('%i%%', 99.9), [config.layers, [[[['deep']]]]]);
