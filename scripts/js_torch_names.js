// The torch names JavaScript gained to match Python's: save/load (PyTorch's format, through the sandbox),
// from_numpy from a typed array, as_tensor, device, finfo/iinfo, the RNG state, is_floating_point,
// is_inference_mode_enabled and utils.data.default_convert. Numbers and reprs checked against PyTorch 1.13.
const torch = require('torch');
const { default_convert } = torch.utils.data;

torch.manual_seed(3);
const w = torch.randn(2, 3);
const state = { model: { weight: w, bias: torch.tensor([1.5, -2], { dtype: torch.float64 }) }, epoch: 7, lr: 0.01,
  name: 'mlp', steps: [1, 2, 3], best: null, flags: new Set(['a']), order: new Map([['z', 1], ['a', 2]]) };
torch.save(state, 'ckpt.pt');
const back = torch.load('ckpt.pt');
console.log(Object.keys(back).join(','), back.epoch, back.lr, back.name, back.steps, back.best, back.flags, Object.keys(back.order));
console.log(String(back.model.weight), torch.equal(back.model.weight, w), String(back.model.bias));
const model = new torch.nn.Linear(3, 2);
torch.save(model.state_dict(), 'linear.pt');
const fresh = new torch.nn.Linear(3, 2);
fresh.load_state_dict(torch.load('linear.pt'));
console.log(torch.equal(fresh.weight, model.weight), torch.equal(fresh.bias, model.bias));
try {
  torch.save({ f: () => 1 }, 'bad.pt');
} catch (e) {
  console.log(e.constructor.name, e.message.split(';')[0]);
}

const fa = torch.from_numpy(new Float64Array([1, 2.5]));
console.log(String(fa), String(torch.from_numpy(new Int32Array([4, 5]))), String(torch.from_numpy(new Float32Array([0.5]))));
try {
  torch.from_numpy([1, 2]);
} catch (e) {
  console.log(e.constructor.name, e.message);
}
const t = torch.tensor([1, 2]);
console.log(torch.as_tensor(t) === t, torch.as_tensor(t, { dtype: torch.float64 }).dtype.toString(),
  String(torch.as_tensor([1, 2], { dtype: torch.int64 })));
const d = torch.device('cpu');
console.log(String(d), d.type, d.index, String(torch.device('cpu:0')), torch.device('cpu', 0).index, t.device == d);
console.log(String(torch.finfo(torch.float32)));
console.log(String(torch.finfo()), torch.finfo(torch.float64).eps, torch.finfo(torch.float32).max);
console.log(String(torch.iinfo(torch.int64)), torch.iinfo(torch.int64).max, torch.iinfo(torch.int64).bits);
for (const bad of [() => torch.finfo('x'), () => torch.finfo(torch.int64), () => torch.iinfo(torch.float32), () => torch.iinfo(torch.bool)]) {
  try {
    bad();
  } catch (e) {
    console.log(e.constructor.name, e.message);
  }
}
torch.manual_seed(0);
const rng = torch.get_rng_state();
console.log(String(rng.shape), String(rng.index(':8')));
const a = torch.rand(3);
torch.set_rng_state(rng);
console.log(torch.equal(a, torch.rand(3)));
console.log(torch.is_floating_point(t), torch.is_floating_point(torch.tensor([1n])));
console.log(torch.is_inference_mode_enabled(), torch.inference_mode(() => torch.is_inference_mode_enabled()),
  torch.is_inference_mode_enabled());
const converted = default_convert([new Float64Array([1, 2]), [3, 'a'], { k: new Int32Array([7]) }]);
console.log(String(converted[0]), converted[1], String(converted.at(2).k));
