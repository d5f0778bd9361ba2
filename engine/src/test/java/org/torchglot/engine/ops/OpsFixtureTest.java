package org.torchglot.engine.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.torchglot.engine.Torch;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Index;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/** Forward results of every op family against fixtures written by real PyTorch (tools/fixtures/engine_ops.py). */
class OpsFixtureTest {

    record Case(String name, String op, String[] args, List<Tensor> inputs, List<Tensor> expected, String errorType,
            String errorMessage) {
    }

    @TestFactory
    Stream<DynamicTest> opsMatchPyTorch() throws IOException {
        return readCases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private static void check(Case c) {
        if (c.errorType() != null) {
            TorchException e = assertThrows(TorchException.class, () -> run(c));
            assertEquals(c.errorType(), e.pythonName(), c.name());
            assertEquals(c.errorMessage(), e.getMessage(), c.name());
            return;
        }
        List<Tensor> actual = run(c);
        assertEquals(c.expected().size(), actual.size(), "number of outputs");
        for (int i = 0; i < actual.size(); i++) {
            Tensor want = c.expected().get(i);
            Tensor got = actual.get(i);
            assertEquals(want.dtype(), got.dtype(), c.name() + " dtype");
            assertArrayEquals(want.shape(), got.shape(), c.name() + " shape");
            double[] w = want.toDoubleArray();
            double[] g = got.toDoubleArray();
            for (int k = 0; k < w.length; k++) {
                double tol = want.dtype() == DType.FLOAT32 ? 2e-6 * Math.max(1, Math.abs(w[k])) : 1e-12 * Math.max(1, Math.abs(w[k]));
                if (Double.isNaN(w[k])) {
                    assertEquals(Double.NaN, g[k], c.name());
                } else {
                    assertEquals(w[k], g[k], tol, c.name() + " element " + k);
                }
            }
        }
    }

    private static double num(String s) {
        return Double.parseDouble(s);
    }

    private static int[] ints(String[] args, int from) {
        return Arrays.stream(args, from, args.length).mapToInt(Integer::parseInt).toArray();
    }

    private static Double bound(String s) {
        return s.equals("none") ? null : num(s);
    }

    private static List<Tensor> run(Case c) {
        List<Tensor> in = c.inputs();
        String[] a = c.args();
        Tensor x = in.isEmpty() ? null : in.get(0);
        Tensor y = in.size() > 1 ? in.get(1) : null;
        Tensor out = switch (c.op()) {
            case "add" -> x.add(y);
            case "sub" -> x.sub(y);
            case "mul" -> x.mul(y);
            case "div" -> x.div(y);
            case "pow" -> x.pow(y);
            case "maximum" -> x.maximum(y);
            case "minimum" -> x.minimum(y);
            case "floor_divide" -> x.floorDivide(y);
            case "remainder" -> x.remainder(y);
            case "pow_scalar" -> x.pow(num(a[0]));
            case "add_scalar" -> x.add(num(a[0]));
            case "add_int_scalar" -> x.add(Tensor.scalar(Long.parseLong(a[0])));
            case "rsub_scalar" -> x.rsub(num(a[0]));
            case "mul_scalar" -> x.mul(num(a[0]));
            case "div_scalar" -> x.div(num(a[0]));
            case "neg" -> x.neg();
            case "exp" -> x.exp();
            case "log" -> x.log();
            case "sqrt" -> x.sqrt();
            case "abs" -> x.abs();
            case "sin" -> x.sin();
            case "cos" -> x.cos();
            case "tanh" -> x.tanh();
            case "sigmoid" -> x.sigmoid();
            case "relu" -> x.relu();
            case "sign" -> x.sign();
            case "floor" -> x.floor();
            case "ceil" -> x.ceil();
            case "round" -> x.round();
            case "reciprocal" -> x.reciprocal();
            case "log1p" -> x.log1p();
            case "square" -> x.square();
            case "clamp" -> x.clamp(bound(a[0]), bound(a[1]));
            case "eq" -> x.eq(y);
            case "ne" -> x.ne(y);
            case "lt" -> x.lt(y);
            case "le" -> x.le(y);
            case "gt" -> x.gt(y);
            case "ge" -> x.ge(y);
            case "eq_scalar" -> x.eq(Tensor.scalar(num(a[0])));
            case "ne_scalar" -> x.ne(Tensor.scalar(num(a[0])));
            case "lt_scalar" -> x.lt(Tensor.scalar(num(a[0])));
            case "le_scalar" -> x.le(Tensor.scalar(num(a[0])));
            case "gt_scalar" -> x.gt(Tensor.scalar(num(a[0])));
            case "ge_scalar" -> x.ge(Tensor.scalar(num(a[0])));
            case "where" -> Tensor.where(x, y, in.get(2));
            case "logical_not" -> x.logicalNot();
            case "to" -> x.to(dtype(a[0]));
            case "mm" -> x.mm(y);
            case "matmul" -> x.matmul(y);
            case "matmul_t" -> x.matmul(y.t());
            case "t_view" -> x.t().view(ints(a, 0));
            case "transpose01_reshape" -> x.transpose(0, 1).reshape(ints(a, 0));
            case "permute102_contiguous" -> x.permute(1, 0, 2).contiguous();
            case "t" -> x.t();
            case "transpose" -> x.transpose(Integer.parseInt(a[0]), Integer.parseInt(a[1]));
            case "permute" -> x.permute(ints(a, 0));
            case "reshape" -> x.reshape(ints(a, 0));
            case "view" -> x.view(ints(a, 0));
            case "squeeze" -> x.squeeze();
            case "squeeze_dim" -> x.squeeze(Integer.parseInt(a[0]));
            case "unsqueeze" -> x.unsqueeze(Integer.parseInt(a[0]));
            case "expand" -> x.expand(ints(a, 0));
            case "flatten" -> x.flatten(Integer.parseInt(a[0]), Integer.parseInt(a[1]));
            case "contiguous" -> x.contiguous();
            case "clone" -> x.clone();
            case "cat" -> Tensor.cat(in, Integer.parseInt(a[0]));
            case "stack" -> Tensor.stack(in, Integer.parseInt(a[0]));
            case "repeat" -> x.repeat(ints(a, 0));
            case "sum" -> x.sum();
            case "sum_dim" -> x.sum(Integer.parseInt(a[0]), Boolean.parseBoolean(a[1]));
            case "sum_dims" -> x.sum(ints(a, 0), false);
            case "mean" -> x.mean();
            case "mean_dim" -> x.mean(Integer.parseInt(a[0]), Boolean.parseBoolean(a[1]));
            case "prod" -> x.prod();
            case "prod_dim" -> x.prod(Integer.parseInt(a[0]), false);
            case "max" -> x.max();
            case "min" -> x.min();
            case "max_dim" -> {
                Tensor[] r = x.max(Integer.parseInt(a[0]), Boolean.parseBoolean(a[1]));
                yield null == r ? null : pair(r);
            }
            case "min_dim" -> pair(x.min(Integer.parseInt(a[0]), Boolean.parseBoolean(a[1])));
            case "argmax" -> x.argmax();
            case "argmax_dim" -> x.argmax(Integer.parseInt(a[0]), false);
            case "argmin_dim" -> x.argmin(Integer.parseInt(a[0]), false);
            case "std" -> x.std(null, true, false);
            case "var" -> x.var(null, true, false);
            case "std_dim" -> x.std(ints(a, 0), true, false);
            case "var_dim_biased" -> x.var(ints(a, 0), false, false);
            case "index" -> x.index(parseIndex(a[0], in));
            case "index_put_scalar" -> {
                Tensor copy = x.clone();
                copy.indexPut(parseIndex(a[0], in), Tensor.scalar(num(a[1])));
                yield copy;
            }
            case "index_put_tensor" -> {
                Tensor copy = x.clone();
                copy.indexPut(parseIndex(a[0], in), y);
                yield copy;
            }
            case "add_" -> x.add_(y);
            case "add_alpha_" -> x.add_(y, num(a[0]));
            case "mul_" -> x.mul_(y);
            case "sub_" -> x.sub_(y);
            case "div_" -> x.div_(y);
            case "zero_" -> x.zero_();
            case "fill_" -> x.fill_(num(a[0]));
            case "clamp_" -> x.clamp_(num(a[0]), num(a[1]));
            case "copy_" -> x.copy_(y);
            case "arange" -> {
                boolean integral = Arrays.stream(a).allMatch(s -> !s.contains("."));
                yield Torch.arange(num(a[0]), num(a[1]), num(a[2]), integral ? DType.INT64 : DType.FLOAT32);
            }
            case "linspace" -> Torch.linspace(num(a[0]), num(a[1]), Integer.parseInt(a[2]), DType.FLOAT32);
            case "eye" -> Torch.eye(Integer.parseInt(a[0]), Integer.parseInt(a[1]), DType.FLOAT32);
            case "full" -> Torch.full(new int[] {2, 2}, num(a[0]), DType.FLOAT32);
            case "ones_like" -> Torch.onesLike(x);
            default -> throw new IllegalArgumentException("unknown op in fixture: " + c.op());
        };
        return out == PAIR_MARKER ? lastPair : List.of(out);
    }

    // max(dim)/min(dim) return two tensors; the switch above yields a marker for them.
    private static final Tensor PAIR_MARKER = Tensor.scalar(0L);
    private static List<Tensor> lastPair;

    private static Tensor pair(Tensor[] r) {
        lastPair = List.of(r);
        return PAIR_MARKER;
    }

    /** Index spec: items separated by commas; i, a:b:c, N (None), E (...), Tk (input k as index). */
    private static Index[] parseIndex(String spec, List<Tensor> inputs) {
        String[] parts = spec.split(",");
        Index[] items = new Index[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.equals("N")) {
                items[i] = Index.NEW_AXIS;
            } else if (p.equals("E")) {
                items[i] = Index.ELLIPSIS;
            } else if (p.startsWith("T")) {
                items[i] = Index.select(inputs.get(Integer.parseInt(p.substring(1))));
            } else if (p.contains(":")) {
                String[] b = p.split(":", -1);
                items[i] = Index.slice(bound(b, 0), bound(b, 1), bound(b, 2));
            } else {
                items[i] = Index.at(Long.parseLong(p));
            }
        }
        return items;
    }

    private static Long bound(String[] b, int i) {
        return i < b.length && !b[i].isEmpty() ? Long.parseLong(b[i]) : null;
    }

    private static DType dtype(String name) {
        return switch (name) {
            case "float32" -> DType.FLOAT32;
            case "float64" -> DType.FLOAT64;
            case "int64" -> DType.INT64;
            case "bool" -> DType.BOOL;
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static Tensor parseTensor(String line) {
        String[] f = line.split(" ");
        DType dtype = dtype(f[0]);
        int[] shape = f[1].equals("-") ? new int[0] : Arrays.stream(f[1].split(",")).mapToInt(Integer::parseInt).toArray();
        double[] values = new double[f.length - 2];
        for (int i = 2; i < f.length; i++) {
            values[i - 2] = switch (f[i]) {
                case "nan" -> Double.NaN;
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(f[i]);
            };
        }
        return Torch.tensor(values, shape, dtype);
    }

    static List<Case> readCases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                OpsFixtureTest.class.getResourceAsStream("/fixtures/ops/ops.txt"), StandardCharsets.UTF_8))) {
            String name = null;
            String op = null;
            String[] args = null;
            List<Tensor> in = null;
            List<Tensor> out = null;
            String errType = null;
            String errMsg = null;
            for (String line = r.readLine(); ; line = r.readLine()) {
                if (line == null || line.startsWith("case ")) {
                    if (name != null) {
                        cases.add(new Case(name, op, args, in, out, errType, errMsg));
                    }
                    if (line == null) {
                        break;
                    }
                    name = line.substring(5);
                    in = new ArrayList<>();
                    out = new ArrayList<>();
                    errType = null;
                    errMsg = null;
                } else if (line.startsWith("op ")) {
                    String[] f = line.substring(3).split(" ");
                    op = f[0];
                    args = Arrays.copyOfRange(f, 1, f.length);
                } else if (line.startsWith("in ")) {
                    in.add(parseTensor(line.substring(3)));
                } else if (line.startsWith("out ")) {
                    out.add(parseTensor(line.substring(4)));
                } else if (line.startsWith("error ")) {
                    int sp = line.indexOf(' ', 6);
                    errType = line.substring(6, sp);
                    errMsg = line.substring(sp + 1);
                }
            }
        }
        return cases;
    }
}
