package org.torchglot.engine.io;

/** Opens the engine's strict JSON reader to fixture tests of other packages. */
public final class FixtureJson {
    private FixtureJson() {
    }

    public static Object parse(String text) {
        try {
            return Json.parse(text);
        } catch (Json.SyntaxError e) {
            throw new IllegalStateException("bad fixture JSON: " + e.getMessage(), e);
        }
    }
}
