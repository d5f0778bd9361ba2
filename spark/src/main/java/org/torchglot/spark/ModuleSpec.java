package org.torchglot.spark;

import java.io.Serializable;

/**
 * How an executor builds a model's module: Java code ({@link JavaModuleSpec}) or a Python, R or
 * JavaScript script through the bindings ({@link ScriptModuleSpec}). Shipped to executors, so
 * serializable; the module's weights travel separately as a state dict.
 */
public sealed interface ModuleSpec extends Serializable permits JavaModuleSpec, ScriptModuleSpec {

    /** Builds the module with its freshly initialised weights (seed the engine first for reproducible ones). */
    LoadedModule instantiate();

    /** A module built by Java code. */
    static ModuleSpec java(ModuleFactory factory) {
        return new JavaModuleSpec(factory);
    }
}
