package org.torchglot.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.graalvm.polyglot.HostAccess;
import org.junit.jupiter.api.Test;
import org.torchglot.engine.Torch;
import org.torchglot.lang.r.RLanguage;

/**
 * Enumerates everything a sandboxed guest can reach (the classes it may look up by name, and every
 * member the sandboxed {@link HostAccess} allows on our classes and the JDK's) and compares it with
 * the reviewed allow-list {@code host-surface.txt}.
 */
class HostSurfaceTest {

    private static final String LIST = "org/torchglot/bindings/host-surface.txt";

    /** JDK classes whose members guests could meet on objects they hold (errors, enums, collections). */
    private static final List<Class<?>> JDK_CLASSES = List.of(Object.class, Throwable.class, Exception.class,
            RuntimeException.class, Enum.class, Class.class, ClassLoader.class, Thread.class, Runtime.class,
            System.class, ProcessBuilder.class, String.class, Iterable.class, java.util.Iterator.class,
            java.util.List.class, java.util.ArrayList.class, java.util.Map.class, java.util.LinkedHashMap.class,
            java.util.Set.class, java.util.LinkedHashSet.class, java.util.Collection.class,
            java.lang.reflect.Method.class, java.io.File.class, java.nio.file.Files.class, java.nio.file.Path.class,
            java.util.function.Function.class, java.util.function.Consumer.class);

    @Test
    void theSandboxReachesExactlyTheReviewedList() throws Exception {
        List<String> reviewed = ResourceText.read(HostSurfaceTest.class, "/" + LIST).lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        Set<String> actual = reachable();
        Set<String> added = new TreeSet<>(actual);
        reviewed.forEach(added::remove);
        Set<String> gone = new TreeSet<>(reviewed);
        gone.removeAll(actual);
        if (!added.isEmpty() || !gone.isEmpty()) {
            fail("The host surface sandboxed scripts reach has changed.\n"
                    + "Reachable but not on the reviewed list (bindings/src/test/resources/" + LIST + "):\n  "
                    + String.join("\n  ", added) + "\n"
                    + "On the list but no longer reachable:\n  " + String.join("\n  ", gone) + "\n"
                    + "Review each new member as attack surface (raw arrays, sizes or offsets unchecked? files,"
                    + " processes, threads, reflection, class loaders, process-wide settings?), fix HostApi.LOOKUP/"
                    + "MEMBERS if it must not be reachable, and otherwise add or remove exactly these lines in"
                    + " the list (kept sorted).");
        }
        assertEquals(reviewed.stream().sorted().toList(), reviewed, "host-surface.txt must stay sorted");
    }

    @Test
    void nothingDangerousIsOnTheSurface() throws Exception {
        List<String> dangerous = List.of("#main(", "ClassLoader", "java.lang.reflect.", "Thread", "java.lang.Class",
                "#exit(", ".kernels.", ".tensor.Storage", "MemoryLimit", "ApiDocs", "ProgressDisplay#install(",
                "OpTable#register", "Ref()", "java.io.File", "java.nio.file.");
        for (String line : reachable()) {
            for (String word : dangerous) {
                assertFalse(line.contains(word), "dangerous member on the host surface: " + line);
            }
        }
    }

    /** The lines of the allow-list that describe what the sandbox allows today. */
    static Set<String> reachable() throws ReflectiveOperationException {
        Set<Class<?>> candidates = new LinkedHashSet<>();
        candidates.addAll(PublicClasses.besides(Torch.class, "org.torchglot.engine"));
        candidates.addAll(PublicClasses.besides(HostApi.class, "org.torchglot.bindings"));
        candidates.addAll(PublicClasses.besides(RLanguage.class, "org.torchglot.lang"));
        candidates.addAll(JDK_CLASSES);
        Method allowsAccess = HostAccess.class.getDeclaredMethod("allowsAccess", AnnotatedElement.class);
        allowsAccess.setAccessible(true);
        Set<String> out = new TreeSet<>();
        for (Class<?> type : candidates) {
            if (HostApi.isExported(type.getName())) {
                out.add(type.getName());
            }
            List<Member> members = new ArrayList<>();
            members.addAll(Arrays.asList(type.getMethods()));
            members.addAll(Arrays.asList(type.getConstructors()));
            members.addAll(Arrays.asList(type.getFields()));
            for (Member member : members) {
                if (isAllowed(allowsAccess, (AnnotatedElement) member)) {
                    out.add(describe(member));
                }
            }
        }
        return out;
    }

    private static boolean isAllowed(Method allowsAccess, AnnotatedElement member) throws ReflectiveOperationException {
        try {
            return (Boolean) allowsAccess.invoke(HostApi.SANDBOXED, member);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** {@code Class#method(ParamType, ...)}, {@code Class#new(...)} for a constructor, {@code Class#FIELD}. */
    static String describe(Member member) {
        String owner = member.getDeclaringClass().getName();
        return switch (member) {
            case Constructor<?> c -> owner + "#new(" + parameters(c) + ")";
            case Method m -> owner + "#" + m.getName() + "(" + parameters(m) + ")"
                    + (Modifier.isStatic(m.getModifiers()) ? " static" : "");
            case Field f -> owner + "#" + f.getName();
            default -> throw new IllegalArgumentException(member.toString());
        };
    }

    private static String parameters(Executable executable) {
        return Arrays.stream(executable.getParameterTypes()).map(Class::getTypeName).collect(Collectors.joining(", "));
    }
}
