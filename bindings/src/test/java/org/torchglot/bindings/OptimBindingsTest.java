package org.torchglot.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.torchglot.bindings.PolyglotFixture.CONTEXT;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.torchglot.engine.api.OpTable;

/**
 * torch.optim and torch.optim.lr_scheduler in Python and JavaScript come from the engine's optimizer
 * table; guest callables (lr_lambda), metrics and closures reach the engine. Numbers from PyTorch 1.13.
 */
class OptimBindingsTest {

    private static String python(String code) {
        PolyglotFixture.takeOutput();
        CONTEXT.eval(Language.PYTHON, "import torch\nfrom torch import nn, optim\nfrom torch.optim import lr_scheduler\n"
                + code);
        return PolyglotFixture.takeOutput();
    }

    private static String js(String code) {
        PolyglotFixture.takeOutput();
        CONTEXT.eval(Language.JS, "(() => { const torch = require('torch'); const { nn, optim } = torch;\n" + code
                + "\n})();");
        return PolyglotFixture.takeOutput();
    }

    /** The table's names by return type: what each language must offer. */
    private static String tableNames(String returns) {
        List<String> names = new ArrayList<>();
        for (String name : OpTable.optimizers().names()) {
            if (OpTable.optimizers().op(name).signature().returns().equals(returns)) {
                names.add(name);
            }
        }
        return String.join(" ", names.stream().sorted().toList()) + "\n";
    }

    @Test
    void everyOptimizerAndSchedulerOfTheTableIsAClassInBothLanguages() {
        assertEquals(tableNames("Optimizer"), python("""
                print(" ".join(sorted(n for n in dir(optim) if isinstance(getattr(optim, n), type)
                                      and issubclass(getattr(optim, n), optim.Optimizer) and n != "Optimizer")))
                """));
        assertEquals(tableNames("Scheduler"), python("""
                print(" ".join(sorted(n for n in dir(lr_scheduler) if isinstance(getattr(lr_scheduler, n), type)
                                      and n not in ("LRScheduler", "_LRScheduler"))))
                """));
        assertEquals(tableNames("Optimizer"), js("""
                console.log(Object.keys(optim).filter((n) => n !== 'Optimizer' && typeof optim[n] === 'function')
                  .sort().join(' '));"""));
        assertEquals(tableNames("Scheduler"), js("""
                console.log(Object.keys(optim.lr_scheduler).filter((n) => n !== 'LRScheduler').sort().join(' '));"""));
    }

    @Test
    void lambdaSchedulersCallGuestFunctionsAsPyTorchDoes() {
        assertEquals("[0.0125] 3\n", python("""
                opt = optim.SGD(nn.Linear(2, 1).parameters(), lr=0.1)
                s = lr_scheduler.LambdaLR(opt, lr_lambda=lambda epoch: 0.5 ** epoch)
                for _ in range(3):
                    opt.step()
                    s.step()
                print(s.get_last_lr(), s.last_epoch)
                """));
        assertEquals("0.0125 3\n", js("""
                const opt = new optim.SGD(new nn.Linear(2, 1).parameters(), { lr: 0.1 });
                const s = new optim.lr_scheduler.LambdaLR(opt, { lr_lambda: (epoch) => 0.5 ** epoch });
                for (let i = 0; i < 3; i++) { opt.step(); s.step(); }
                console.log(s.get_last_lr()[0], s.last_epoch);"""));
    }

    @Test
    void plateauTakesATensorMetricAndChainedSchedulersKeepTheirOptimizer() {
        assertEquals("0.010000000000000002 True ['_last_lr', '_schedulers']\n", python("""
                opt = optim.SGD(nn.Linear(2, 1).parameters(), lr=0.1)
                plateau = lr_scheduler.ReduceLROnPlateau(opt, patience=0)
                plateau.step(torch.tensor(1.0))
                plateau.step(torch.tensor(2.0))
                chained = lr_scheduler.ChainedScheduler([lr_scheduler.ExponentialLR(opt, gamma=0.9)])
                print(opt.param_groups[0]["lr"], chained.optimizer is opt, sorted(chained.state_dict()))
                """));
    }

    @Test
    void lbfgsReturnsTheFirstLossOfItsClosureAndNeedsOne() {
        assertEquals("tensor(1.2095, grad_fn=<MseLossBackward0>) LBFGS.step() missing 1 required positional argument: "
                + "'closure'\n", python("""
                torch.manual_seed(0)
                m = nn.Linear(3, 1)
                x, y = torch.randn(8, 3), torch.randn(8, 1)
                opt = optim.LBFGS(m.parameters(), lr=0.5)
                def closure():
                    opt.zero_grad()
                    loss = nn.functional.mse_loss(m(x), y)
                    loss.backward()
                    return loss
                first = opt.step(closure)
                try:
                    opt.step()
                except TypeError as e:
                    print(first, e)
                """));
    }

    @Test
    void aSchedulerStateDictRoundTripsThroughPython() {
        assertEquals("4 0.05\n", python("""
                opt = optim.SGD(nn.Linear(2, 1).parameters(), lr=0.1)
                s = lr_scheduler.StepLR(opt, step_size=2, gamma=0.5)
                for _ in range(4):
                    s.step()
                again = lr_scheduler.StepLR(optim.SGD(nn.Linear(2, 1).parameters(), lr=0.1), step_size=2, gamma=0.5)
                again.load_state_dict(s.state_dict())
                print(again.last_epoch, again.get_last_lr()[0] * 2)
                """));
    }
}
