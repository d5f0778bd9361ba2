package org.torchglot.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.Test;

/**
 * Contexts of the shared engine run our Python packages' code from one compilation: the call targets of
 * {@code torch} that a first context compiled are the ones a later context runs, however long after.
 */
class SharedPythonCodeTest {

    @Test
    void aLaterContextRunsTheCallTargetsTheFirstOneCompiled() {
        Source first;
        try (TorchglotContext context = pythonContext(new ByteArrayOutputStream())) {
            first = zeroGradSource(context);
        }
        // NOTE: the source cache that GraalPy's compile() goes through holds its entries weakly, so without the
        // shared code cache a collection between two scripts (as in the warm server) loses them.
        System.gc();
        try (TorchglotContext context = pythonContext(new ByteArrayOutputStream())) {
            // A call target's root node holds the Source it was parsed from: another parse, another Source.
            assertSame(first, zeroGradSource(context), "torch.optim was compiled again for the second context");
        }
    }

    @Test
    void sharedModulesKeepTheirFilesTracebacksAndPickling() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TorchglotContext context = pythonContext(out)) {
            context.eval(Language.PYTHON, """
                    import copy, inspect, pickle, traceback, torch, torch.nn as nn
                    print(torch.optim.__file__.endswith('/torch/optim/__init__.py'), type(torch.__spec__.loader).__name__)
                    print(inspect.getsource(torch.optim.Optimizer.zero_grad).lstrip().startswith('def zero_grad'))
                    print(type(pickle.loads(pickle.dumps(torch.Size([2, 3])))).__name__, type(copy.deepcopy(nn.Linear(2, 3))).__name__)
                    try:
                        nn.Module().forward()
                    except NotImplementedError as error:
                        frame = traceback.extract_tb(error.__traceback__)[-1]
                        with open(frame.filename) as source:
                            print(frame.filename.endswith('/torch/nn/modules.py'), frame.line.startswith('raise NotImplementedError'),
                                  frame.line == source.read().splitlines()[frame.lineno - 1].strip())
                    """);
            assertEquals("True SharedCodeLoader\nTrue\nSize Linear\nTrue True True\n", out.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void theHostAnswersOnlyForOurPackagesFiles() {
        try (TorchglotContext context = pythonContext(new ByteArrayOutputStream())) {
            String answers = context.eval(Language.PYTHON, """
                    import torch
                    get_code = type(torch.__spec__.loader).get_code
                    shared_code = get_code.__closure__[get_code.__code__.co_freevars.index('shared_code')].cell_contents
                    str([shared_code('/etc/passwd'), shared_code(torch.__file__ + '/../../../../x.py'), shared_code(42),
                         type(shared_code(torch.__file__)).__name__])
                    """).asString();
            assertEquals("[None, None, None, 'code']", answers);
        }
    }

    private static Source zeroGradSource(TorchglotContext context) {
        return context.eval(Language.PYTHON, "import torch.optim\ntorch.optim.Optimizer.zero_grad").getSourceLocation().getSource();
    }

    private static TorchglotContext pythonContext(ByteArrayOutputStream out) {
        return TorchglotContext.builder().languages(Language.PYTHON).out(out).err(out).build();
    }
}
