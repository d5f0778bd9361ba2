package org.torchglot.repl.jupyter;

import java.util.Map;

/** Sends a message on iopub on behalf of the request being handled (its parent). */
@FunctionalInterface
interface Publisher {
    void publish(String type, Map<String, Object> content);
}
