package org.torchglot.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.torchglot.bindings.PolyglotFixture.CONTEXT;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;

/**
 * JavaScript ports of PyTorch snippets print exactly what real PyTorch printed for the Python
 * original: tools/fixtures/js_fixtures.py holds the Python side and wrote the expected output to
 * fixtures/js_torch.json; each test here holds the JavaScript side of one case.
 */
class JsTorchTest {

    private static final Value CASES = loadCases();

    @Test
    void randnTakesSizesAsArgumentsOrAsAnArray() {
        check("randn_sizes", """
                torch.manualSeed(0);
                console.log(torch.randn(2, 3));
                torch.manual_seed(0);
                console.log(torch.randn([2, 3]));
                """);
    }

    @Test
    void aTrailingOptionsObjectIsTheKeywordArguments() {
        check("options", """
                console.log(torch.zeros(2, 3, {dtype: torch.float64, requiresGrad: true}));
                console.log(torch.ones(2, {dtype: torch.int64}));
                console.log(torch.full([2, 2], 7.0));
                """);
    }

    @Test
    void methodsChainWhereJavaScriptHasNoOperators() {
        check("chained_methods", """
                torch.manual_seed(1);
                const x = torch.randn(2, 3);
                const w = torch.randn(3, 4);
                const b = torch.randn(4);
                console.log(x.matmul(w).add(b).relu());
                console.log(x.sub(1).pow(2).mean());
                console.log(x.sum(1, {keepdim: true}));
                """);
    }

    @Test
    void indexTakesPythonSubscriptItemsAsArgumentsOrStrings() {
        check("indexing", """
                const x = torch.arange(24).view(2, 3, 4);
                console.log(x.index(1));
                console.log(x.index(':', '1:3'));
                console.log(x.index('..., -1'));
                console.log(x.index(0, null, '::2'));
                console.log(x.index(1, 2, 3));
                console.log(x.index(torch.tensor([1n, 0n])).index(':, 0, 0'));
                console.log(x.index(x.gt(20)));
                console.log(x.index(':', [0, 2], 1));
                console.log(x.slice(2, 1, 3).index(0));
                """);
    }

    @Test
    void indexPutAssignsThroughTheSameItems() {
        check("index_put", """
                const y = torch.zeros(2, 3);
                y.index_put_([0, ':'], 5);
                y.index_put_([':', 2], torch.tensor([1, 2]));
                y.indexPut_('1, 0:2', -1);
                console.log(y);
                """);
    }

    @Test
    void tupleResultsDestructureAndNameTheirItems() {
        check("max_tuple", """
                const [values, indices] = torch.tensor([[1, 5], [7, 3]]).max(1);
                console.log(values);
                console.log(torch.tensor([[1, 5], [7, 3]]).max(1).indices);
                """);
    }

    @Test
    void backwardAndNoGrad() {
        check("autograd", """
                const x = torch.tensor([1, 2, 3], {requires_grad: true});
                const y = x.mul(x).sum();
                y.backward();
                console.log(y);
                console.log(x.grad);
                const z = torch.no_grad(() => x.mul(2));
                console.log(z);
                """);
    }

    @Test
    void aModuleSubclassRegistersItsLayersAndParameters() {
        check("module_subclass", """
                torch.manual_seed(2);
                class Net extends nn.Module {
                  constructor() {
                    super();
                    this.fc = new nn.Linear(2, 3);
                    this.out = new nn.Linear(3, 1);
                    this.scale = new nn.Parameter(torch.ones(1));
                  }
                  forward(x) {
                    return this.out(torch.relu(this.fc(x))).mul(this.scale);
                  }
                }
                const net = new Net();
                console.log(net);
                console.log(net(torch.ones(2, 2)));
                for (const [name, p] of net.named_parameters()) {
                  console.log(name, p.shape);
                }
                console.log(new nn.Sequential(net, new nn.Sigmoid())(torch.ones(1, 2)));
                """);
    }

    @Test
    void sequentialIndexesItsLayersAndExposesTheirSettings() {
        check("sequential", """
                torch.manual_seed(3);
                const model = new nn.Sequential(new nn.Linear(2, 2), new nn.Tanh(), new nn.Linear(2, 1));
                console.log(model);
                console.log(model[0].weight);
                console.log(model.get(-1).bias);
                console.log(model(torch.tensor([[1, 2]])));
                console.log(model[0].in_features, model[0].out_features);
                """);
    }

    @Test
    void sgdWithMomentumTakesItsOptionsAsAnObject() {
        check("sgd_momentum", """
                torch.manual_seed(4);
                const lin = new nn.Linear(3, 1);
                const opt = new torch.optim.SGD(lin.parameters(), {lr: 0.1, momentum: 0.9});
                const x = torch.tensor([[1, 2, 3], [0.5, -1, 2]]);
                const y = torch.tensor([[1], [0]]);
                for (let i = 0; i < 3; i++) {
                  opt.zero_grad();
                  const loss = F.mse_loss(lin(x), y);
                  loss.backward();
                  opt.step();
                }
                console.log(lin.weight);
                console.log(lin.bias);
                """);
    }

    @Test
    void adamWithAStepScheduler() {
        check("adam_step_lr", """
                torch.manual_seed(5);
                const lin = new nn.Linear(2, 1);
                const opt = new torch.optim.Adam(lin.parameters(), {lr: 0.1});
                const sched = new torch.optim.lr_scheduler.StepLR(opt, {step_size: 2, gamma: 0.5});
                const x = torch.tensor([[1, 2], [3, 4]]);
                const y = torch.tensor([[1], [2]]);
                for (let i = 0; i < 4; i++) {
                  opt.zeroGrad();
                  F.mseLoss(lin(x), y).backward();
                  opt.step();
                  sched.step();
                }
                console.log(lin.weight);
                console.log(torch.tensor(opt.param_groups[0].lr));
                """);
    }

    @Test
    void initAndFunctional() {
        check("init_and_functional", """
                torch.manual_seed(6);
                const w = torch.empty(2, 3);
                nn.init.xavier_uniform_(w);
                console.log(w);
                const logits = torch.tensor([[1, 2, 0.5], [0.1, 0.2, 3]]);
                console.log(F.cross_entropy(logits, torch.tensor([0n, 2n])));
                console.log(F.softmax(logits, {dim: 1}));
                """);
    }

    @Test
    void aSeededDataLoaderShufflesInPyTorchsOrder() {
        check("data_loader", """
                torch.manual_seed(7);
                const {TensorDataset, DataLoader} = torch.utils.data;
                const ds = new TensorDataset(torch.arange(10), torch.arange(10).mul(10));
                for (const [xb, yb] of new DataLoader(ds, {batch_size: 4, shuffle: true})) {
                  console.log(xb, yb);
                }
                """);
    }

    @Test
    void engineErrorsCarryPyTorchsMessageAndName() {
        check("errors", """
                for (const f of [() => torch.ones(4, 2).matmul(torch.ones(3, 1)),
                                 () => torch.ones(4).index(5),
                                 () => torch.ones(2, 3).view(4, 2)]) {
                  try {
                    f();
                  } catch (e) {
                    console.log(e.torchName, e.message);
                  }
                }
                """);
    }

    /** Runs a JavaScript case with torch, nn and F in scope and compares its output with PyTorch's. */
    private static void check(String name, String javascript) {
        PolyglotFixture.takeOutput();
        CONTEXT.eval(Language.JS, "(() => {\nconst torch = require('torch');\nconst nn = torch.nn;\n"
                + "const F = torch.nn.functional;\n" + javascript + "})();");
        assertEquals(CASES.getMember(name).asString(), PolyglotFixture.takeOutput(), name);
    }

    private static Value loadCases() {
        try (InputStream in = JsTorchTest.class.getResourceAsStream("/fixtures/js_torch.json")) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return CONTEXT.eval(Language.JS, "(text) => JSON.parse(text).cases").execute(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
