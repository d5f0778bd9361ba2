package org.torchglot.engine.api;

import org.torchglot.engine.ops.RandomFills;

/** The table's samplers beyond rand, randn, randint and normal_: libtorch's CPU draws for the same seed. */
final class RandomOps {
    private RandomOps() {
    }

    static void registerAll(OpTable t) {
        t.register("bernoulli_(Tensor self, TensorOrScalar p=0.5, *, Generator? generator=None)",
                "Fills with 1 (probability p, a number or a tensor of probabilities) or 0.",
                a -> RandomFills.bernoulli(a.tensor(0), a.tensor(1), a.generator(2)));
        t.register("cauchy_(Tensor self, float median=0, float sigma=1, *, Generator? generator=None)",
                "Fills with samples of the Cauchy distribution.",
                a -> RandomFills.cauchy(a.tensor(0), a.doubleValue(1), a.doubleValue(2), a.generator(3)));
        t.register("exponential_(Tensor self, float lambd=1, *, Generator? generator=None)",
                "Fills with samples of the exponential distribution of rate lambd.",
                a -> RandomFills.exponential(a.tensor(0), a.doubleValue(1), a.generator(2)));
        t.register("geometric_(Tensor self, float p, *, Generator? generator=None)",
                "Fills with the number of Bernoulli(p) trials up to the first success.",
                a -> RandomFills.geometric(a.tensor(0), a.doubleValue(1), a.generator(2)));
        t.register("log_normal_(Tensor self, float mean=1, float std=2, *, Generator? generator=None)",
                "Fills with exp of normal(mean, std) samples.",
                a -> RandomFills.logNormal(a.tensor(0), a.doubleValue(1), a.doubleValue(2), a.generator(3)));
        t.register("random_(Tensor self, int? from=None, int? to=None, *, Generator? generator=None)",
                "Fills with integers in [from, to); random_(to) starts at 0; random_() spans the dtype's exact integers.",
                a -> RandomFills.random(a.tensor(0), a.isNone(1) ? null : a.longValue(1),
                        a.isNone(2) ? null : a.longValue(2), a.generator(3)));
        t.register("poisson(Tensor input@self, Generator? generator=None)", "A Poisson count for each rate of input.",
                a -> RandomFills.poisson(a.tensor(0), a.generator(1)));
        t.register("binomial(Tensor count, Tensor prob, Generator? generator=None)",
                "The number of successes in count trials of probability prob.",
                a -> RandomFills.binomial(a.tensor(0), a.tensor(1), a.generator(2)));
    }
}
