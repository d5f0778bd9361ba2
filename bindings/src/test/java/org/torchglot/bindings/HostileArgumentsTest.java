package org.torchglot.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.torchglot.bindings.plot.Figure;
import org.torchglot.engine.Torch;
import org.torchglot.engine.api.Convention;
import org.torchglot.engine.api.OpTable;
import org.torchglot.engine.autograd.GradMode;
import org.torchglot.engine.data.DataLoader;
import org.torchglot.engine.data.Subset;
import org.torchglot.engine.data.TensorDataset;
import org.torchglot.engine.format.PrintOptions;
import org.torchglot.engine.format.PyTorchFormatter;
import org.torchglot.engine.io.OrderedDict;
import org.torchglot.engine.io.Tuple;
import org.torchglot.engine.nn.CustomModule;
import org.torchglot.engine.nn.Dropout;
import org.torchglot.engine.nn.Linear;
import org.torchglot.engine.nn.MSELoss;
import org.torchglot.engine.nn.Module;
import org.torchglot.engine.nn.ModuleList;
import org.torchglot.engine.nn.Parameter;
import org.torchglot.engine.nn.Sequential;
import org.torchglot.engine.optim.SGD;
import org.torchglot.engine.optim.StepLR;
import org.torchglot.engine.random.Generator;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Index;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * Calls every member of the host surface ({@link HostApi#allowedMembers()}) from a sandboxed
 * JavaScript guest with hostile arguments (huge and negative sizes, nulls, wrong lengths and types,
 * NaN), one argument at a time, and expects each call to end normally or with a clean error: an
 * engine {@link TorchException}, an argument, permission, null or bounds error, or the guest's own
 * type error for an argument that does not convert. Never a crash, a call slower than 5 s, an
 * exhausted JVM, or a negative array size (a size that went unchecked into an allocation).
 *
 * <p>A crash of the JVM (native code fed a bad size) kills surefire's forked JVM, which fails the build.
 */
class HostileArgumentsTest {

    /** Host exceptions that mean a member trusted its arguments. */
    // NOTE: Java's own null, bounds and cast checks (NullPointerException, IndexOutOfBoundsException,
    // ClassCastException) are clean refusals, if terse ones; these mean a size reached an allocation or a loop.
    private static final List<String> UNCHECKED = List.of("NegativeArraySizeException", "ArithmeticException",
            "OutOfMemoryError", "StackOverflowError", "InternalError");

    private static final java.util.regex.Pattern TOOK = java.util.regex.Pattern.compile("\\[(\\d+) ms]$");

    private static final String DRIVER = """
            (function (cases) {
              const out = [];
              for (let i = 0; i < cases.length; i++) {
                const c = cases[i];
                const label = c[0], receiver = c[1], className = c[2], member = c[3], kind = c[4];
                const args = Java.from(c[5]);
                const target = receiver !== null ? receiver : Java.type(className);
                console.log(label);
                const start = Date.now();
                let outcome;
                try {
                  if (kind === 'new') { new target(...args); }
                  else if (kind === 'field') { String(target[member]); }
                  else { target[member](...args); }
                  outcome = 'ok';
                } catch (e) {
                  outcome = (Java.isJavaObject(e) ? 'host ' + String(e) : 'guest ' + e.name + ': ' + e.message).replace(/\\s+/g, ' ').slice(0, 300);
                }
                out.push(label + ' => ' + outcome + ' [' + (Date.now() - start) + ' ms]');
              }
              return out.join('\\n');
            })
            """;

    @TempDir
    Path workingDirectory;

    @Test
    void everyMemberSurvivesHostileArguments() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (TorchglotContext context = TorchglotContext.builder().languages(Language.JS).out(sink).err(sink)
                .workingDirectory(workingDirectory).timeLimit(Duration.ofSeconds(90)).build()) {
            Value files = context.polyglot().getPolyglotBindings().getMember(GuestFiles.BINDING);
            Samples samples = new Samples(files.asHostObject(), workingDirectory);
            List<Object[]> cases = new ArrayList<>();
            for (Member member : HostApi.allowedMembers()) {
                cases.addAll(casesFor(member, samples));
            }
            context.bindings(Language.JS).putMember("hostileCases", cases);
            String report;
            try {
                report = context.eval(Language.JS, DRIVER + "(hostileCases)").asString();
            } catch (ScriptTimeoutException e) {
                List<String> started = sink.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
                throw new AssertionError("a hostile call hung: " + started.getLast(), e);
            }
            List<String> bad = report.lines().filter(HostileArgumentsTest::isUnclean).toList();
            assertEquals(cases.size(), report.lines().count(), () -> "every case reported once:\n" + report);
            assertTrue(bad.isEmpty(), bad.size() + " of " + cases.size() + " hostile calls ended badly:\n"
                    + String.join("\n", bad));
            assertTrue(Files.notExists(Path.of("/tmp/torchglot-hostile-marker")), "a hostile path was written");
        } finally {
            GradMode.setEnabled(true);
        }
    }

    private static boolean isUnclean(String line) {
        java.util.regex.Matcher took = TOOK.matcher(line);
        return !took.find() || Integer.parseInt(took.group(1)) > 5_000 || UNCHECKED.stream().anyMatch(line::contains);
    }

    /** One call with ordinary arguments, then one per parameter and hostile value of that parameter's type. */
    private static List<Object[]> casesFor(Member member, Samples samples) {
        String className = member.getDeclaringClass().getName();
        boolean isStatic = Modifier.isStatic(member.getModifiers()) || member instanceof Constructor<?>;
        String label = HostSurfaceTest.describe(member);
        List<Object[]> out = new ArrayList<>();
        switch (member) {
            case Field field -> out.add(new Object[] {label, isStatic ? null : samples.receiver(field.getDeclaringClass()),
                    className, field.getName(), "field", new Object[0]});
            case Executable executable -> {
                Class<?>[] types = executable.getParameterTypes();
                String key = executable instanceof Method m
                        ? m.getName() + "(" + Arrays.stream(types).map(Class::getTypeName).collect(Collectors.joining(",")) + ")"
                        : "";
                String kind = executable instanceof Constructor<?> ? "new" : "method";
                out.add(call(label, isStatic, samples, executable, className, key, kind, samples.ordinary(types)));
                for (int i = 0; i < types.length; i++) {
                    for (Object hostile : samples.hostile(types[i])) {
                        Object[] args = samples.ordinary(types);
                        args[i] = hostile;
                        out.add(call(label + " arg " + i + "=" + show(hostile), isStatic, samples, executable, className,
                                key, kind, args));
                    }
                }
            }
            default -> throw new IllegalArgumentException(member.toString());
        }
        return out;
    }

    private static Object[] call(String label, boolean isStatic, Samples samples, Executable executable,
            String className, String key, String kind, Object[] args) {
        Object receiver = isStatic ? null : samples.receiver(executable.getDeclaringClass());
        // NOTE: a static member of a class guests cannot look up is reached through an instance.
        if (isStatic && !HostApi.isExported(className)) {
            receiver = samples.receiver(executable.getDeclaringClass());
        }
        return new Object[] {label, receiver, className, key, kind, args};
    }

    private static String show(Object value) {
        if (value == null) {
            return "null";
        }
        if (value.getClass().isArray()) {
            int length = java.lang.reflect.Array.getLength(value);
            return value.getClass().getComponentType().getSimpleName() + "[" + length + "]";
        }
        String text = String.valueOf(value).replaceAll("\\s+", " ");
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    /** Fresh receivers and argument values, ordinary and hostile, per Java type. */
    private static final class Samples {
        private final GuestFiles files;
        private final Path workingDirectory;

        Samples(GuestFiles files, Path workingDirectory) {
            this.files = files;
            this.workingDirectory = workingDirectory;
        }

        Object receiver(Class<?> type) {
            Tensor t = tensor();
            Linear linear = new Linear(2, 2);
            SGD sgd = new SGD(linear.parameters(), 0.1);
            Map<Class<?>, Supplier<Object>> receivers = new HashMap<>();
            receivers.put(Throwable.class, () -> new TorchException(TorchException.Kind.RUNTIME_ERROR, "boom"));
            receivers.put(TorchException.class, () -> new TorchException(TorchException.Kind.RUNTIME_ERROR, "boom"));
            receivers.put(Enum.class, () -> DType.FLOAT32);
            receivers.put(DType.class, () -> DType.FLOAT32);
            receivers.put(GuestFiles.class, () -> files);
            receivers.put(Figure.class, () -> new Figure(4, 3, 50));
            receivers.put(org.torchglot.bindings.plot.Axes.class, () -> new Figure(4, 3, 50).subplot(1, 1, 1));
            receivers.put(OpTable.class, OpTable::standard);
            receivers.put(org.torchglot.engine.api.Op.class, () -> OpTable.standard().op("add"));
            receivers.put(org.torchglot.engine.api.Signature.class, () -> OpTable.standard().op("add").signature());
            receivers.put(org.torchglot.engine.api.Signature.Param.class,
                    () -> OpTable.standard().op("add").signature().params().get(0));
            receivers.put(GradMode.Scope.class, () -> GradMode.set(true));
            receivers.put(org.torchglot.engine.autograd.Node.class, () -> t.requiresGrad_(true).mul(2.0).gradFn());
            receivers.put(org.torchglot.engine.autograd.FunctionNode.class, () -> t.requiresGrad_(true).mul(2.0).gradFn());
            receivers.put(org.torchglot.engine.autograd.AccumulateGrad.class,
                    () -> t.requiresGrad_(true).mul(2.0).gradFn().nextFunctions().get(0));
            receivers.put(Generator.class, () -> new Generator(1));
            receivers.put(org.torchglot.engine.random.numpy.RandomState.class,
                    () -> new org.torchglot.engine.random.numpy.RandomState(1));
            receivers.put(org.torchglot.engine.random.numpy.NumpyGenerator.class,
                    () -> new org.torchglot.engine.random.numpy.NumpyGenerator(List.of(1L)));
            receivers.put(org.torchglot.engine.autograd.CustomFunction.class, () -> org.torchglot.engine.autograd
                    .CustomFunction.record("Sample", List.of(t.requiresGrad_(true)), tensor(), g -> List.of(g)).gradFn());
            receivers.put(org.torchglot.engine.autograd.CustomFunction.Callback.class,
                    () -> (org.torchglot.engine.autograd.CustomFunction.Callback) g -> List.of(g));
            receivers.put(org.torchglot.engine.autograd.GradientCheck.Function.class,
                    () -> (org.torchglot.engine.autograd.GradientCheck.Function) inputs -> inputs);
            receivers.put(org.torchglot.engine.autograd.GradHook.class,
                    () -> (org.torchglot.engine.autograd.GradHook) g -> g);
            receivers.put(org.torchglot.engine.autograd.GradHook.Handle.class,
                    () -> Torch.ones(2).requiresGrad_(true).registerHook(g -> g, "hook"));
            receivers.put(Tensor.class, this::tensor);
            receivers.put(Parameter.class, () -> new Parameter(tensor()));
            receivers.put(Module.class, () -> linear);
            receivers.put(Linear.class, () -> linear);
            receivers.put(Dropout.class, () -> new Dropout(0.5));
            receivers.put(org.torchglot.engine.nn.Loss.class, MSELoss::new);
            receivers.put(Module.IncompatibleKeys.class, () -> linear.loadStateDict(linear.stateDict()));
            receivers.put(CustomModule.class, () -> new CustomModule("Custom", args -> args[0]));
            receivers.put(CustomModule.Forward.class, () -> (CustomModule.Forward) args -> args.length > 0 ? args[0] : null);
            receivers.put(Sequential.class, () -> new Sequential(new Linear(2, 2), new Linear(2, 2)));
            receivers.put(ModuleList.class, () -> new ModuleList(List.of(new Linear(2, 2))));
            receivers.put(org.torchglot.engine.nn.ModuleDict.class,
                    () -> new org.torchglot.engine.nn.ModuleDict(Map.of("fc", new Linear(2, 2))));
            receivers.put(org.torchglot.engine.nn.NamedDict.class,
                    () -> new org.torchglot.engine.nn.ModuleDict(Map.of("fc", new Linear(2, 2))));
            receivers.put(org.torchglot.engine.nn.ParameterList.class,
                    () -> new org.torchglot.engine.nn.ParameterList(List.of(tensor())));
            receivers.put(org.torchglot.engine.nn.ParameterDict.class,
                    () -> new org.torchglot.engine.nn.ParameterDict(Map.of("w", tensor())));
            receivers.put(org.torchglot.engine.nn.BatchNorm1d.class, () -> new org.torchglot.engine.nn.BatchNorm1d(2));
            receivers.put(org.torchglot.engine.nn.LayerNorm.class,
                    () -> new org.torchglot.engine.nn.LayerNorm(new int[] {2}, 1e-5, true));
            receivers.put(org.torchglot.engine.nn.GroupNorm.class,
                    () -> new org.torchglot.engine.nn.GroupNorm(1, 2, 1e-5, true));
            receivers.put(org.torchglot.engine.nn.Embedding.class, () -> new org.torchglot.engine.nn.Embedding(4, 2));
            receivers.put(org.torchglot.engine.nn.PReLU.class, () -> new org.torchglot.engine.nn.PReLU(1, 0.25));
            receivers.put(org.torchglot.engine.optim.Optimizer.class, () -> sgd);
            receivers.put(org.torchglot.engine.optim.ParamGroup.class, () -> sgd.paramGroups().get(0));
            receivers.put(org.torchglot.engine.optim.LRScheduler.class, () -> new StepLR(sgd, 1));
            receivers.put(org.torchglot.engine.optim.LBFGS.class,
                    () -> new org.torchglot.engine.optim.LBFGS(new Linear(2, 2).parameters()));
            receivers.put(org.torchglot.engine.optim.CosineAnnealingWarmRestarts.class,
                    () -> new org.torchglot.engine.optim.CosineAnnealingWarmRestarts(sgd, 2, 1, 0, -1));
            receivers.put(org.torchglot.engine.optim.ReduceLROnPlateau.class,
                    () -> new org.torchglot.engine.optim.ReduceLROnPlateau(sgd, new org.torchglot.engine.optim
                            .ReduceLROnPlateau.Config("min", 0.1, 10, 1e-4, "rel", 0, List.of(0.0), 1e-8)));
            receivers.put(org.torchglot.engine.optim.ChainedScheduler.class,
                    () -> new org.torchglot.engine.optim.ChainedScheduler(List.of(new StepLR(sgd, 1))));
            receivers.put(org.torchglot.engine.optim.SequentialLR.class,
                    () -> new org.torchglot.engine.optim.SequentialLR(sgd, List.of(new StepLR(sgd, 1)), List.of(), -1));
            receivers.put(org.torchglot.engine.data.Dataset.class, () -> new TensorDataset(tensor()));
            receivers.put(TensorDataset.class, () -> new TensorDataset(tensor()));
            receivers.put(Subset.class, () -> new Subset<>(new TensorDataset(tensor()), List.of(0, 1)));
            receivers.put(DataLoader.class, () -> new DataLoader<>(new TensorDataset(tensor()), 1, false));
            receivers.put(org.torchglot.engine.data.SequentialSampler.class,
                    () -> new org.torchglot.engine.data.SequentialSampler(3));
            receivers.put(org.torchglot.engine.data.RandomSampler.class,
                    () -> new org.torchglot.engine.data.RandomSampler(3, true, 5, new Generator(1)));
            receivers.put(org.torchglot.engine.data.SubsetRandomSampler.class,
                    () -> new org.torchglot.engine.data.SubsetRandomSampler(List.of(2, 0), new Generator(1)));
            receivers.put(org.torchglot.engine.data.WeightedRandomSampler.class,
                    () -> new org.torchglot.engine.data.WeightedRandomSampler(new double[] {1, 2}, 3, true, null));
            receivers.put(org.torchglot.engine.data.BatchSampler.class, () -> new org.torchglot.engine.data.BatchSampler(
                    new org.torchglot.engine.data.SequentialSampler(3), 2, false));
            receivers.put(org.torchglot.engine.data.ConcatDataset.class, () -> new org.torchglot.engine.data
                    .ConcatDataset<>(List.of(new TensorDataset(tensor()), new TensorDataset(tensor()))));
            // NOTE: a fresh instance, not the printers' own, so the calls leave this JVM's print options alone.
            receivers.put(PrintOptions.class, PrintOptions::new);
            receivers.put(org.torchglot.engine.format.TypeInfo.FloatInfo.class,
                    () -> org.torchglot.engine.format.TypeInfo.finfo(DType.FLOAT64));
            receivers.put(org.torchglot.engine.format.TypeInfo.IntInfo.class,
                    () -> org.torchglot.engine.format.TypeInfo.iinfo(DType.INT64));
            receivers.put(Tuple.class, () -> Tuple.of(1, "a"));
            receivers.put(OrderedDict.class, () -> new OrderedDict(Map.of()));
            receivers.put(org.torchglot.engine.io.TorchIO.Loaded.class, () -> files.loadFromBytes(files.saveToBytes(tensor())));
            receivers.put(org.torchglot.engine.io.SafeTensors.Contents.class, () -> {
                files.saveSafetensors(Map.of("t", tensor()), null, "sample.safetensors");
                return files.loadSafetensors("sample.safetensors");
            });
            Supplier<Object> supplier = receivers.get(type);
            if (supplier == null) {
                throw new IllegalStateException("no sample receiver for " + type.getName() + "; add one here");
            }
            return supplier.get();
        }

        private Tensor tensor() {
            return Torch.tensor(new double[] {1, 2, 3, 4}, new int[] {2, 2}, DType.FLOAT32);
        }

        Object[] ordinary(Class<?>[] types) {
            Object[] out = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
                out[i] = ordinary(types[i]);
            }
            return out;
        }

        private Object ordinary(Class<?> type) {
            if (type == int.class || type == Integer.class) {
                return 1;
            } else if (type == long.class || type == Long.class) {
                return 1L;
            } else if (type == double.class || type == float.class || type == Double.class) {
                return 0.5;
            } else if (type == boolean.class) {
                return false;
            } else if (type == String.class) {
                return "sample.pt";
            } else if (type == int[].class) {
                return new int[] {2, 2};
            } else if (type == long[].class) {
                return new long[] {2};
            } else if (type == double[].class) {
                return new double[] {1, 2, 3, 4};
            } else if (type == byte[].class) {
                return files.saveToBytes(tensor());
            } else if (type == Tensor.class) {
                return tensor();
            } else if (type == Tensor[].class) {
                return new Tensor[] {tensor()};
            } else if (type == Index[].class) {
                return new Index[] {Index.at(0)};
            } else if (type == Object.class) {
                return tensor();
            } else if (type == Object[].class) {
                return new Object[] {tensor()};
            } else if (type == Map.class) {
                return new LinkedHashMap<>(Map.of("lr", 0.1));
            } else if (type == List.class || type == java.util.Collection.class) {
                return new ArrayList<>(List.of(tensor()));
            } else if (type == Module.class) {
                return new Linear(2, 2);
            } else if (type == Parameter.class) {
                return new Parameter(tensor());
            } else if (type == Generator.class) {
                return new Generator(1);
            } else if (type == DType.class) {
                return DType.FLOAT32;
            } else if (type == Convention.class) {
                return Convention.ZERO_BASED;
            } else if (type == org.torchglot.engine.data.Dataset.class) {
                return new TensorDataset(tensor());
            } else if (type == PyTorchFormatter.Suffix.class) {
                return new PyTorchFormatter.Suffix(false, null, false);
            } else if (type == PrintOptions.class) {
                return PyTorchFormatter.options();
            } else if (type == Supplier.class) {
                return (Supplier<Object>) () -> "x";
            } else if (type == Consumer.class) {
                return (Consumer<Object>) x -> { };
            } else if (type == CustomModule.Forward.class) {
                return (CustomModule.Forward) args -> args.length > 0 ? args[0] : null;
            } else if (type == org.torchglot.engine.autograd.GradientCheck.Function.class) {
                return (org.torchglot.engine.autograd.GradientCheck.Function) inputs -> inputs;
            } else if (type == org.torchglot.engine.autograd.GradHook.class) {
                return (org.torchglot.engine.autograd.GradHook) g -> g;
            }
            return null;
        }

        List<Object> hostile(Class<?> type) {
            List<Object> out = new ArrayList<>();
            if (type == int.class || type == Integer.class) {
                out.addAll(List.of(-1, Integer.MAX_VALUE, Integer.MIN_VALUE, Double.NaN, "1"));
            } else if (type == long.class || type == Long.class) {
                out.addAll(List.of(-1L, Long.MAX_VALUE, Long.MIN_VALUE, Double.NaN));
            } else if (type == double.class || type == float.class || type == Double.class) {
                out.addAll(List.of(Double.NaN, Double.POSITIVE_INFINITY, -1e308, -1.0));
            } else if (type == boolean.class) {
                out.add("yes");
            } else if (type == String.class) {
                out.addAll(List.of("", "/tmp/torchglot-hostile-marker", "../escape.pt", "\0", "x".repeat(100_000)));
            } else if (type == int[].class) {
                out.addAll(List.of(new int[0], new int[] {-1}, new int[] {-2, -2}, new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE},
                        new int[] {1 << 30, 1 << 30, 1 << 30}, new int[] {0, Integer.MAX_VALUE}, new int[] {2, 2, 2, 2, 2, 2, 2, 2, 2}));
            } else if (type == long[].class) {
                out.addAll(List.of(new long[0], new long[] {-1}, new long[] {Long.MAX_VALUE}, new long[1 << 20]));
            } else if (type == double[].class) {
                out.addAll(List.of(new double[0], new double[] {Double.NaN}, new double[] {-1, 2}, new double[] {1e308, 1e308},
                        new double[] {1, 2, 3}));
            } else if (type == byte[].class) {
                out.addAll(List.of(new byte[0], new byte[] {1, 2, 3}, new byte[5000], "PK\3\4".getBytes()));
            } else if (type == Tensor.class || type == Object.class) {
                out.addAll(List.of(Torch.zeros(0), Tensor.scalar(Double.NaN), Tensor.scalar(7L), Tensor.scalar(true),
                        Torch.zeros(1, 1, 1, 1, 1, 1, 1, 1), Torch.zeros(3, 5)));
                if (type == Object.class) {
                    out.addAll(List.of("x", -1, Double.NaN, new Object[0]));
                }
            } else if (type == Tensor[].class) {
                out.addAll(List.of(new Tensor[0], new Tensor[] {null}, new Tensor[] {tensor(), Torch.zeros(3)}));
            } else if (type == Index[].class) {
                out.addAll(List.of(new Index[0], new Index[] {null}, new Index[] {Index.at(1L << 40)}, new Index[] {Index.at(-100)},
                        new Index[] {Index.slice(null, null, -1L)}, new Index[] {Index.slice(Long.MIN_VALUE, Long.MAX_VALUE, 0L)},
                        new Index[] {Index.ELLIPSIS, Index.ELLIPSIS}, new Index[] {Index.at(0), Index.at(0), Index.at(0)}));
            } else if (type == Object[].class) {
                out.addAll(List.of(new Object[0], new Object[] {null}, new Object[] {"x"}, new Object[] {tensor(), tensor(), tensor()}));
            } else if (type == Map.class) {
                Map<String, Object> wrongType = new LinkedHashMap<>();
                wrongType.put("lr", "x");
                wrongType.put("params", null);
                Map<String, Object> nulls = new HashMap<>();
                nulls.put("weight", null);
                nulls.put(null, tensor());
                out.addAll(List.of(Map.of(), wrongType, nulls, Map.of("weight", Torch.zeros(7, 9))));
            } else if (type == List.class || type == java.util.Collection.class) {
                out.addAll(List.of(List.of(), Arrays.asList((Object) null), List.of("x", -1)));
            } else if (type == org.torchglot.engine.autograd.GradHook.class) {
                out.add((org.torchglot.engine.autograd.GradHook) g -> {
                    throw new IllegalStateException("callback failed");
                });
                out.add((org.torchglot.engine.autograd.GradHook) g -> Torch.zeros(7, 9));
            } else if (type == Supplier.class || type == Consumer.class || type == CustomModule.Forward.class
                    || type == org.torchglot.engine.autograd.GradientCheck.Function.class) {
                Supplier<Object> throwing = () -> {
                    throw new IllegalStateException("callback failed");
                };
                out.add(type == Supplier.class ? throwing : type == Consumer.class
                        ? (Consumer<Object>) x -> throwing.get() : type == CustomModule.Forward.class
                        ? (CustomModule.Forward) args -> throwing.get()
                        : (org.torchglot.engine.autograd.GradientCheck.Function) inputs -> throwing.get());
            } else if (type == org.torchglot.engine.data.Dataset.class) {
                out.add(new TensorDataset());
            }
            out.add(null);
            return out;
        }
    }
}
