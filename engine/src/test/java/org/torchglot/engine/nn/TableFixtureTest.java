package org.torchglot.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.torchglot.engine.Torch;
import org.torchglot.engine.api.Convention;
import org.torchglot.engine.api.OpTable;
import org.torchglot.engine.autograd.GradCheck;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Tensor;

/**
 * The modules and functionals of {@code tools/fixtures/nn_fixtures.py}'s breadth.txt, called
 * through the op tables with PyTorch's own argument names: values, gradients and grad_fn names
 * against PyTorch 1.13, module reprs and state dicts, and float64 gradient checks.
 */
class TableFixtureTest {
    private static final Fixtures F = Fixtures.load("fixtures/nn/breadth.txt");
    private static final double REL = 2e-5;
    private static final double ABS = 2e-5;
    /**
     * Cases without a finite-difference check: the random ones (dropout; their forward is checked
     * against PyTorch's masks) and embedding's padding row, whose gradient PyTorch zeroes on purpose.
     */
    private static final Set<String> NO_GRADCHECK = Set.of("alpha_dropout", "feature_alpha_dropout", "dropout1d", "dropout2d", "dropout3d", "rrelu_train",
            "embedding_pad");

    /** Ops that libtorch runs as one kernel and torchglot composes, so their grad_fn names differ (pdist's is a norm). */
    private static final Set<String> COMPOSED = Set.of("pdist", "pdist_p1", "embedding_bag",
            "embedding_bag_offsets", "embedding_bag_max");

    /** One call of a fixture: op name, positional and keyword arguments, with input names resolved. */
    private record Call(String op, List<Object> args, Map<String, Object> kwargs) {
        static Call parse(String text, Map<String, Tensor> inputs) {
            String[] halves = text.split(" \\| ", -1);
            String[] head = halves[0].trim().split(" ");
            List<Object> args = new ArrayList<>();
            for (int i = 1; i < head.length; i++) {
                args.add(literal(head[i], inputs));
            }
            Map<String, Object> kwargs = new LinkedHashMap<>();
            if (halves.length > 1 && !halves[1].isBlank()) {
                for (String kv : halves[1].trim().split(" ")) {
                    int eq = kv.indexOf('=');
                    kwargs.put(kv.substring(0, eq), literal(kv.substring(eq + 1), inputs));
                }
            }
            return new Call(head[0], args, kwargs);
        }

        private static Object literal(String s, Map<String, Tensor> inputs) {
            if (inputs.containsKey(s)) {
                return inputs.get(s);
            }
            return switch (s) {
                case "None" -> null;
                case "True" -> Boolean.TRUE;
                case "False" -> Boolean.FALSE;
                default -> {
                    if (s.startsWith("'")) {
                        yield s.substring(1, s.length() - 1);
                    }
                    if (s.startsWith("[")) {
                        List<Object> items = new ArrayList<>();
                        for (String part : s.substring(1, s.length() - 1).split(",")) {
                            items.add(Long.parseLong(part));
                        }
                        yield items;
                    }
                    yield s.matches("-?\\d+") ? (Object) Long.parseLong(s) : (Object) Double.parseDouble(s);
                }
            };
        }

        /** The same call with some inputs replaced (leaves that require grad, float64 copies). */
        Call with(Map<Tensor, Tensor> replace) {
            List<Object> a = args.stream().map(v -> v instanceof Tensor t && replace.containsKey(t) ? replace.get(t) : v)
                    .toList();
            Map<String, Object> k = new LinkedHashMap<>();
            kwargs.forEach((name, v) -> k.put(name, v instanceof Tensor t && replace.containsKey(t) ? replace.get(t) : v));
            return new Call(op, new ArrayList<>(a), k);
        }

        Object run(OpTable table) {
            return table.call(op, args.toArray(), kwargs, Convention.ZERO_BASED);
        }
    }

    private static Map<String, Tensor> inputs() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String name : F.string("in.names").split(" ")) {
            int[] shape = Arrays.stream(F.doubles("in." + name + ".shape")).mapToInt(d -> (int) d).toArray();
            String dtype = F.string("in." + name + ".dtype");
            out.put(name, dtype.equals("int64") ? F.longTensor("in." + name, shape) : F.tensor("in." + name, shape));
        }
        return out;
    }

    private static void assertMatches(String key, Tensor actual) {
        assertArrayEquals(intShape(key + ".shape"), actual.shape(), key + ": shape");
        F.assertClose(key + ".out", actual, REL, ABS);
    }

    private static int[] intShape(String key) {
        double[] d = F.doubles(key);
        return Arrays.stream(d).mapToInt(v -> (int) v).toArray();
    }

    @TestFactory
    Stream<DynamicTest> functionalsMatchPyTorch() {
        Map<String, Tensor> in = inputs();
        return Arrays.stream(F.string("f.cases").split(" ")).map(name -> DynamicTest.dynamicTest(name, () -> {
            String key = "f." + name;
            Call call = Call.parse(F.string(key + ".call"), in);
            Map<Tensor, Tensor> leaves = new java.util.IdentityHashMap<>();
            in.forEach((n, t) -> {
                if (F.has(key + ".grad." + n)) {
                    leaves.put(t, t.clone().detach().requiresGrad_(true));
                }
            });
            Torch.manualSeed(0);
            Tensor out = (Tensor) call.with(leaves).run(OpTable.functional());
            assertMatches(key, out);
            if (F.has(key + ".fn")) {
                if (!COMPOSED.contains(name)) {
                    assertEquals(F.string(key + ".fn"), out.gradFn().name(), key + ": grad_fn");
                }
                out.backward(F.tensor(key + ".g", out.shape()), false);
                in.forEach((n, t) -> {
                    if (leaves.containsKey(t)) {
                        F.assertClose(key + ".grad." + n, leaves.get(t).grad(), REL, ABS);
                    }
                });
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> functionalGradientsMatchFiniteDifferences() {
        Map<String, Tensor> in = inputs();
        return Arrays.stream(F.string("f.cases").split(" "))
                .filter(name -> F.has("f." + name + ".fn") && !NO_GRADCHECK.contains(name.split("\\.")[0]))
                .map(name -> DynamicTest.dynamicTest(name, () -> {
                    String key = "f." + name;
                    Call call = Call.parse(F.string(key + ".call"), in);
                    List<Tensor> checked = new ArrayList<>();
                    Map<Tensor, Tensor> doubles = new java.util.IdentityHashMap<>();
                    in.forEach((n, t) -> {
                        if (t.isFloatingPoint()) {
                            doubles.put(t, t.to(DType.FLOAT64));
                        }
                        if (F.has(key + ".grad." + n)) {
                            checked.add(t);
                        }
                    });
                    GradCheck.check(key, x -> {
                        Map<Tensor, Tensor> replace = new java.util.IdentityHashMap<>(doubles);
                        for (int i = 0; i < checked.size(); i++) {
                            replace.put(checked.get(i), x[i]);
                        }
                        return (Tensor) call.with(replace).run(OpTable.functional());
                    }, checked.toArray(new Tensor[0]));
                }));
    }

    @TestFactory
    Stream<DynamicTest> modulesMatchPyTorch() {
        Map<String, Tensor> in = inputs();
        return Arrays.stream(F.string("m.cases").split(" ")).map(name -> DynamicTest.dynamicTest(name, () -> {
            String key = "m." + name;
            Torch.manualSeed(0);
            Module m = (Module) Call.parse(F.string(key + ".call"), in).run(OpTable.modules());
            assertEquals(F.string(key + ".repr"), m.toString(), key + ": repr");
            assertEquals(F.string(key + ".keys"), String.join(" ", m.stateDict().keySet()), key + ": state_dict keys");
            String[] names = F.string(key + ".inputs").split(" ");
            List<Tensor> leaves = new ArrayList<>();
            List<Object> args = new ArrayList<>();
            for (String n : names) {
                Tensor t = in.get(n);
                if (F.has(key + ".grad." + n)) {
                    Tensor leaf = t.clone().detach().requiresGrad_(true);
                    leaves.add(leaf);
                    args.add(leaf.mul(1.0));
                } else {
                    leaves.add(null);
                    args.add(t);
                }
            }
            Torch.manualSeed(1);
            Tensor out = (Tensor) m.call(args.toArray());
            assertMatches(key, out);
            if (F.has(key + ".g")) {
                out.backward(F.tensor(key + ".g", out.shape()), false);
                for (int i = 0; i < names.length; i++) {
                    if (leaves.get(i) != null) {
                        F.assertClose(key + ".grad." + names[i], leaves.get(i).grad(), REL, ABS);
                    }
                }
                m.namedParameters().forEach((p, t) -> F.assertClose(key + ".pgrad." + p, t.grad(), REL, ABS));
            }
            m.stateDict().forEach((k, v) -> F.assertClose(key + ".state." + k, v, REL, ABS));
            if (F.has(key + ".eval")) {
                m.eval();
                Object[] plain = Arrays.stream(names).map(in::get).toArray();
                F.assertClose(key + ".eval", (Tensor) m.call(plain), REL, ABS);
            }
        }));
    }

    private static Module module(String name, Object... args) {
        return (Module) OpTable.modules().call(name, args, null, Convention.ZERO_BASED);
    }

    @Test
    void containersPrintAndKeepStateAsPyTorch() {
        Tensor a = Torch.randn(2, 3);
        ParameterList list = (ParameterList) module("ParameterList", List.of(new Parameter(a), Torch.randn(4)));
        assertEquals(F.string("c.parameter_list"), list.toString());
        assertEquals("0 1", String.join(" ", list.stateDict().keySet()));
        assertTrue(list.get(1) instanceof Parameter, "plain tensors become parameters");
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("a", new Parameter(a));
        assertEquals(F.string("c.parameter_dict1"), module("ParameterDict", one).toString());
        Map<String, Object> two = new LinkedHashMap<>(one);
        two.put("b", new Parameter(Torch.randn(new int[] {4}, DType.FLOAT64, null)));
        ParameterDict dict = (ParameterDict) module("ParameterDict", two);
        assertEquals(F.string("c.parameter_dict2"), dict.toString());
        assertEquals(List.of("a", "b"), dict.keys());
        Map<String, Object> mods = new LinkedHashMap<>();
        mods.put("act", module("ReLU"));
        mods.put("fc", module("Linear", 2L, 3L));
        ModuleDict md = (ModuleDict) module("ModuleDict", mods);
        assertEquals(F.string("c.module_dict"), md.toString());
        assertEquals(F.string("c.module_dict.keys"), String.join(" ", md.stateDict().keySet()));
        md.pop("act");
        assertEquals(List.of("fc"), md.keys());

        Sequential seq = (Sequential) module("Sequential", module("Linear", 2L, 3L), module("ReLU"));
        seq.append(module("Linear", 3L, 1L));
        seq.insert(1, module("Tanh"));
        seq.extend(List.of(module("Sigmoid")));
        assertEquals(F.string("c.sequential_edit"), seq.toString());
        assertEquals(F.string("c.sequential_slice"), seq.slice(1, 3).toString());
        seq.delete(1);
        assertEquals("ReLU", seq.get(1).typeName());
        assertEquals(List.of("0", "1", "2", "3"), new ArrayList<>(seq.namedChildren().keySet()));
    }
}
