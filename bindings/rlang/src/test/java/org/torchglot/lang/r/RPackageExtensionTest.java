package org.torchglot.lang.r;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The extension point: a package with Java builtins, R source and a class handler for external objects. */
class RPackageExtensionTest {

    @BeforeAll
    static void register() {
        RLanguage.registerPackage(new DemoVectorPackage());
    }

    @Test
    void externalObjectsDispatchToTheirHandler() {
        String out = RTestSupport.run("ext.R", """
                        library(demo)
                        v <- demo_vec(1, 2, 3)
                        v
                        class(v)
                        length(v)
                        v$size
                        v$sum()
                        as.numeric(v + v)
                        as.numeric(v * 10)
                        as.numeric(-v)
                        v[2]
                        v[2] <- 20
                        as.numeric(v)
                        as.numeric(v(10))
                        as.numeric(demo_double(v))
                        list(a = v)
                        v$nope
                        """);
        assertEquals("""
                        <demo_vec of 3>
                        [1] "demo_vec" "R7"      \n\
                        [1] 3
                        [1] 3
                        [1] 6
                        [1] 2 4 6
                        [1] 10 20 30
                        [1] -1 -2 -3
                        [1] 2
                        [1]  1 20  3
                        [1]  10 200  30
                        [1]  2 40  6
                        $a
                        <demo_vec of 3>

                        Error in v$nope : no field 'nope' in a demo_vec
                        -- at ext.R:17
                        """, out);
    }

    @Test
    void rDefinedClassesAreCallableObjectsWithS3Methods() {
        String out = RTestSupport.run("module.R", """
                        library(demo)
                        m <- demo_module(3)
                        m(2)
                        m$w
                        m
                        require(demo)
                        """);
        assertEquals("""
                        [1] 6
                        [1] 3
                        A demo_module with w = 3\s
                        """, out);
    }
}
