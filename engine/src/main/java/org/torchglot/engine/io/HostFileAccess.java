package org.torchglot.engine.io;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an engine class that reads or writes files. Language bindings must not hand such a class to
 * sandboxed guest code directly; they call it through a helper that checks paths against the sandbox.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface HostFileAccess {
}
