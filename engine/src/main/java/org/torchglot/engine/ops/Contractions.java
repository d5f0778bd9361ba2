package org.torchglot.engine.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.torchglot.engine.tensor.Shapes;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * Products that contract dims: einsum, tensordot, kron, inner, cdist and the
 * {@code beta * input + alpha * product} family (addmv, addr, baddbmm, addbmm, addmm).
 */
public final class Contractions {
    private Contractions() {
    }

    // ---- einsum ---------------------------------------------------------------------------------------

    /** One operand with a label per dim. */
    private record Labeled(Tensor t, List<Character> labels) {
    }

    /**
     * {@code einsum}: repeated labels take diagonals, labels no one else needs are summed out, then
     * operands are contracted pairwise with one batched matrix product each (as PyTorch does), so
     * gradients come from the ops used.
     */
    public static Tensor einsum(String equation, List<Tensor> operands) {
        String eq = equation.replace(" ", "");
        String[] sides = eq.split("->", -1);
        String[] inputs = sides[0].split(",", -1);
        if (inputs.length != operands.size()) {
            throw TorchException.runtime("einsum(): more operands were provided than specified in the equation");
        }
        int ellipsisRank = 0;
        List<Labeled> ops = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            Tensor t = operands.get(i);
            String spec = inputs[i];
            int explicit = spec.replace("...", "").length();
            int covered = spec.contains("...") ? t.dim() - explicit : 0;
            if (covered < 0 || (!spec.contains("...") && explicit != t.dim())) {
                throw TorchException.runtime("einsum(): the number of subscripts in the equation (" + explicit
                        + ") does not match the number of dimensions (" + t.dim() + ") for operand " + i
                        + (spec.contains("...") ? "" : " and no ellipsis was given"));
            }
            ellipsisRank = Math.max(ellipsisRank, covered);
            ops.add(new Labeled(t, expand(spec, covered)));
        }
        String out;
        if (sides.length > 1) {
            out = sides[1];
        } else {
            StringBuilder implicit = new StringBuilder(ellipsisRank > 0 ? "..." : "");
            String all = sides[0].replace("...", "").replace(",", "");
            all.chars().distinct().sorted().filter(c -> all.indexOf(c) == all.lastIndexOf(c))
                    .forEach(c -> implicit.append((char) c));
            out = implicit.toString();
        }
        List<Character> outLabels = expand(out, out.contains("...") ? ellipsisRank : 0);
        for (char c : outLabels) {
            if (ops.stream().noneMatch(o -> o.labels().contains(c))) {
                throw TorchException.runtime("einsum(): output subscript " + c
                        + " does not appear in the equation for any input operand");
            }
        }
        checkSizes(ops);
        for (int i = 0; i < ops.size(); i++) {
            ops.set(i, diagonals(ops.get(i)));
        }
        Labeled acc = sumUnneeded(ops, 0, outLabels);
        for (int i = 1; i < ops.size(); i++) {
            Labeled next = sumUnneeded(ops, i, outLabels);
            List<Character> keep = new ArrayList<>(outLabels);
            for (int j = i + 1; j < ops.size(); j++) {
                keep.addAll(ops.get(j).labels());
            }
            acc = contract(acc, next, keep);
        }
        acc = sumOut(acc, outLabels);
        int[] perm = new int[outLabels.size()];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = acc.labels().indexOf(outLabels.get(i));
        }
        return acc.t().permute(perm);
    }

    /** Every label must have one size across operands, or 1 (broadcast). */
    private static void checkSizes(List<Labeled> ops) {
        java.util.Map<Character, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < ops.size(); i++) {
            Labeled op = ops.get(i);
            for (int k = 0; k < op.labels().size(); k++) {
                char c = op.labels().get(k);
                int size = op.t().shapeRef()[k];
                Integer before = seen.get(c);
                if (before != null && before != size && before != 1 && size != 1) {
                    throw TorchException.runtime("einsum(): subscript " + c + " has size " + size + " for operand " + i
                            + " which does not broadcast with previously seen size " + before);
                }
                if (before == null || before == 1) {
                    seen.put(c, size);
                }
            }
        }
    }

    /** Labels of a spec, the ellipsis standing for {@code covered} dims labelled by digits. */
    private static List<Character> expand(String spec, int covered) {
        List<Character> labels = new ArrayList<>();
        int at = spec.indexOf("...");
        for (int i = 0; i < spec.length(); i++) {
            if (i == at) {
                for (int k = 0; k < covered; k++) {
                    // NOTE: ellipsis dims align from the right, so label them counting from the last.
                    labels.add((char) ('0' + covered - 1 - k));
                }
                i += 2;
                continue;
            }
            char c = spec.charAt(i);
            if (!Character.isLetter(c)) {
                throw TorchException.runtime("einsum(): invalid subscript given at index " + i + " in the equation string, "
                        + "subscripts must be in [a-zA-Z]");
            }
            labels.add(c);
        }
        return labels;
    }

    /** Takes the diagonal for every label repeated within one operand. */
    private static Labeled diagonals(Labeled op) {
        List<Character> labels = new ArrayList<>(op.labels());
        Tensor t = op.t();
        for (int i = 0; i < labels.size(); i++) {
            int j = labels.subList(i + 1, labels.size()).indexOf(labels.get(i));
            if (j >= 0) {
                char c = labels.get(i);
                t = Views.diagonal(t, 0, i, i + 1 + j);
                labels.remove(i + 1 + j);
                labels.remove(i);
                labels.add(c);
                i = -1;
            }
        }
        return new Labeled(t, labels);
    }

    /** Sums out the labels of operand {@code i} that neither the output nor another operand has. */
    private static Labeled sumUnneeded(List<Labeled> ops, int i, List<Character> outLabels) {
        List<Character> needed = new ArrayList<>(outLabels);
        for (int j = 0; j < ops.size(); j++) {
            if (j != i) {
                needed.addAll(ops.get(j).labels());
            }
        }
        return sumOut(ops.get(i), needed);
    }

    private static Labeled sumOut(Labeled op, List<Character> needed) {
        List<Integer> dims = new ArrayList<>();
        List<Character> kept = new ArrayList<>();
        for (int k = 0; k < op.labels().size(); k++) {
            if (needed.contains(op.labels().get(k))) {
                kept.add(op.labels().get(k));
            } else {
                dims.add(k);
            }
        }
        if (dims.isEmpty()) {
            return op;
        }
        return new Labeled(op.t().sum(dims.stream().mapToInt(Integer::intValue).toArray(), false), kept);
    }

    /** Contracts two operands with one bmm: (batch, left, summed) x (batch, summed, right). */
    private static Labeled contract(Labeled a, Labeled b, List<Character> keep) {
        List<Character> batch = new ArrayList<>();
        List<Character> summed = new ArrayList<>();
        List<Character> left = new ArrayList<>();
        List<Character> right = new ArrayList<>();
        for (char c : a.labels()) {
            if (b.labels().contains(c)) {
                (keep.contains(c) ? batch : summed).add(c);
            } else {
                left.add(c);
            }
        }
        for (char c : b.labels()) {
            if (!a.labels().contains(c)) {
                right.add(c);
            }
        }
        Tensor ta = broadcastShared(a, b, batch, summed);
        Tensor tb = broadcastShared(b, a, batch, summed);
        int nb = sizeOf(ta, a.labels(), batch);
        int nl = sizeOf(ta, a.labels(), left);
        int ns = sizeOf(ta, a.labels(), summed);
        int nr = sizeOf(tb, b.labels(), right);
        Tensor pa = ta.permute(order(a.labels(), batch, left, summed)).reshape(nb, nl, ns);
        Tensor pb = tb.permute(order(b.labels(), batch, summed, right)).reshape(nb, ns, nr);
        int[] shape = new int[batch.size() + left.size() + right.size()];
        int k = 0;
        for (char c : batch) {
            shape[k++] = ta.shapeRef()[a.labels().indexOf(c)];
        }
        for (char c : left) {
            shape[k++] = ta.shapeRef()[a.labels().indexOf(c)];
        }
        for (char c : right) {
            shape[k++] = tb.shapeRef()[b.labels().indexOf(c)];
        }
        List<Character> labels = new ArrayList<>(batch);
        labels.addAll(left);
        labels.addAll(right);
        return new Labeled(pa.bmm(pb).reshape(shape), labels);
    }

    /** Expands size-1 dims of shared labels to the other operand's size (broadcasting). */
    private static Tensor broadcastShared(Labeled x, Labeled other, List<Character> batch, List<Character> summed) {
        int[] shape = x.t().shape();
        boolean changed = false;
        for (int k = 0; k < shape.length; k++) {
            char c = x.labels().get(k);
            if (batch.contains(c) || summed.contains(c)) {
                int theirs = other.t().shapeRef()[other.labels().indexOf(c)];
                if (shape[k] != theirs) {
                    if (shape[k] != 1 && theirs != 1) {
                        throw TorchException.runtime("einsum(): operands do not broadcast with remapped shapes "
                                + "(original->remapped): " + Shapes.str(x.t().shapeRef()) + " and "
                                + Shapes.str(other.t().shapeRef()));
                    }
                    if (shape[k] == 1) {
                        shape[k] = theirs;
                        changed = true;
                    }
                }
            }
        }
        return changed ? x.t().expand(shape) : x.t();
    }

    private static int sizeOf(Tensor t, List<Character> labels, List<Character> group) {
        int n = 1;
        for (char c : group) {
            n *= t.shapeRef()[labels.indexOf(c)];
        }
        return n;
    }

    @SafeVarargs
    private static int[] order(List<Character> labels, List<Character>... groups) {
        int[] perm = new int[labels.size()];
        int k = 0;
        for (List<Character> g : groups) {
            for (char c : g) {
                perm[k++] = labels.indexOf(c);
            }
        }
        return perm;
    }

    // ---- tensordot, kron, inner, cdist ---------------------------------------------------------------

    public static Tensor tensordot(Tensor a, Tensor b, int[] dimsA, int[] dimsB) {
        if (dimsA.length != dimsB.length) {
            throw TorchException.runtime("both dimension lists should have same length");
        }
        int[] da = Arrays.stream(dimsA).map(d -> Shapes.wrapDim(d, a.dim())).toArray();
        int[] db = Arrays.stream(dimsB).map(d -> Shapes.wrapDim(d, b.dim())).toArray();
        int summed = 1;
        for (int i = 0; i < da.length; i++) {
            if (a.shapeRef()[da[i]] != b.shapeRef()[db[i]]) {
                throw TorchException.runtime("contracted dimensions need to match, but first has size "
                        + a.shapeRef()[da[i]] + " in dim " + da[i] + " and second has size " + b.shapeRef()[db[i]]
                        + " in dim " + db[i]);
            }
            summed *= a.shapeRef()[da[i]];
        }
        int[] freeA = free(a.dim(), da);
        int[] freeB = free(b.dim(), db);
        int[] permA = concat(freeA, da);
        int[] permB = concat(db, freeB);
        int[] shape = new int[freeA.length + freeB.length];
        int rows = 1;
        int cols = 1;
        for (int i = 0; i < freeA.length; i++) {
            shape[i] = a.shapeRef()[freeA[i]];
            rows *= shape[i];
        }
        for (int i = 0; i < freeB.length; i++) {
            shape[freeA.length + i] = b.shapeRef()[freeB[i]];
            cols *= shape[freeA.length + i];
        }
        return a.permute(permA).reshape(rows, summed).mm(b.permute(permB).reshape(summed, cols)).reshape(shape);
    }

    private static int[] free(int rank, int[] used) {
        return java.util.stream.IntStream.range(0, rank).filter(i -> Arrays.stream(used).noneMatch(u -> u == i)).toArray();
    }

    private static int[] concat(int[] x, int[] y) {
        int[] out = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, out, x.length, y.length);
        return out;
    }

    public static Tensor kron(Tensor a, Tensor b) {
        int rank = Math.max(a.dim(), b.dim());
        int[] sa = padded(a.shapeRef(), rank);
        int[] sb = padded(b.shapeRef(), rank);
        int[] va = new int[2 * rank];
        int[] vb = new int[2 * rank];
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            va[2 * i] = sa[i];
            va[2 * i + 1] = 1;
            vb[2 * i] = 1;
            vb[2 * i + 1] = sb[i];
            out[i] = sa[i] * sb[i];
        }
        return a.reshape(va).mul(b.reshape(vb)).reshape(out);
    }

    private static int[] padded(int[] shape, int rank) {
        int[] out = new int[rank];
        Arrays.fill(out, 1);
        System.arraycopy(shape, 0, out, rank - shape.length, shape.length);
        return out;
    }

    public static Tensor inner(Tensor a, Tensor b) {
        if (a.dim() == 0 || b.dim() == 0) {
            return a.mul(b);
        }
        if (a.size(-1) != b.size(-1)) {
            throw TorchException.runtime("inner() the last dimension must match on both input tensors but got shapes "
                    + Shapes.str(a.shapeRef()) + " and " + Shapes.str(b.shapeRef()));
        }
        return tensordot(a, b, new int[] {-1}, new int[] {-1});
    }

    /** Pairwise p-norm distances between the rows of x1 ({@code ... x P x M}) and x2 ({@code ... x R x M}). */
    public static Tensor cdist(Tensor x1, Tensor x2, double p) {
        if (x1.dim() < 2 || x2.dim() < 2) {
            throw TorchException.runtime("cdist only supports at least 2D tensors, X1 got: " + x1.dim() + "D");
        }
        if (x1.size(-1) != x2.size(-1)) {
            throw TorchException.runtime("X1 and X2 must have the same number of columns. X1: " + x1.size(-1) + " X2: "
                    + x2.size(-1));
        }
        if (p < 0) {
            throw TorchException.runtime("cdist only supports non-negative p values");
        }
        Tensor[] inputs = {x1, x2};
        return Recorded.op("CdistBackward0", inputs, inputs, () -> distances(x1, x2, p), (g, s) -> {
            Tensor diff = s[0].unsqueeze(-2).sub(s[1].unsqueeze(-3));
            Tensor dist = distances(s[0], s[1], p).unsqueeze(-1);
            Tensor coefficient;
            if (p == 0) {
                coefficient = diff.mul(0.0);
            } else if (p == 1) {
                coefficient = diff.sign();
            } else if (Double.isInfinite(p)) {
                Tensor hit = diff.abs().eq(dist).to(g.dtype());
                coefficient = diff.sign().mul(hit).div(hit.sum(new int[] {-1}, true));
            } else {
                // NOTE: zero distances get zero gradient, as in PyTorch, not 0/0.
                Tensor safe = Tensor.where(dist.eq(Tensor.scalar(0.0)), Tensor.scalar(1.0).to(g.dtype()), dist);
                coefficient = diff.sign().mul(diff.abs().pow(p - 1)).div(safe.pow(p - 1))
                        .mul(dist.ne(Tensor.scalar(0.0)).to(g.dtype()));
            }
            Tensor weighted = coefficient.mul(g.unsqueeze(-1));
            return new Tensor[] {weighted.sum(new int[] {-2}, false), weighted.sum(new int[] {-3}, false).neg()};
        });
    }

    private static Tensor distances(Tensor x1, Tensor x2, double p) {
        Tensor diff = x1.unsqueeze(-2).sub(x2.unsqueeze(-3)).abs();
        if (p == 0) {
            return diff.ne(Tensor.scalar(0.0)).to(x1.dtype()).sum(new int[] {-1}, false);
        }
        if (Double.isInfinite(p)) {
            return Reductions.amaxAmin(diff, new int[] {-1}, false, true);
        }
        Tensor s = diff.pow(p).sum(new int[] {-1}, false);
        return p == 1 ? s : p == 2 ? s.sqrt() : s.pow(1.0 / p);
    }

    // ---- beta * input + alpha * product --------------------------------------------------------------

    private static Tensor scaled(Tensor input, double beta, Tensor product, double alpha) {
        Tensor p = alpha == 1.0 ? product : product.mul(alpha);
        if (beta == 0.0) {
            // NOTE: with beta = 0 the input is ignored, so its NaN and inf do not propagate.
            return p.add(Tensor.zeros(input.shapeRef(), p.dtype()));
        }
        return (beta == 1.0 ? input : input.mul(beta)).add(p);
    }

    public static Tensor addmv(Tensor input, Tensor mat, Tensor vec, double beta, double alpha) {
        Tensor[] inputs = {input, mat, vec};
        return Recorded.op("AddmvBackward0", inputs, inputs, () -> scaled(input, beta, mat.mv(vec), alpha),
                (g, s) -> new Tensor[] {g.mul(beta), g.unsqueeze(1).mul(s[2].unsqueeze(0)).mul(alpha),
                    s[1].t().mv(g).mul(alpha)});
    }

    public static Tensor addr(Tensor input, Tensor vec1, Tensor vec2, double beta, double alpha) {
        Tensor[] inputs = {input, vec1, vec2};
        return Recorded.op("AddrBackward0", inputs, inputs,
                () -> scaled(input, beta, vec1.unsqueeze(1).mul(vec2.unsqueeze(0)), alpha),
                (g, s) -> new Tensor[] {g.mul(beta), g.mv(s[2]).mul(alpha), g.t().mv(s[1]).mul(alpha)});
    }

    public static Tensor addmm(Tensor input, Tensor m1, Tensor m2, double beta, double alpha) {
        if (beta == 1.0 && alpha == 1.0) {
            return Tensor.addmm(input, m1, m2);
        }
        Tensor[] inputs = {input, m1, m2};
        return Recorded.op("AddmmBackward0", inputs, inputs, () -> scaled(input, beta, m1.mm(m2), alpha),
                (g, s) -> new Tensor[] {g.mul(beta), g.mm(s[2].t()).mul(alpha), s[1].t().mm(g).mul(alpha)});
    }

    public static Tensor baddbmm(Tensor input, Tensor b1, Tensor b2, double beta, double alpha) {
        Tensor[] inputs = {input, b1, b2};
        return Recorded.op("BaddbmmBackward0", inputs, inputs, () -> scaled(input, beta, b1.bmm(b2), alpha),
                (g, s) -> new Tensor[] {g.mul(beta), g.bmm(s[2].transpose(1, 2)).mul(alpha),
                    s[1].transpose(1, 2).bmm(g).mul(alpha)});
    }

    public static Tensor addbmm(Tensor input, Tensor b1, Tensor b2, double beta, double alpha) {
        Tensor[] inputs = {input, b1, b2};
        return Recorded.op("AddbmmBackward0", inputs, inputs,
                () -> scaled(input, beta, b1.bmm(b2).sum(new int[] {0}, false), alpha), (g, s) -> {
                    Tensor gb = g.unsqueeze(0).expand(s[1].size(0), g.size(0), g.size(1));
                    return new Tensor[] {g.mul(beta), gb.bmm(s[2].transpose(1, 2)).mul(alpha),
                        s[1].transpose(1, 2).bmm(gb).mul(alpha)};
                });
    }
}
