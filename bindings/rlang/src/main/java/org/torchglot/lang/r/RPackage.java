package org.torchglot.lang.r;

/**
 * A package that R code attaches with {@code library(name)} or {@code require(name)}. Implementations are found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/org.torchglot.lang.r.RPackage}) or registered
 * programmatically with {@link RLanguage#registerPackage(RPackage)}.
 */
public interface RPackage {
    /** The name used in {@code library(name)}. */
    String name();

    /**
     * Fills the package: Java builtins first, then R sources (evaluated in order into the package environment, so
     * they can call the builtins), and class handlers for the package's external objects.
     */
    void install(RPackageBuilder pkg);
}
