package org.torchglot.lang.r;

import org.torchglot.lang.r.runtime.Coerce;
import org.torchglot.lang.r.runtime.RBuiltin;
import org.torchglot.lang.r.runtime.RDouble;
import org.torchglot.lang.r.runtime.RExternal;
import org.torchglot.lang.r.runtime.RInt;
import org.torchglot.lang.r.runtime.RList;
import org.torchglot.lang.r.runtime.RValues;
import org.torchglot.lang.r.runtime.RVector;

/**
 * A tiny package in the shape the torch package will have: Java builtins, R source, and a class handler that gives a
 * host object ({@code double[]}) R's operators, {@code $} methods, indexing, printing and calls.
 */
final class DemoVectorPackage implements RPackage {
    static final String R_SOURCE = """
                    demo_double <- function(v) v + v
                    demo_module <- function(w) {
                      self <- new.env()
                      self$w <- w
                      self$forward <- function(x) x * self$w
                      instance <- function(...) self$forward(...)
                      class(instance) <- "demo_module"
                      attr(instance, "self") <- self
                      instance
                    }
                    `$.demo_module` <- function(x, name) get(name, envir = attr(x, "self"))
                    print.demo_module <- function(x, ...) {
                      cat("A demo_module with w =", attr(x, "self")$w, "\\n")
                      invisible(x)
                    }
                    """;

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public void install(RPackageBuilder pkg) {
        pkg.builtin("demo_vec", "...", (call, args) -> wrap(Coerce.cast(Coerce.asVector(
                        org.torchglot.lang.r.runtime.RCaller.dotsToList(new org.torchglot.lang.r.runtime.RDots(((RList) args[0]).data(), new String[((RList) args[0]).length()])).length() == 0
                                        ? new RDouble(new double[0]) : flatten((RList) args[0])), org.torchglot.lang.r.runtime.RType.DOUBLE, false)));
        pkg.source("demo.R", R_SOURCE);
        pkg.classHandler("demo_vec", new Handler());
    }

    private static RVector flatten(RList parts) {
        int n = 0;
        for (Object p : parts.data()) {
            n += ((RVector) p).length();
        }
        double[] d = new double[n];
        int k = 0;
        for (Object p : parts.data()) {
            RVector v = (RVector) p;
            for (int i = 0; i < v.length(); i++) {
                d[k++] = Coerce.doubleAt(v, i);
            }
        }
        return new RDouble(d);
    }

    static RExternal wrap(RVector v) {
        return new RExternal(((RDouble) v).data().clone(), "demo_vec", "R7");
    }

    static double[] data(Object o) {
        return (double[]) ((RExternal) o).host();
    }

    private static final class Handler implements RClassHandler {
        @Override
        public boolean isCallable(Object self) {
            return true;
        }

        @Override
        public Object dispatch(String generic, RCall call, Object[] args, String[] names) {
            switch (generic) {
                case "$": {
                    String name = RValues.asString(args[1]);
                    double[] d = data(args[0]);
                    return switch (name) {
                        case "size" -> RInt.of(d.length);
                        case "sum" -> new RBuiltin("sum", new String[0], false, (c, a) -> {
                            double s = 0;
                            for (double x : d) {
                                s += x;
                            }
                            return RDouble.of(s);
                        });
                        default -> throw call.error("no field '" + name + "' in a demo_vec");
                    };
                }
                case "+", "*", "-": {
                    if (args.length == 1) {
                        return map(data(args[0]), x -> -x);
                    }
                    double[] l = operand(args[0]);
                    double[] r = operand(args[1]);
                    double[] out = new double[Math.max(l.length, r.length)];
                    for (int i = 0; i < out.length; i++) {
                        double a = l[i % l.length];
                        double b = r[i % r.length];
                        out[i] = generic.equals("+") ? a + b : generic.equals("*") ? a * b : a - b;
                    }
                    return wrap(new RDouble(out));
                }
                case "[":
                    return RDouble.of(data(args[0])[RValues.asInt(args[1]) - 1]);
                case "[<-":
                    data(args[0])[RValues.asInt(args[1]) - 1] = RValues.asDouble(args[args.length - 1]);
                    return args[0];
                case "length":
                    return RInt.of(data(args[0]).length);
                case "as.numeric":
                    return new RDouble(data(args[0]).clone());
                case "print": {
                    double[] d = data(args[0]);
                    StringBuilder sb = new StringBuilder("<demo_vec of ").append(d.length).append(">\n");
                    call.print(sb.toString());
                    call.setInvisible();
                    return args[0];
                }
                case "(":
                    return map(data(args[0]), x -> x * RValues.asDouble(args[1]));
                default:
                    return NOT_HANDLED;
            }
        }

        private static double[] operand(Object o) {
            return o instanceof RExternal ? data(o) : ((RDouble) Coerce.cast((RVector) o, org.torchglot.lang.r.runtime.RType.DOUBLE, false)).data();
        }

        private static RExternal map(double[] d, java.util.function.DoubleUnaryOperator f) {
            double[] out = new double[d.length];
            for (int i = 0; i < d.length; i++) {
                out[i] = f.applyAsDouble(d[i]);
            }
            return wrap(new RDouble(out));
        }
    }
}
