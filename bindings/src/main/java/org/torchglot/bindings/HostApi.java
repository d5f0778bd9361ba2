package org.torchglot.bindings;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.graalvm.polyglot.HostAccess;

/**
 * The Java API that sandboxed scripts may reach: the classes the torch packages call.
 *
 * <p>Guests may look up exactly these classes by name ({@code java.type(...)}, {@code
 * Java.type(...)}) and use their public members; every other host class is invisible.
 */
public final class HostApi {

    /**
     * Every host class the guest-language packages use. The torch shims register their engine
     * entry points here (for example the engine's Tensor and op-table facade classes).
     */
    // NOTE: the engine is plain Java without polyglot annotations, so access is granted per
    // member here instead of through @HostAccess.Export.
    static final List<Class<?>> EXPORTED_CLASSES = exportedClasses();

    private static final Set<String> EXPORTED_NAMES =
            EXPORTED_CLASSES.stream().map(Class::getName).collect(Collectors.toUnmodifiableSet());

    /** Host access of sandboxed contexts; one instance, as every context of an engine must agree. */
    static final HostAccess SANDBOXED = sandboxed();

    private HostApi() {
    }

    /** Whether a guest may look up the host class with this fully qualified name. */
    public static boolean isExported(String className) {
        return EXPORTED_NAMES.contains(className);
    }

    /** Annotated members plus the public API of the exported classes. */
    private static HostAccess sandboxed() {
        HostAccess.Builder access = HostAccess.newBuilder(HostAccess.EXPLICIT)
                .allowArrayAccess(true)
                .allowListAccess(true)
                .allowBufferAccess(true)
                .allowIterableAccess(true)
                .allowIteratorAccess(true)
                .allowMapAccess(true)
                .allowImplementationsAnnotatedBy(FunctionalInterface.class);
        try {
            // Engine errors reach guests as TorchException; the packages read their message.
            access.allowAccess(Throwable.class.getMethod("getMessage"));
            // Enum constants expose their name, e.g. DType.FLOAT32.name().
            access.allowAccess(Enum.class.getMethod("name"));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
        for (Class<?> type : EXPORTED_CLASSES) {
            for (Constructor<?> constructor : type.getConstructors()) {
                access.allowAccess(constructor);
            }
            for (Method method : type.getMethods()) {
                if (isTorchglotType(method.getDeclaringClass())) {
                    access.allowAccess(method);
                }
            }
            for (Field field : type.getFields()) {
                if (isTorchglotType(field.getDeclaringClass()) && Modifier.isPublic(field.getModifiers())) {
                    access.allowAccess(field);
                }
            }
        }
        return access.build();
    }

    /**
     * Our version class, the guests' checked file access (GuestFiles), and every public engine
     * class except those marked {@code @HostFileAccess}: the rest does arithmetic on tensors and
     * touches neither files nor processes, so it is safe to open.
     */
    private static List<Class<?>> exportedClasses() {
        List<Class<?>> out = new java.util.ArrayList<>();
        out.add(TorchglotVersion.class);
        out.add(org.torchglot.bindings.numpy.CMath.class);
        out.add(org.torchglot.bindings.plot.Figure.class);
        out.add(org.torchglot.bindings.plot.Axes.class);
        out.add(GuestFiles.class);
        out.add(ProgressDisplay.class);
        // NOTE: engine classes that touch files are reached only through GuestFiles, which checks paths.
        EngineClasses.publicClasses().stream()
                .filter(type -> !type.isAnnotationPresent(org.torchglot.engine.io.HostFileAccess.class))
                // NOTE: @HostOnly classes change process-wide settings, such as the memory guard.
                .filter(type -> !type.isAnnotationPresent(org.torchglot.engine.HostOnly.class))
                .forEach(out::add);
        return List.copyOf(out);
    }

    private static boolean isTorchglotType(Class<?> type) {
        return type.getName().startsWith("org.torchglot.");
    }
}
