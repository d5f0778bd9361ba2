package org.torchglot.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an engine class that only the host application may use: it changes process-wide settings
 * (such as the {@link org.torchglot.engine.tensor.MemoryLimit memory guard}) that a sandboxed
 * script must not be able to lift. Language bindings never hand such a class to guest code.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface HostOnly {
}
