// nn_layers.py in JavaScript: a small classifier over token embeddings from Embedding, BatchNorm1d,
// LayerNorm, the activation and dropout families, ModuleDict and ParameterList, trained for a few
// steps with several of the losses. Seeded as the Python is, so the numbers equal nn_layers.py's.
const torch = require('torch');
const nn = torch.nn;
const F = torch.nn.functional;

torch.manualSeed(0);

class Classifier extends nn.Module {
  constructor(vocab, dim, classes) {
    super();
    this.embed = new nn.Embedding(vocab, dim, { padding_idx: 0 });
    this.body = new nn.Sequential(
      new nn.Linear(2 * dim, 16),
      new nn.BatchNorm1d(16),
      new nn.SiLU(),
      new nn.AlphaDropout(0.1),
      new nn.Linear(16, 16),
      new nn.LayerNorm(16),
    );
    this.acts = new nn.ModuleDict({ mish: new nn.Mish(), hardswish: new nn.Hardswish(), prelu: new nn.PReLU() });
    this.heads = new nn.ParameterList([new nn.Parameter(torch.randn(classes, 16).mul(0.1)),
      new nn.Parameter(torch.zeros(classes))]);
  }

  forward(tokens, act = 'mish') {
    const x = this.embed(tokens).flatten(1);
    return F.linear(this.acts.get(act)(this.body(x)), this.heads.get(0), this.heads.get(1));
  }
}

const model = new Classifier(10, 3, 4);
console.log(model.toString());
console.log(Object.keys(model.state_dict()));

const tokens = torch.randint(0, 10, [8, 2]);
const labels = torch.randint(0, 4, [8]);
const opt = new torch.optim.SGD(model.parameters(), { lr: 0.1 });
for (let step = 0; step < 5; step++) {
  opt.zero_grad();
  const logits = model(tokens, ['mish', 'hardswish', 'prelu'][step % 3]);
  const loss = F.cross_entropy(logits, labels).add(new nn.MultiMarginLoss()(logits, labels).mul(0.1));
  loss.backward();
  opt.step();
  console.log(step, Math.round(loss.item() * 1e4) / 1e4);
}

const bn = model.body.get(1);
console.log(bn.num_batches_tracked.toString(), bn.running_mean.index(':4').toString());
model.eval();
console.log(model(tokens.index(':3')).argmax(1).toString());

const x = torch.randn(4, 5);
const y = torch.randn(4, 5);
console.log(F.huber_loss(x, y, { delta: 0.5 }).toString(), F.soft_margin_loss(x, y.sign()).toString());
console.log(F.kl_div(F.log_softmax(x, 1), F.softmax(y, 1), { reduction: 'batchmean' }).toString());
console.log(F.cosine_similarity(x, y).toString(), F.pairwise_distance(x, y).toString());
console.log(F.pad(x.index(':2', ':2'), [1, 0], { value: 9.0 }).toString());
console.log(F.one_hot(labels.index(':4'), { num_classes: 4 }).toString());
console.log([new nn.Hardtanh(-2, 2), new nn.Threshold(0.1, 20), new nn.GroupNorm(2, 4),
  new nn.Unflatten(1, [2, 2])].map(String).join(' '));
