package org.torchglot.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.torchglot.bindings.PolyglotFixture.CONTEXT;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.torchglot.engine.io.OrderedDict;
import org.torchglot.engine.io.TorchIO;
import org.torchglot.engine.io.Tuple;
import org.torchglot.engine.tensor.Tensor;

/**
 * What a Python script gets back from the torch package is made of Python objects, so the standard patterns work:
 * early stopping with {@code copy.deepcopy}, checkpoints with {@code torch.save}/{@code torch.load}, pickling.
 */
class PythonObjectsTest {

    private static String python(String code) {
        PolyglotFixture.takeOutput();
        CONTEXT.eval(Language.PYTHON, "import torch, copy, pickle\nfrom torch import nn\n" + code);
        return PolyglotFixture.takeOutput();
    }

    private static final String TRAINING = """
            class Net(nn.Module):
                def __init__(self):
                    super().__init__()
                    self.body = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 1))
                    self.scale = 2.0

                def forward(self, x):
                    return self.body(x) * self.scale

            torch.manual_seed(0)
            x, y = torch.randn(8, 3), torch.randn(8, 1)
            loss_fn = nn.MSELoss()

            def train(model, optimizer, steps):
                losses = []
                for _ in range(steps):
                    optimizer.zero_grad()
                    loss = loss_fn(model(x), y)
                    loss.backward()
                    optimizer.step()
                    losses.append(loss.item())
                return losses
            """;

    @Test
    void optimizerStateDictsAreDictsOfTensorsNumbersTuplesAndLists() {
        assertEquals("dict dict int dict Tensor Tensor list dict tuple float bool NoneType list int\n"
                + "(0.9, 0.99) tuple ['params', 'lr', 'betas'] True\n", python(TRAINING + """
                model = Net()
                optimizer = torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.99))
                train(model, optimizer, 1)
                sd = optimizer.state_dict()
                state, group = sd["state"], sd["param_groups"][0]
                print(*[type(v).__name__ for v in (sd, state, next(iter(state)), state[0], state[0]["step"],
                        state[0]["exp_avg"], sd["param_groups"], group, group["betas"], group["lr"], group["amsgrad"],
                        group["foreach"], group["params"], group["params"][0])])
                entry = optimizer.param_groups[0]
                entry["lr"] = 0.5
                print(entry["betas"], type(optimizer.defaults["betas"]).__name__, list(entry)[:3],
                      optimizer.state_dict()["param_groups"][0]["lr"] == 0.5)
                """));
    }

    @Test
    void earlyStoppingKeepsTheBestWeightsWithDeepcopy() {
        assertEquals("True False True True\n", python(TRAINING + """
                model = Net()
                optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
                train(model, optimizer, 2)
                best_state = copy.deepcopy(model.state_dict())
                best_model = copy.deepcopy(model)
                before = model(x)
                train(model, optimizer, 3)
                after_training = torch.equal(best_model(x), before)
                moved = torch.equal(model(x), before)
                model.load_state_dict(best_state)
                print(after_training, moved, torch.equal(model(x), before), best_model.scale == 2.0)
                """));
    }

    @Test
    void aCheckpointResumesWithIdenticalNextSteps() {
        String out = python(TRAINING + """
                model = Net()
                optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
                last = train(model, optimizer, 3)[-1]
                torch.save({"epoch": 3, "model": model.state_dict(), "optimizer": optimizer.state_dict(),
                            "loss": torch.tensor(last)}, "checkpoint.pt")
                continued = train(model, optimizer, 2)
                checkpoint = torch.load("checkpoint.pt")
                resumed_model = Net()
                resumed = torch.optim.Adam(resumed_model.parameters(), lr=0.5)
                resumed_model.load_state_dict(checkpoint["model"])
                resumed.load_state_dict(checkpoint["optimizer"])
                print(checkpoint["epoch"], resumed.param_groups[0]["lr"], train(resumed_model, resumed, 2) == continued)
                """);
        assertEquals("3 0.01 True\n", out);
        Map<?, ?> saved = (Map<?, ?>) TorchIO.load(PolyglotFixture.WORKING_DIRECTORY.resolve("checkpoint.pt"));
        assertInstanceOf(OrderedDict.class, saved.get("model"), "a module's state_dict is saved as an OrderedDict");
        Map<?, ?> optimizer = (Map<?, ?>) saved.get("optimizer");
        Map<?, ?> state = (Map<?, ?>) optimizer.get("state");
        assertEquals(List.of(0L, 1L, 2L, 3L), List.copyOf(state.keySet()), "state is keyed by int, as PyTorch reads it");
        assertInstanceOf(Tensor.class, ((Map<?, ?>) state.get(0L)).get("exp_avg"));
        Map<?, ?> group = (Map<?, ?>) ((List<?>) optimizer.get("param_groups")).get(0);
        assertInstanceOf(Tuple.class, group.get("betas"), "betas is pickled as a tuple");
        assertEquals(List.of(0L, 1L, 2L, 3L), group.get("params"));
    }

    @Test
    void tensorsParametersModulesAndOptimizersCopyAndPickle() {
        assertEquals("Parameter True tensor([1., 2.]) tensor([9., 2.])\n"
                + "int64 [2, 3] False Parameter True\n"
                + "Net True False True\n"
                + "True\n"
                + "Adam (0.8, 0.9) 3 True\n", python(TRAINING + """
                p = nn.Parameter(torch.tensor([1., 2.]))
                shallow, deep = copy.copy(p), copy.deepcopy(p)
                p.data[0] = 9.
                print(type(deep).__name__, deep.requires_grad, deep.data, shallow.data)
                ints = pickle.loads(pickle.dumps(torch.arange(6).reshape(2, 3)))
                back = pickle.loads(pickle.dumps(p))
                print(str(ints.dtype).split('.')[1], list(ints.shape), ints.requires_grad, type(back).__name__,
                      torch.equal(back, p))
                model = Net()
                clone = pickle.loads(pickle.dumps(model))
                same_output = torch.equal(clone(x), model(x))
                with torch.no_grad():
                    clone.body[0].weight.add_(1.)
                print(type(clone).__name__, same_output, torch.equal(clone(x), model(x)),
                      copy.copy(model).body[0].weight is not None)
                layer = nn.Linear(50, 50)
                torch.manual_seed(5)
                copy.deepcopy(layer), pickle.loads(pickle.dumps(layer))
                after_copies = torch.rand(3)
                torch.manual_seed(5)
                print(torch.equal(after_copies, torch.rand(3)))
                optimizer = torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.8, 0.9))
                train(model, optimizer, 1)
                twin = copy.deepcopy(optimizer)
                print(type(twin).__name__, twin.param_groups[0]["betas"], len(twin.state_dict()["state"][0]),
                      torch.equal(twin.state_dict()["state"][0]["exp_avg"], optimizer.state_dict()["state"][0]["exp_avg"]))
                """));
    }

    @Test
    void identityTakesNoArgumentAndAllAnyTakeADim() {
        assertEquals("Identity() Sequential()\ntensor([ True, False]) tensor([[True],\n        [True]])\n", python("""
                b = torch.tensor([[True, True], [False, True]])
                print(nn.Identity(), nn.Sequential())
                print(b.all(dim=1), b.any(1, keepdim=True))
                """));
    }

    @Test
    void noForeignObjectReachesUserCode() throws IOException {
        String walk;
        try (InputStream in = PythonObjectsTest.class.getResourceAsStream("/python/no_foreign_objects.py")) {
            walk = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String escapes = CONTEXT.eval(Language.PYTHON, walk).toString();
        assertEquals("[]", escapes, "foreign objects seen by user code");
    }

    /** finfo and iinfo report PyTorch 1.13's limits and repr (the expected text is real PyTorch's). */
    @Test
    void finfoAndIinfoMatchPyTorch() {
        assertEquals("finfo(resolution=1e-06, min=-3.40282e+38, max=3.40282e+38, eps=1.19209e-07, smallest_normal=1.17549e-38, tiny=1.17549e-38, dtype=float32) 32 1.1920928955078125e-07 3.4028234663852886e+38 -3.4028234663852886e+38 1.1754943508222875e-38 1e-06 float32\nfinfo(resolution=1e-15, min=-1.79769e+308, max=1.79769e+308, eps=2.22045e-16, smallest_normal=2.22507e-308, tiny=2.22507e-308, dtype=float64) 64 2.220446049250313e-16 1.7976931348623157e+308 -1.7976931348623157e+308 2.2250738585072014e-308 1e-15 float64\niinfo(min=-9.22337e+18, max=9.22337e+18, dtype=int64) 64 9223372036854775807 -9223372036854775808 int64 finfo(resolution=1e-06, min=-3.40282e+38, max=3.40282e+38, eps=1.19209e-07, smallest_normal=1.17549e-38, tiny=1.17549e-38, dtype=float32)\ntorch.bool is not supported by torch.iinfo\ntorch.finfo() requires a floating point input type. Use torch.iinfo to handle 'torch.finfo'\ntorch.iinfo() requires an integer input type. Use torch.finfo to handle 'torch.iinfo'\n", python("""
                for d in [torch.float32, torch.float64]:
                    f = torch.finfo(d)
                    print(repr(f), f.bits, f.eps, f.max, f.min, f.tiny, f.resolution, f.dtype)
                i = torch.iinfo(torch.int64)
                print(repr(i), i.bits, i.max, i.min, i.dtype, repr(torch.finfo()))
                for call in (lambda: torch.iinfo(torch.bool), lambda: torch.finfo(torch.int64), lambda: torch.iinfo(torch.float32)):
                    try:
                        call()
                    except TypeError as e:
                        print(e)
                """));
    }
}
