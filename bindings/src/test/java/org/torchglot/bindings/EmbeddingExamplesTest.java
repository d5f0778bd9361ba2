package org.torchglot.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The examples of docs/embedding.md, compiled and run as a user would: the doc shows each file
 * of examples/embedding verbatim, and javac compiles them against the modules' class path.
 */
class EmbeddingExamplesTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Path SOURCES = REPOSITORY.resolve("examples/embedding/src/main/java/org/torchglot/examples");
    private static final List<String> EXAMPLES = List.of("EngineOnly", "Polyglot");

    @Test
    void theGuideShowsEachExampleVerbatim() throws IOException {
        String guide = Files.readString(REPOSITORY.resolve("docs/embedding.md"));
        for (String example : EXAMPLES) {
            String source = Files.readString(SOURCES.resolve(example + ".java"));
            assertTrue(guide.contains("```java\n" + source + "```"),
                    "docs/embedding.md must show examples/embedding/.../" + example + ".java verbatim in a ```java block");
        }
    }

    @Test
    void theEngineOnlyExampleTrainsSavesAndReloads() throws Exception {
        String output = run("EngineOnly");
        Matcher loss = Pattern.compile("loss (\\S+) -> (\\S+)\n").matcher(output);
        assertTrue(loss.find(), output);
        assertTrue(Double.parseDouble(loss.group(2)) < Double.parseDouble(loss.group(1)) / 100, output);
        assertTrue(output.endsWith("saved [0.weight, 0.bias, 2.weight, 2.bias], reloaded identical: true\n"), output);
    }

    @Test
    void thePolyglotExampleTrainsFromJavaAndJavaScriptAndStopsALoop() throws Exception {
        String[] lines = run("Polyglot").split("\n");
        assertEquals(4, lines.length, String.join("\n", lines));
        double afterJava = Double.parseDouble(lines[0].replace("after Java: loss ", ""));
        double afterJs = Double.parseDouble(lines[1].replace("after JavaScript: loss ", ""));
        assertTrue(afterJs < afterJava, afterJs + " < " + afterJava);
        assertTrue(lines[2].startsWith("weight seen by Python: tensor([["), lines[2]);
        assertEquals("refused: script exceeded the time limit of 2s", lines[3]);
    }

    /** Compiles the example against this module's class path and runs its main, returning what it printed. */
    private static String run(String example) throws Exception {
        Path classes = Files.createTempDirectory("torchglot-example");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", classes.toString(), "-cp", classPath,
                SOURCES.resolve(example + ".java").toString());
        assertEquals(0, status, "javac failed on " + example);
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                EmbeddingExamplesTest.class.getClassLoader())) {
            Method main = loader.loadClass("org.torchglot.examples." + example).getMethod("main", String[].class);
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
