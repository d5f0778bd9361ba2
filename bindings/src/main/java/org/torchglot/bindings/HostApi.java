package org.torchglot.bindings;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.graalvm.polyglot.HostAccess;
import org.torchglot.bindings.numpy.CMath;
import org.torchglot.bindings.plot.Axes;
import org.torchglot.bindings.plot.Figure;
import org.torchglot.bindings.plot.FigureDisplay;
import org.torchglot.engine.api.Convention;
import org.torchglot.engine.api.Op;
import org.torchglot.engine.api.OpTable;
import org.torchglot.engine.api.Signature;
import org.torchglot.engine.autograd.AccumulateGrad;
import org.torchglot.engine.autograd.Backward;
import org.torchglot.engine.autograd.CustomFunction;
import org.torchglot.engine.autograd.GradHook;
import org.torchglot.engine.autograd.GradientCheck;
import org.torchglot.engine.autograd.FunctionNode;
import org.torchglot.engine.autograd.GradMode;
import org.torchglot.engine.autograd.Node;
import org.torchglot.engine.data.BatchSampler;
import org.torchglot.engine.data.ConcatDataset;
import org.torchglot.engine.data.DataLoader;
import org.torchglot.engine.data.DataUtils;
import org.torchglot.engine.data.Dataset;
import org.torchglot.engine.data.RandomSampler;
import org.torchglot.engine.data.SequentialSampler;
import org.torchglot.engine.data.Subset;
import org.torchglot.engine.data.SubsetRandomSampler;
import org.torchglot.engine.data.TensorDataset;
import org.torchglot.engine.data.WeightedRandomSampler;
import org.torchglot.engine.format.NumpyFormatter;
import org.torchglot.engine.format.PrintOptions;
import org.torchglot.engine.format.PyTorchFormatter;
import org.torchglot.engine.format.TypeInfo;
import org.torchglot.engine.io.OrderedDict;
import org.torchglot.engine.io.SafeTensors;
import org.torchglot.engine.io.TorchIO;
import org.torchglot.engine.io.Tuple;
import org.torchglot.engine.nn.CustomModule;
import org.torchglot.engine.nn.Dropout;
import org.torchglot.engine.nn.Linear;
import org.torchglot.engine.nn.Loss;
import org.torchglot.engine.nn.Module;
import org.torchglot.engine.nn.ModuleDict;
import org.torchglot.engine.nn.NamedDict;
import org.torchglot.engine.nn.ModuleList;
import org.torchglot.engine.nn.ParameterDict;
import org.torchglot.engine.nn.ParameterList;
import org.torchglot.engine.nn.BatchNorm1d;
import org.torchglot.engine.nn.LayerNorm;
import org.torchglot.engine.nn.GroupNorm;
import org.torchglot.engine.nn.Embedding;
import org.torchglot.engine.nn.PReLU;
import org.torchglot.engine.nn.Parameter;
import org.torchglot.engine.nn.Sequential;
import org.torchglot.engine.optim.ChainedScheduler;
import org.torchglot.engine.optim.CosineAnnealingWarmRestarts;
import org.torchglot.engine.optim.LBFGS;
import org.torchglot.engine.optim.LRScheduler;
import org.torchglot.engine.optim.Optimizer;
import org.torchglot.engine.optim.ParamGroup;
import org.torchglot.engine.optim.ReduceLROnPlateau;
import org.torchglot.engine.optim.SequentialLR;
import org.torchglot.engine.random.Generator;
import org.torchglot.engine.random.numpy.NumpyGenerator;
import org.torchglot.engine.random.numpy.RandomState;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Index;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * The Java API that sandboxed scripts may reach, and nothing more: the one boundary between guests
 * and the engine.
 *
 * <p>Two lists, both reviewed: {@link #LOOKUP}, the classes a guest may name ({@code java.type(...)},
 * {@code Java.type(...)}), which are the ones the Python and JavaScript torch packages look up; and
 * {@link #MEMBERS}, the members (methods, constructors as {@code new}, fields) a guest may use on
 * classes and objects it holds, per class. Every public overload of a listed name is allowed, so
 * {@code bindings/src/test/resources/org/torchglot/bindings/host-surface.txt} pins the exact
 * signatures, and {@code HostSurfaceTest} fails when they drift.
 *
 * <p>Rules for this list: nothing here takes raw arrays, sizes or offsets unchecked (the engine's
 * kernels and {@code Tensor(Storage, int[], int[], int)} are out); nothing writes files except
 * {@link GuestFiles}, which checks paths; no {@code main} methods, class loaders, reflection,
 * {@code Class} objects, threads, or process-wide settings (the memory guard, the progress sink,
 * the op tables' registration).
 */
public final class HostApi {

    /** The classes guests may look up by name: what the torch, numpy, matplotlib and tqdm packages name. */
    static final List<Class<?>> LOOKUP = List.of(
            TorchglotVersion.class, CMath.class, Figure.class, FigureDisplay.class, ProgressDisplay.class,
            OpTable.class, Convention.class, Tensor.class, DType.class, Index.class, TorchException.class,
            GradMode.class, Backward.class, CustomFunction.class, GradientCheck.class, Generator.class, PyTorchFormatter.class,
            NumpyFormatter.class, TypeInfo.class,
            Module.class, CustomModule.class, Parameter.class, Optimizer.class,
            DataLoader.class, TensorDataset.class, DataUtils.class, SequentialSampler.class, RandomSampler.class,
            SubsetRandomSampler.class, WeightedRandomSampler.class, BatchSampler.class, ConcatDataset.class,
            RandomState.class, NumpyGenerator.class);

    /**
     * The members guests may use, per class ({@code new}: its public constructors). A method listed
     * on a class is allowed there only; a subclass that overrides it lists it again.
     */
    static final Map<Class<?>, String> MEMBERS = members();

    private static final Set<String> LOOKUP_NAMES =
            LOOKUP.stream().map(Class::getName).collect(Collectors.toUnmodifiableSet());

    /** Host access of sandboxed contexts; one instance, as every context of an engine must agree. */
    static final HostAccess SANDBOXED = sandboxed();

    private HostApi() {
    }

    private static Map<Class<?>, String> members() {
        Map<Class<?>, String> m = new LinkedHashMap<>();
        // Engine errors reach guests as TorchException; the packages read their message and Python name.
        m.put(Throwable.class, "getMessage");
        m.put(TorchException.class, "pythonName");
        // Enum constants expose their name, e.g. DType.FLOAT32.name().
        m.put(Enum.class, "name");
        m.put(TorchglotVersion.class, "get VERSION TORCH_VERSION");
        m.put(CMath.class, "pow");
        m.put(Figure.class, "new dpi height renderPngBase64 setTitle subplot width");
        m.put(FigureDisplay.class, "isInline show");
        m.put(Axes.class, "bar grid hasLabels hist legend plot scatter setTitle setXLabel setXLim setYLabel setYLim");
        m.put(ProgressDisplay.class, "finish isInteractive show width");
        m.put(GuestFiles.class, "kindOf load loadFromBytes loadSafetensors newOrderedDict newSet newTuple objectGraph"
                + " save saveSafetensors saveToBytes");
        m.put(OpTable.class, "call callMethod functional has init linalg modules names op optimizers standard utils");
        m.put(Op.class, "signature summary toString");
        m.put(Signature.class, "functionName params returns selfIndex toFunctionString toString");
        m.put(Signature.Param.class, "defaultText hasDefault keywordOnly name toString variadic");
        m.put(Convention.class, "ZERO_BASED");
        m.put(Tensor.class, "abs add all any argmax argmin backward clone contiguousCopy copy_ detach detach_ dim div dtype fill_"
                + " flatten grad gradFn index indexPut isContiguous isFloatingPoint isLeaf item itemLong log matmul registerHook"
                + " max mean min mul numel permute pow prod relu requiresGrad requiresGrad_ reshape scalar select"
                + " setGrad shape sigmoid size split squeeze std storageOffset strides sub sum to toDoubleArray toFloatArray toList toLongArray"
                + " toString transpose var view");
        m.put(DType.class, "BOOL FLOAT32 FLOAT64 INT64 isFloatingPoint pythonName typeName");
        m.put(Index.class, "ELLIPSIS NEW_AXIS all at select slice");
        m.put(GradMode.class, "isEnabled set setEnabled");
        m.put(GradMode.Scope.class, "close");
        m.put(Node.class, "name nextFunctions toString");
        m.put(FunctionNode.class, "name");
        m.put(AccumulateGrad.class, "name variable");
        m.put(Backward.class, "grad");
        m.put(CustomFunction.class, "name record");
        m.put(CustomFunction.Callback.class, "apply");
        m.put(GradHook.class, "apply");
        m.put(GradHook.Handle.class, "remove");
        m.put(GradientCheck.class, "gradcheck gradgradcheck inputWarnings");
        m.put(GradientCheck.Function.class, "apply");
        m.put(Generator.class, "new copy getDefault getState initialSeed manualSeed randint random seed setState");
        // numpy.random: every size is checked against the memory limit before an array is made.
        m.put(RandomState.class, "new beta binomial choiceIndices exponential gamma getState normal permutation poisson"
                + " randint randomSample seed setState standardGamma standardNormal uniform");
        m.put(NumpyGenerator.class, "new choiceIndices integers normal permutation random standardNormal uniform");
        m.put(PyTorchFormatter.class, "format options");
        m.put(NumpyFormatter.class, "repr str");
        m.put(TypeInfo.class, "finfo iinfo");
        m.put(TypeInfo.FloatInfo.class, "bits dtype eps max min resolution smallestNormal tiny toString");
        m.put(TypeInfo.IntInfo.class, "bits dtype max min toString");
        // NOTE: torch.set_printoptions; the warm server restores the print options before each script.
        m.put(PrintOptions.class, "set");
        m.put(Module.class, "apply buffers call children eval extraRepr forward get guest has isTraining"
                + " loadStateDict modules namedBuffers namedChildren namedModules namedParameters parameters register"
                + " registerBuffer registerModule registerParameter requiresGrad_ setGuest stateDict toDevice toString train"
                + " typeName zeroGrad");
        m.put(Module.IncompatibleKeys.class, "missingKeys unexpectedKeys toString");
        m.put(CustomModule.class, "new extraRepr forward setExtraRepr setForward typeName");
        m.put(CustomModule.Forward.class, "apply");
        m.put(Linear.class, "bias inFeatures outFeatures resetParameters weight");
        m.put(Dropout.class, "p");
        m.put(Loss.class, "reduction");
        m.put(Sequential.class, "append delete extend forward get insert iterator len pop set slice");
        m.put(ModuleList.class, "append delete get insert iterator len pop set");
        m.put(NamedDict.class, "clear contains delete get keys len pop values");
        m.put(ModuleDict.class, "set update");
        m.put(ParameterList.class, "append extend get iterator len set");
        m.put(ParameterDict.class, "set update");
        m.put(BatchNorm1d.class, "affine eps momentum numFeatures trackRunningStats");
        m.put(LayerNorm.class, "elementwiseAffine eps normalizedShape");
        m.put(GroupNorm.class, "numChannels numGroups");
        m.put(Embedding.class, "embeddingDim numEmbeddings paddingIdx");
        m.put(PReLU.class, "numParameters");
        m.put(Parameter.class, "new");
        m.put(Optimizer.class, "addParamGroup defaults loadStateDict paramGroups stateDict step toString zeroGrad");
        m.put(ParamGroup.class, "get options params set");
        m.put(LBFGS.class, "step");
        m.put(LRScheduler.class, "getLastLr lastEpoch loadStateDict stateDict step");
        m.put(CosineAnnealingWarmRestarts.class, "step");
        m.put(ReduceLROnPlateau.class, "getLastLr loadStateDict stateDict step");
        m.put(ChainedScheduler.class, "getLastLr loadStateDict stateDict step");
        m.put(SequentialLR.class, "getLastLr loadStateDict stateDict step");
        m.put(Dataset.class, "get len");
        m.put(DataLoader.class, "new batchIndices batchSampler dataset iterator len startEpoch");
        m.put(SequentialSampler.class, "new indices len");
        m.put(RandomSampler.class, "new indices len");
        m.put(SubsetRandomSampler.class, "new indices len");
        m.put(WeightedRandomSampler.class, "new indices len");
        m.put(BatchSampler.class, "new batch batches len sampler");
        m.put(ConcatDataset.class, "new cumulativeSizes get len locate");
        m.put(TensorDataset.class, "new get len tensors");
        m.put(Subset.class, "dataset get indices len");
        m.put(DataUtils.class, "randomSplit");
        m.put(Tuple.class, "get size toString");
        m.put(OrderedDict.class, "");
        m.put(TorchIO.Loaded.class, "notes value");
        m.put(SafeTensors.Contents.class, "notes tensors");
        return m;
    }

    /** Whether a guest may look up the host class with this fully qualified name. */
    public static boolean isExported(String className) {
        return LOOKUP_NAMES.contains(className);
    }

    /** Every member {@link #MEMBERS} allows, resolved by reflection. */
    static List<Member> allowedMembers() {
        List<Member> out = new ArrayList<>();
        MEMBERS.forEach((type, names) -> {
            for (String name : names.split(" ")) {
                if (!name.isEmpty()) {
                    out.addAll(resolve(type, name));
                }
            }
        });
        return out;
    }

    private static List<Member> resolve(Class<?> type, String name) {
        List<Member> found = new ArrayList<>();
        if (name.equals("new")) {
            found.addAll(Arrays.asList(type.getConstructors()));
        }
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name) && method.getDeclaringClass() == type) {
                found.add(method);
            }
        }
        for (Field field : type.getFields()) {
            if (field.getName().equals(name) && field.getDeclaringClass() == type) {
                found.add(field);
            }
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("HostApi lists " + type.getName() + "#" + name + ", which does not exist");
        }
        return found;
    }

    private static HostAccess sandboxed() {
        HostAccess.Builder access = HostAccess.newBuilder(HostAccess.EXPLICIT)
                .allowArrayAccess(true)
                .allowListAccess(true)
                .allowIterableAccess(true)
                .allowIteratorAccess(true)
                .allowMapAccess(true)
                // NOTE: guest functions passed where the engine takes a callback (CustomModule.Forward).
                .allowImplementationsAnnotatedBy(FunctionalInterface.class);
        for (Member member : allowedMembers()) {
            switch (member) {
                case Method method -> access.allowAccess(method);
                case Constructor<?> constructor -> access.allowAccess(constructor);
                case Field field -> access.allowAccess(field);
                default -> throw new IllegalStateException(member.toString());
            }
        }
        return access.build();
    }
}
