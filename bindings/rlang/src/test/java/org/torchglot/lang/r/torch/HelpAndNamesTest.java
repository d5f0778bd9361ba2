package org.torchglot.lang.r.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.torchglot.engine.api.RNames;

/** The R package defines a function for every R name of the op tables, and R's help shows them. */
class HelpAndNamesTest {

    @Test
    void everyRNameIsAFunctionOfThePackage() {
        String names = RNames.all().stream().map(entry -> "\"" + entry.name() + "\"").collect(Collectors.joining(", "));
        assertEquals("[1] TRUE\ncharacter(0)\n", TorchR.run("names <- c(" + names + ")\n"
                + "missing <- names[!sapply(names, function(n) exists(n) && is.function(get(n)))]\nprint(length(missing) == 0)\nprint(missing)\n"));
    }

    @Test
    void questionMarkAndHelpPrintTheRForm() {
        String expected = RNames.help("nn_linear").orElseThrow();
        assertEquals(expected.repeat(3), TorchR.run("?nn_linear\nhelp(\"nn_linear\")\nhelp(nn_linear)\n"));
        assertEquals("No documentation for 'nn_nothing': help covers torch's functions (nn_linear, torch_matmul, "
                + "optim_sgd, ...)\n", TorchR.run("?nn_nothing"));
    }
}
