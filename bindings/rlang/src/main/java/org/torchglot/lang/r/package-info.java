/**
 * The R subset that torch tutorials use, as a Truffle language (id {@code "R"}, files {@code .R}/{@code .r}).
 *
 * <h2>Layout</h2>
 * {@link org.torchglot.lang.r.RLanguage} registers the language; {@code parser} holds the hand-written lexer and Pratt
 * parser; {@code nodes} the expression nodes by concern (control flow, operators, access, calls, assignment);
 * {@code runtime} the values ({@code RDouble}, {@code RList}, {@code REnvironment}, {@code RClosure}, ...), argument
 * matching, calls, operators, indexing and the session state {@code RContext}; {@code builtins} the base functions,
 * grouped by concern and listed in {@code Builtins.installAll}; {@code print} R's number formatting and printer.
 *
 * <h2>Extension point: packages for {@code library(name)}</h2>
 * A Java module contributes an R package by implementing {@link org.torchglot.lang.r.RPackage} and either listing it
 * in {@code META-INF/services/org.torchglot.lang.r.RPackage} or calling
 * {@link org.torchglot.lang.r.RLanguage#registerPackage(RPackage)}. When R code runs {@code library(torch)}, the
 * package's {@link org.torchglot.lang.r.RPackage#install} receives an {@link org.torchglot.lang.r.RPackageBuilder}:
 * <pre>{@code
 * public final class TorchRPackage implements RPackage {
 *     public String name() { return "torch"; }
 *     public void install(RPackageBuilder pkg) {
 *         pkg.builtin("torch_randn", "..., dtype, device, requires_grad", (call, args) -> ...);
 *         pkg.lazyBuiltin("with_no_grad", "code", (call, args) -> ...);   // args[0] is an RPromise
 *         pkg.classHandler("torch_tensor", new TensorHandler());
 *         pkg.sourceResource(TorchRPackage.class, "/r/torch.R");           // nn_module etc. written in R
 *     }
 * }
 * }</pre>
 * Builtins receive arguments matched the R way against their formals (absent ones as {@code RMissing.INSTANCE},
 * {@code ...} as a named {@code RList}) plus an {@link org.torchglot.lang.r.RCall} for errors
 * ({@code throw call.error("...")}), warnings, calling R functions back and printing. The package's R source is
 * evaluated into the package environment, which sits on the search path between the global and base environments.
 *
 * <h2>External objects</h2>
 * A host object becomes an R value as {@code new RExternal(tensor, "torch_tensor", "R7")}. Whenever such a value (or
 * any value whose class attribute names a registered class) meets {@code $}, {@code [}, {@code [[}, their
 * replacement forms, an operator, a call, or an internal-generic builtin ({@code print}, {@code length}, {@code dim},
 * {@code as.numeric}, ...), the interpreter first looks for an R S3 method {@code generic.class} and then asks the
 * {@link org.torchglot.lang.r.RClassHandler} registered for that class; {@code NOT_HANDLED} falls back to base R.
 *
 * <h2>Objects with methods (nn_module style)</h2>
 * Environments are mutable objects: {@code self$w <- v} assigns in place, {@code obj$method(x)} calls a closure whose
 * enclosing environment binds {@code self} ({@code environment(f) <- env} rebinds a function). A callable instance is
 * a closure with a class attribute; {@code $.myclass} and {@code print.myclass} S3 methods written in R, or a Java
 * handler, give it fields and printing. Values that are not functions can be made callable by a handler whose
 * {@link org.torchglot.lang.r.RClassHandler#isCallable} is true (the call arrives as generic {@code "("}).
 *
 * <h2>Deliberately left out</h2>
 * Language objects ({@code quote}, {@code substitute} beyond {@code deparse(substitute(x))}, {@code eval} of
 * expressions, formulas), S4 and R5 classes, factors and data frames, complex numbers, regmatches, file and
 * connection I/O, {@code withCallingHandlers}/restarts, {@code NextMethod}, Unicode-width-aware printing, and long
 * vectors. Values are copied on every replacement (no reference counting), which is fine for tutorial-sized loops.
 */
package org.torchglot.lang.r;
