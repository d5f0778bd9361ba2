package org.torchglot.lang.r.torch;

import org.torchglot.engine.Torch;
import org.torchglot.engine.random.Generator;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;
import org.torchglot.lang.r.RCall;
import org.torchglot.lang.r.RClassHandler;
import org.torchglot.lang.r.RPackageBuilder;
import org.torchglot.lang.r.nodes.RNode;
import org.torchglot.lang.r.runtime.RBuiltin;
import org.torchglot.lang.r.runtime.RDouble;
import org.torchglot.lang.r.runtime.REnvironment;
import org.torchglot.lang.r.runtime.RExternal;
import org.torchglot.lang.r.runtime.RInt;
import org.torchglot.lang.r.runtime.RLogical;
import org.torchglot.lang.r.runtime.RNull;
import org.torchglot.lang.r.runtime.RPromise;
import org.torchglot.lang.r.runtime.RValues;

/**
 * torch for R's random number generators (R torch's R/generator.R): {@code torch_generator()} objects with
 * {@code $current_seed()} and {@code $set_current_seed()}, passed to ops as {@code generator =}; the default
 * generator's state ({@code torch_get_rng_state()}, {@code torch_set_rng_state()}) and
 * {@code local_torch_manual_seed()}, which puts the state back when the calling function returns.
 */
final class Generators {
    static final String GENERATOR_CLASS = "torch_generator";

    private Generators() {
    }

    static void install(RPackageBuilder pkg) {
        pkg.builtin("torch_generator", "", (call, a) -> new RExternal(new Generator(), GENERATOR_CLASS, "R7"));
        pkg.builtin("is_torch_generator", "x", (call, a) -> RLogical.of(
                OpCalls.host(a[0], Generator.class) != null));
        // NOTE: R torch gives the state as a uint8 tensor; the engine has no uint8, so the bytes are int64 (as
        // Python's torch.get_rng_state here), and torch_set_rng_state takes them back.
        pkg.builtin("torch_get_rng_state", "", (call, a) -> Values.wrap(stateTensor(Generator.getDefault())));
        pkg.builtin("torch_set_rng_state", "state", (call, a) -> OpCalls.guard(call, () -> {
            Tensor state = OpCalls.host(a[0], Tensor.class);
            if (state == null) {
                throw TorchException.type("`state` must be a tensor from torch_get_rng_state()");
            }
            Generator.getDefault().setState(bytes(state));
            call.setInvisible();
            return RNull.INSTANCE;
        }));
        pkg.builtin("local_torch_manual_seed", "seed, .env", (call, a) -> OpCalls.guard(call, () -> {
            REnvironment frame = a[1] instanceof REnvironment e ? e : call.env();
            Generator generator = Generator.getDefault();
            byte[] previous = generator.getState();
            generator.manualSeed((long) RValues.asDouble(a[0]));
            frame.addOnExit(new RPromise(new RestoreState(previous), frame, false), true);
            call.setInvisible();
            return RNull.INSTANCE;
        }));
        pkg.classHandler(GENERATOR_CLASS, new Handler());
    }

    private static Tensor stateTensor(Generator generator) {
        byte[] state = generator.getState();
        long[] values = new long[state.length];
        for (int i = 0; i < state.length; i++) {
            values[i] = state[i] & 0xFF;
        }
        return Torch.tensor(values, new int[] {values.length});
    }

    private static byte[] bytes(Tensor state) {
        double[] values = state.to(DType.FLOAT64).contiguous().toDoubleArray();
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) (long) values[i];
        }
        return out;
    }

    /** The on-exit expression of {@code local_torch_manual_seed}: the default generator's previous state. */
    private static final class RestoreState extends RNode {
        private final byte[] state;

        RestoreState(byte[] state) {
            this.state = state;
        }

        @Override
        public Object execute(REnvironment env) {
            Generator.getDefault().setState(state);
            return RNull.INSTANCE;
        }

        @Override
        public void deparse(StringBuilder sb) {
            sb.append("torch_set_rng_state(state)");
        }
    }

    /** {@code print}, {@code $current_seed()} and {@code $set_current_seed(seed)} of a generator. */
    static final class Handler implements RClassHandler {
        @Override
        public Object dispatch(String generic, RCall call, Object[] args, String[] names) {
            Generator g = OpCalls.host(args[0], Generator.class);
            return switch (generic) {
                case "print" -> {
                    call.print("torch_generator()\n");
                    call.setInvisible();
                    yield args[0];
                }
                // NOTE: R torch returns a bit64 integer64; R here has none, so the seed is a double (exact to 2^53).
                case "$" -> switch (RValues.asString(args[1])) {
                    case "current_seed" -> new RBuiltin("current_seed", new String[0], false,
                            (c, a) -> RDouble.of((double) g.initialSeed()));
                    case "set_current_seed" -> new RBuiltin("set_current_seed", new String[] {"seed"}, false,
                            (c, a) -> {
                                if (!(a[0] instanceof RInt)) {
                                    throw c.error("Seed must be integer or integer64.");
                                }
                                g.manualSeed((long) RValues.asDouble(a[0]));
                                c.setInvisible();
                                return RNull.INSTANCE;
                            });
                    default -> RNull.INSTANCE;
                };
                default -> NOT_HANDLED;
            };
        }
    }
}
