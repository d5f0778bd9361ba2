package org.torchglot.lang.r;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every {@code golden/*.R} script and compares its output with the hand-written {@code *.R.out} beside it (R
 * 4.x's exact output; for {@code torch_*.R}, torch for R's; errors end with the runner's {@code -- at file:line} line).
 */
class RGoldenTest {

    @TestFactory
    Stream<DynamicTest> goldenScripts() throws IOException, URISyntaxException {
        Path dir = Path.of(RGoldenTest.class.getResource("/golden").toURI());
        List<Path> scripts;
        try (Stream<Path> files = Files.list(dir)) {
            scripts = files.filter(p -> p.toString().endsWith(".R")).sorted().toList();
        }
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.getFileName().toString(), () -> {
            String code = Files.readString(script, StandardCharsets.UTF_8);
            String expected = Files.readString(Path.of(script + ".out"), StandardCharsets.UTF_8);
            assertEquals(expected, RTestSupport.run(script.getFileName().toString(), code));
        }));
    }
}
