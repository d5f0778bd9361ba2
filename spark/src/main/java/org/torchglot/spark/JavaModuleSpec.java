package org.torchglot.spark;

import java.lang.reflect.InvocationTargetException;
import java.util.Objects;

/** A module built by a {@link ModuleFactory} on each executor. */
public record JavaModuleSpec(ModuleFactory factory) implements ModuleSpec {

    public JavaModuleSpec {
        Objects.requireNonNull(factory, "factory");
    }

    @Override
    public LoadedModule instantiate() {
        return new LoadedModule(factory.create(), null);
    }

    /**
     * The factory's class name, for saving; refused for lambdas and classes without a public
     * no-argument constructor, which a reader could not build again.
     */
    String savableClassName() {
        Class<?> type = factory.getClass();
        if (type.isSynthetic() || type.isAnonymousClass() || type.getName().contains("$$Lambda")) {
            throw new IllegalArgumentException("this model's module comes from a lambda, which cannot be saved: "
                    + "give TorchTransformer a named ModuleFactory class with a public no-argument constructor");
        }
        try {
            type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("ModuleFactory " + type.getName()
                    + " cannot be saved: it needs a public no-argument constructor");
        }
        return type.getName();
    }

    /** Builds the factory a saved model names. */
    static JavaModuleSpec fromClassName(String className) {
        try {
            Class<?> type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
            if (!ModuleFactory.class.isAssignableFrom(type)) {
                throw new IllegalArgumentException(className + " is not a " + ModuleFactory.class.getName());
            }
            return new JavaModuleSpec((ModuleFactory) type.getConstructor().newInstance());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("the saved model's ModuleFactory " + className
                    + " is not on the class path (add its jar with --jars)", e);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new IllegalArgumentException("cannot build ModuleFactory " + className + ": " + cause, cause);
        }
    }
}
