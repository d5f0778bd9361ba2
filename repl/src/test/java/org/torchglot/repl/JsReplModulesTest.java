package org.torchglot.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.torchglot.bindings.Language;

/** The JavaScript prompt takes ES module imports and top-level await, and echoes values as Node's util.inspect. */
class JsReplModulesTest {

    @TempDir
    Path history;

    @Test
    void importsAwaitAndNodeStyleEcho() throws IOException {
        String screen;
        try (ReplDriver repl = new ReplDriver(Language.JS, history)) {
            repl.type("""
                    import torch, { nn as n } from 'torch'
                    import { optim } from "torch";
                    typeof n.Linear + ' ' + typeof optim.SGD + ' ' + typeof torch.ones
                    await Promise.resolve(40 + 2)
                    const t = await Promise.resolve(torch.ones(2))
                    t.add(1)
                    await Promise.reject(new RangeError('refused'))
                    Promise.reject(new Error('nobody handles this'))
                    'after'
                    [1, 'two', { three: [3, new Map([[4, 'four']])] }]
                    Array.from({ length: 10 }, (_, i) => i * 11)
                    """);
            assertEquals(0, repl.finish());
            screen = repl.screen();
        }
        assertFalse(screen.contains("internal error"), screen);
        assertTrue(screen.contains("'function function function'\n"), screen);
        assertTrue(screen.contains("js> await Promise.resolve(40 + 2)\n42\n"), screen);
        assertTrue(screen.contains("js> t.add(1)\ntensor([2., 2.])\n"), screen);
        assertTrue(screen.contains("RangeError: refused"), screen);
        assertTrue(screen.contains("Error: nobody handles this"), screen);
        assertTrue(screen.contains("js> 'after'\n'after'\n"), "the session survives a rejected await:\n" + screen);
        assertTrue(screen.contains("[ 1, 'two', { three: [ 3, [Map] ] } ]\n"), screen);
        assertTrue(screen.contains("[\n   0, 11, 22, 33, 44,\n  55, 66, 77, 88, 99\n]\n"), screen);
    }
}
