package org.torchglot.lang.r;

/** What an {@link RPackage} contributes when it is attached. */
public interface RPackageBuilder {
    /**
     * Defines a function implemented in Java. {@code formals} is an R formal list without defaults, e.g.
     * {@code "x, dim, ..., dtype"}; defaults are the body's business (absent arguments arrive as RMissing).
     */
    RPackageBuilder builtin(String name, String formals, RBuiltinBody body);

    /** Like {@link #builtin}, but the body receives unevaluated arguments as {@code RPromise}s (for {@code with_no_grad({...})}). */
    RPackageBuilder lazyBuiltin(String name, String formals, RBuiltinBody body);

    /** R source code evaluated into the package environment; {@code fileName} appears in error locations. */
    RPackageBuilder source(String fileName, String code);

    /** R source read from a class-path resource (UTF-8), e.g. {@code sourceResource(Torch.class, "/r/torch.R")}. */
    RPackageBuilder sourceResource(Class<?> anchor, String resourcePath);

    /** Routes the generics of values whose class attribute contains {@code className} to {@code handler}. */
    RPackageBuilder classHandler(String className, RClassHandler handler);
}
