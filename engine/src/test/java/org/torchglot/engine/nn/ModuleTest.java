package org.torchglot.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.torchglot.engine.Torch;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/** Module tree, reprs, state dicts and modes against PyTorch's output. */
class ModuleTest {
    private static final Fixtures F = Fixtures.load("fixtures/nn/nn.txt");

    private static Sequential nested() {
        return new Sequential(new Linear(2, 3), new Sequential(new ReLU(), new Linear(3, 1)));
    }

    @Test
    void reprsMatchPyTorch() {
        assertEquals(F.string("repr.sequential"),
                new Sequential(new Linear(2, 2), new Sigmoid(), new Linear(2, 1, false)).toString());
        assertEquals(F.string("repr.nested"), nested().toString());
        assertEquals(F.string("repr.modulelist"), new ModuleList(List.of(new ReLU(), new Linear(1, 2, false))).toString());
        assertEquals(F.string("repr.empty"), new Sequential().toString());
        List<Module> singles = List.of(new ReLU(), new ReLU(true), new LeakyReLU(), new LeakyReLU(0.2, true),
                new Sigmoid(), new Tanh(), new Softmax(1), new Softmax(null), new LogSoftmax(-1), new GELU(),
                new GELU("tanh"), new ELU(), new ELU(0.5), new Softplus(), new Softplus(2.0, 10.0), new Identity(),
                new Flatten(), new Flatten(0, 2), new Dropout(), new Dropout(0.25), new MSELoss(), new L1Loss(),
                new SmoothL1Loss(), new BCELoss(), new BCEWithLogitsLoss(), new CrossEntropyLoss(), new NLLLoss(),
                new Linear(1000, 100), new Linear(3, 4, false));
        List<String> reprs = new ArrayList<>();
        singles.forEach(m -> reprs.add(m.toString()));
        assertEquals(F.string("repr.singles"), String.join("\n", reprs));
    }

    @Test
    void namesFollowRegistrationOrder() {
        Sequential net = nested();
        assertEquals(F.string("keys.nested"), String.join(" ", net.stateDict().keySet()));
        assertEquals(F.string("names.nested"), String.join(" ", net.namedParameters().keySet()));
        assertEquals(F.string("modules.nested"), String.join(" ", net.namedModules().keySet()));
        assertEquals(4, net.parameters().size());
        assertEquals(2, net.children().size());
        assertEquals(5, net.modules().size());
    }

    @Test
    void sharedParametersAreListedOnce() {
        Linear shared = new Linear(2, 2);
        Sequential net = new Sequential(shared, new ReLU(), shared);
        assertEquals(2, net.parameters().size());
        assertEquals(4, net.stateDict().size());
        Tensor out = net.call(Torch.ones(1, 2));
        assertEquals("AddmmBackward0", out.gradFn().name());
    }

    @Test
    void loadStateDictErrorsMatchPyTorch() {
        Linear lin = new Linear(2, 2);
        Map<String, Tensor> missingAndExtra = new LinkedHashMap<>();
        missingAndExtra.put("weight", Torch.zeros(2, 2));
        missingAndExtra.put("foo", Torch.zeros(1));
        TorchException e = assertThrows(TorchException.class, () -> lin.loadStateDict(missingAndExtra));
        assertEquals(F.string("load.missing_unexpected"), e.getMessage());
        assertEquals("RuntimeError", e.pythonName());
        Map<String, Tensor> wrongSize = new LinkedHashMap<>();
        wrongSize.put("weight", Torch.zeros(3, 2));
        wrongSize.put("bias", Torch.zeros(2));
        assertEquals(F.string("load.size"), assertThrows(TorchException.class, () -> lin.loadStateDict(wrongSize))
                .getMessage());
        assertEquals(F.string("load.nonstrict"), lin.loadStateDict(missingAndExtra, false).toString());
        assertEquals(0.0, lin.weight().abs().sum().item());
        assertEquals(F.string("load.nested_missing"), assertThrows(TorchException.class,
                () -> nested().loadStateDict(Map.of("0.weight", Torch.zeros(3, 2)))).getMessage());
    }

    @Test
    void stateDictRoundTripsAndSharesStorage() {
        Sequential a = nested();
        Sequential b = nested();
        b.loadStateDict(a.stateDict());
        for (String key : a.stateDict().keySet()) {
            assertEquals(a.stateDict().get(key).sum().item(), b.stateDict().get(key).sum().item(), key);
        }
        assertSame(a.stateDict().get("0.weight").storage(), ((Linear) a.get(0)).weight().storage());
        assertFalse(a.stateDict().get("0.weight").requiresGrad());
    }

    @Test
    void trainEvalZeroGradAndApply() {
        Sequential net = nested();
        net.eval();
        assertFalse(((Sequential) net.get(1)).get(0).isTraining());
        net.train();
        assertTrue(net.get(0).isTraining());
        net.call(Torch.ones(4, 2)).sum().backward();
        Parameter w = ((Linear) net.get(0)).weight();
        net.zeroGrad();
        assertEquals(0.0, w.grad().abs().sum().item());
        net.zeroGrad(true);
        assertNull(w.grad());
        List<String> visited = new ArrayList<>();
        net.apply(m -> visited.add(m.typeName()));
        assertEquals(List.of("Linear", "ReLU", "Linear", "Sequential", "Sequential"), visited);
        net.requiresGrad_(false);
        assertFalse(w.requiresGrad());
    }

    @Test
    void sequentialIndexingAndCustomModules() {
        Sequential net = nested();
        assertEquals("Linear", net.get(-2).typeName());
        assertEquals("index 2 is out of range",
                assertThrows(TorchException.class, () -> net.get(2)).getMessage());
        net.append(new Sigmoid());
        assertEquals(3, net.len());
        assertEquals("Sigmoid()", net.slice(2, 3).get(0).toString());

        CustomModule custom = new CustomModule("Net");
        custom.register("fc1", new Linear(2, 3));
        custom.register("scale", new Parameter(Torch.ones(1)));
        assertFalse(custom.register("note", "plain attribute"));
        Linear fc1 = (Linear) custom.get("fc1");
        custom.setForward(args -> fc1.call((Tensor) args[0]).mul((Tensor) custom.get("scale")));
        assertEquals("Net(\n  (fc1): Linear(in_features=2, out_features=3, bias=True)\n)", custom.toString());
        assertEquals(List.of("scale", "fc1.weight", "fc1.bias"), List.copyOf(custom.namedParameters().keySet()));
        assertEquals("MulBackward0", custom.call(Torch.ones(1, 2)).gradFn().name());
        assertEquals("Module [Net2] is missing the required \"forward\" function",
                assertThrows(TorchException.class, () -> new CustomModule("Net2").call(Torch.ones(1))).getMessage());
    }
}
