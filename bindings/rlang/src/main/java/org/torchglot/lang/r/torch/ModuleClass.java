package org.torchglot.lang.r.torch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code nn_module("name", initialize = ..., forward = ..., inherit = parent)} defines: the class name, the
 * methods and fields given in {@code ...}, and the parent class ({@code null} for {@code nn_Module}).
 */
record ModuleClass(String name, Map<String, Object> members, ModuleClass parent) {

    /** A member found in the class chain, with the class that defines it (for {@code super$}). */
    record Found(Object value, ModuleClass definedIn) {
    }

    /** Looks {@code member} up in this class, then its ancestors; null when none defines it. */
    Found find(String member) {
        for (ModuleClass c = this; c != null; c = c.parent) {
            if (c.members.containsKey(member)) {
                return new Found(c.members.get(member), c);
            }
        }
        return null;
    }

    /** The R class vector of instances: this class's name, the ancestors' names, then {@code nn_module}. */
    String[] classes() {
        List<String> out = new ArrayList<>();
        for (ModuleClass c = this; c != null; c = c.parent) {
            if (c.name != null && !out.contains(c.name)) {
                out.add(c.name);
            }
        }
        out.add("nn_module");
        return out.toArray(new String[0]);
    }

    /** The name printed for instances ({@code <two_layer_net>}); unnamed classes print as {@code nn_module}. */
    String displayName() {
        return classes()[0];
    }
}
