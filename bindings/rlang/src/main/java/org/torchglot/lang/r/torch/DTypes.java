package org.torchglot.lang.r.torch;

import org.torchglot.engine.tensor.DType;
import org.torchglot.lang.r.RCall;
import org.torchglot.lang.r.RClassHandler;
import org.torchglot.lang.r.runtime.RExternal;
import org.torchglot.lang.r.runtime.RLogical;
import org.torchglot.lang.r.runtime.RString;
import org.torchglot.lang.r.runtime.RValues;

/** R torch's dtype objects ({@code torch_float()} prints {@code torch_Float}) and devices ({@code torch_device("cpu")}). */
final class DTypes {
    static final String DTYPE_CLASS = "torch_dtype";
    static final String DEVICE_CLASS = "torch_device";

    /** The only device: tensors live on the CPU. */
    record Device(String type) {
    }

    private DTypes() {
    }

    static RExternal wrap(DType d) {
        return new RExternal(d, DTYPE_CLASS, "R7");
    }

    static RExternal device(String type) {
        return new RExternal(new Device(type), DEVICE_CLASS, "R7");
    }

    /** {@code print}, {@code ==}, {@code as.character} and {@code $is_floating_point} of a dtype. */
    static final class DTypeHandler implements RClassHandler {
        @Override
        public Object dispatch(String generic, RCall call, Object[] args, String[] names) {
            DType d = OpCalls.host(args[0], DType.class);
            return switch (generic) {
                case "print" -> {
                    call.print("torch_" + d.scalarTypeName() + "\n");
                    call.setInvisible();
                    yield args[0];
                }
                case "as.character", "format" -> RString.of(d.scalarTypeName());
                case "==", "!=" -> {
                    boolean same = OpCalls.host(args[0], DType.class) == OpCalls.host(args[1], DType.class);
                    yield RLogical.of(generic.equals("==") == same);
                }
                case "$" -> switch (RValues.asString(args[1])) {
                    case "is_floating_point" -> RLogical.of(d.isFloatingPoint());
                    default -> NOT_HANDLED;
                };
                default -> NOT_HANDLED;
            };
        }
    }

    /** {@code print} and {@code $type} of a device. */
    static final class DeviceHandler implements RClassHandler {
        @Override
        public Object dispatch(String generic, RCall call, Object[] args, String[] names) {
            Device d = OpCalls.host(args[0], Device.class);
            return switch (generic) {
                case "print" -> {
                    call.print("torch_device(type='" + d.type() + "')\n");
                    call.setInvisible();
                    yield args[0];
                }
                case "as.character", "format" -> RString.of(d.type());
                case "$" -> RValues.asString(args[1]).equals("type") ? RString.of(d.type()) : NOT_HANDLED;
                case "==", "!=" -> RLogical.of(generic.equals("==")
                        == java.util.Objects.equals(d, OpCalls.host(args[1], Device.class)));
                default -> NOT_HANDLED;
            };
        }
    }
}
