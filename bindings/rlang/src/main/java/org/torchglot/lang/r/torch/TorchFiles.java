package org.torchglot.lang.r.torch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.torchglot.engine.io.OrderedDict;
import org.torchglot.engine.io.TorchIO;
import org.torchglot.engine.optim.Optimizer;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;
import org.torchglot.lang.r.RCall;
import org.torchglot.lang.r.runtime.RDouble;
import org.torchglot.lang.r.runtime.RExternal;
import org.torchglot.lang.r.runtime.RInt;
import org.torchglot.lang.r.runtime.RList;
import org.torchglot.lang.r.runtime.RLogical;
import org.torchglot.lang.r.runtime.RNull;
import org.torchglot.lang.r.runtime.RString;
import org.torchglot.lang.r.runtime.RValues;
import org.torchglot.lang.r.runtime.RVector;

import com.oracle.truffle.api.TruffleFile;

/**
 * {@code torch_save()}, {@code torch_load()} and {@code load_state_dict()} in PyTorch's file format (the engine's
 * {@link TorchIO}), so files go both ways between R and PyTorch. Files are read and written through the context's
 * file system, so the sandbox decides, and a save replaces its file atomically (a temporary sibling renamed over it).
 *
 * <p>Tensors stay tensors, a module is saved as its state dict (R functions cannot be pickled; load it back with
 * {@code model$load_state_dict(torch_load(path))}), an optimizer or its {@code $state_dict()} as PyTorch's optimizer
 * state dict, named lists as dicts (of tensors:
 * an {@code OrderedDict}, as PyTorch's state dicts), unnamed lists and vectors as lists, numbers, strings and
 * logicals as themselves. Loaded lists of numbers, strings or logicals become R vectors again.
 */
final class TorchFiles {
    private TorchFiles() {
    }

    static void save(RCall call, Object obj, String path) {
        byte[] bytes = TorchIO.toBytes(toSaved(obj), archiveName(path));
        writeAtomically(call, path, bytes);
    }

    static Object load(RCall call, String path) {
        TorchIO.Loaded loaded = TorchIO.fromBytes(read(call, path), path);
        loaded.notes().forEach(call::warning);
        return fromSaved(loaded.value());
    }

    /** R torch's {@code load_state_dict(path)}: a state dict saved by PyTorch, as a named list of tensors. */
    static RList loadStateDict(RCall call, String path) {
        Object value = TorchIO.fromBytes(read(call, path), path).value();
        if (!(value instanceof Map<?, ?> map) || !map.values().stream().allMatch(Tensor.class::isInstance)) {
            throw TorchException.value("'" + path + "' does not hold a state dict (a dict of tensors)");
        }
        List<Object> values = new ArrayList<>();
        List<String> names = new ArrayList<>();
        map.forEach((k, v) -> {
            names.add(String.valueOf(k));
            values.add(Values.wrap((Tensor) v));
        });
        return RList.of(values, names);
    }

    // ---- R values <-> pickled values -----------------------------------------------------------------------------

    private static Object toSaved(Object v) {
        if (v == RNull.INSTANCE) {
            return null;
        }
        if (v instanceof RExternal e) {
            return switch (e.host()) {
                case Tensor t -> t;
                case RModule m -> new OrderedDict(m.module().stateDict());
                case Optimizer opt -> opt.stateDict();
                default -> throw TorchException.type("torch_save cannot save an object of class <"
                        + e.classAttr().get(0) + ">");
            };
        }
        if (v instanceof RList l) {
            RString names = l.names();
            if (isOptimizerState(l)) {
                return OptimizerHandler.stateDictFromR(l);
            }
            if (names == null) {
                List<Object> out = new ArrayList<>(l.length());
                for (Object item : l.data()) {
                    out.add(toSaved(item));
                }
                return out;
            }
            Map<Object, Object> out = new LinkedHashMap<>();
            boolean tensors = true;
            for (int i = 0; i < l.length(); i++) {
                Object item = toSaved(l.get(i));
                tensors &= item instanceof Tensor;
                out.put(names.get(i), item);
            }
            return tensors ? new OrderedDict(out) : out;
        }
        if (v instanceof RVector vec) {
            Object java = Values.toJava(vec);
            return vec.length() == 0 ? List.of() : java;
        }
        throw TorchException.type("torch_save cannot save an object of class <" + RValues.classOf(v).get(0) + ">");
    }

    /** {@code optimizer$state_dict()}: saved in PyTorch's shape (parameter numbers as int keys) so PyTorch loads it. */
    private static boolean isOptimizerState(RList l) {
        return l.length() == 2 && l.names() != null && l.names().get(0).equals("state")
                && l.names().get(1).equals("param_groups");
    }

    private static Object fromSaved(Object v) {
        if (v instanceof Map<?, ?> map) {
            List<Object> values = new ArrayList<>();
            List<String> names = new ArrayList<>();
            map.forEach((k, item) -> {
                names.add(String.valueOf(k));
                values.add(fromSaved(item));
            });
            return RList.of(values, names);
        }
        if (v instanceof List<?> list) {
            Object vector = asVector(list);
            if (vector != null) {
                return vector;
            }
            Object[] out = new Object[list.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = fromSaved(list.get(i));
            }
            return new RList(out);
        }
        return Values.toR(v);
    }

    /** A list of numbers, strings or logicals as one R vector; null for any other list. */
    private static Object asVector(List<?> list) {
        if (list.isEmpty()) {
            return null;
        }
        if (list.stream().allMatch(x -> x instanceof Long l && l == l.intValue())) {
            return new RInt(list.stream().mapToInt(x -> ((Long) x).intValue()).toArray());
        }
        if (list.stream().allMatch(x -> x instanceof Double || x instanceof Long)) {
            return new RDouble(list.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray());
        }
        if (list.stream().allMatch(String.class::isInstance)) {
            return new RString(list.toArray(new String[0]));
        }
        if (list.stream().allMatch(Boolean.class::isInstance)) {
            return new RLogical(list.stream().mapToInt(x -> (Boolean) x ? RLogical.TRUE : RLogical.FALSE).toArray());
        }
        return null;
    }

    // ---- files ---------------------------------------------------------------------------------------------------

    /** PyTorch names the archive's top folder after the file's name without its extension. */
    private static String archiveName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return stem.isEmpty() ? "archive" : stem;
    }

    private static byte[] read(RCall call, String path) {
        try {
            return call.context().env().getPublicTruffleFile(path).readAllBytes();
        } catch (IOException | SecurityException e) {
            throw call.error(cannotOpen(path, e));
        }
    }

    private static void writeAtomically(RCall call, String path, byte[] bytes) {
        TruffleFile temporary = null;
        boolean done = false;
        try {
            TruffleFile target = call.context().env().getPublicTruffleFile(path).getAbsoluteFile();
            TruffleFile directory = target.getParent();
            if (directory == null || !directory.isDirectory()) {
                throw new NoSuchFileException(path);
            }
            temporary = directory.resolve("." + target.getName() + "."
                    + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try (OutputStream out = temporary.newOutputStream(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                out.write(bytes);
            }
            try {
                temporary.move(target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // NOTE: the sandbox's composite file system refuses the ATOMIC_MOVE flag, but within one directory
                // its move is still a rename(2) of the default file system, which replaces the target atomically.
                temporary.move(target, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } catch (IOException | SecurityException e) {
            throw call.error(cannotOpen(path, e));
        } finally {
            if (!done && temporary != null) {
                try {
                    temporary.delete();
                } catch (IOException | SecurityException ignored) {
                    // NOTE: nothing was written, or the sandbox forbids touching the directory at all.
                }
            }
        }
    }

    /** R's wording for a file it cannot open. */
    private static String cannotOpen(String path, Exception e) {
        String reason = e instanceof SecurityException || e instanceof AccessDeniedException ? "Permission denied"
                : e instanceof NoSuchFileException ? "No such file or directory" : e.getMessage();
        return "cannot open file '" + path + "': " + reason;
    }
}
