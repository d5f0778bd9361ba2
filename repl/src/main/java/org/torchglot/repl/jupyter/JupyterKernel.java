package org.torchglot.repl.jupyter;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.torchglot.bindings.Language;
import org.torchglot.bindings.ProgressDisplay;
import org.torchglot.bindings.TorchglotContext;
import org.torchglot.bindings.TorchglotVersion;
import org.torchglot.bindings.plot.FigureDisplay;
import org.torchglot.repl.CellSession;

/**
 * A Jupyter kernel (messaging protocol 5.3) over the REPL's session: cells run as REPL input does, with the
 * same printing, completion, help, multi-line rules, interrupts and language commands. Requests on the shell
 * channel run one at a time on the calling thread; the control channel has a thread of its own, so an
 * interrupt or shutdown arrives while a cell runs.
 *
 * <pre>{@code
 * int status = new JupyterKernel(ConnectionInfo.read(file), Language.PYTHON, builder -> builder).run();
 * }</pre>
 */
public final class JupyterKernel {

    private static final int POLL_MILLIS = 100;

    private final KernelSockets sockets;
    private final Language language;
    private final String kernelSession = UUID.randomUUID().toString();
    private final StreamOutput stdout;
    private final StreamOutput stderr;
    private final StdinInput stdin;
    private final CellSession session;
    private volatile Message parent;
    private volatile boolean running = true;
    private int executionCount;

    /**
     * Binds the sockets and makes the session; nothing is served until {@link #run()}.
     *
     * @param sandbox applies the command line's sandbox and permission flags to the session's context
     */
    public JupyterKernel(ConnectionInfo connection, Language language, Function<TorchglotContext.Builder,
            TorchglotContext.Builder> sandbox) {
        this.language = language;
        sockets = new KernelSockets(connection);
        stdout = new StreamOutput("stdout", this::publish);
        stderr = new StreamOutput("stderr", this::publish);
        stdin = new StdinInput(sockets.stdin(), kernelSession, stdout);
        PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
        session = new CellSession(() -> sandbox.apply(TorchglotContext.builder()
                .out(stdout).err(stderr).in(stdin).arguments("")).build(), language, out);
    }

    /**
     * Runs a kernel on a connection file until it is shut down: what {@code torchglot --lang python --kernel FILE}
     * does. A bad connection file gets a message on {@code err} and status 2.
     */
    public static int start(Path connectionFile, Language language,
                            Function<TorchglotContext.Builder, TorchglotContext.Builder> sandbox, PrintStream err) {
        ConnectionInfo connection;
        try {
            connection = ConnectionInfo.read(connectionFile);
        } catch (IllegalArgumentException e) {
            err.println("torchglot: " + e.getMessage());
            return 2;
        }
        return new JupyterKernel(connection, language, sandbox).run();
    }

    /** Serves requests until a {@code shutdown_request}; returns the exit status (0). */
    public int run() {
        FigureDisplay.install(this::displayPng);
        ProgressDisplay.install(new NotebookProgress());
        Thread control = Thread.ofPlatform().name("jupyter-control").start(() -> serve(sockets.control()));
        publishStatus(null, "starting");
        try {
            serveShell();
            control.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            FigureDisplay.install(null);
            ProgressDisplay.install(null);
            session.close();
            sockets.close();
        }
        return 0;
    }

    /** Serves the shell channel; the first time it is idle, loads the language so the first cell starts quickly. */
    private void serveShell() {
        boolean warm = false;
        while (running) {
            Optional<Message> request = sockets.shell().receive(POLL_MILLIS);
            if (request.isPresent()) {
                handle(sockets.shell(), request.get());
            } else if (!warm) {
                session.warmUp();
                warm = true;
            }
        }
    }

    private void serve(Channel channel) {
        while (running) {
            channel.receive(POLL_MILLIS).ifPresent(request -> handle(channel, request));
        }
    }

    private void handle(Channel channel, Message request) {
        publishStatus(request, "busy");
        try {
            dispatch(channel, request);
        } catch (RuntimeException e) {
            // NOTE: the kernel outlives a bug of ours; the client gets an error reply instead of waiting for ever.
            Map<String, Object> content = new LinkedHashMap<>(new ErrorReport("InternalError", e.toString(),
                    List.of("torchglot: internal error: " + e)).content());
            content.put("status", "error");
            reply(channel, request, content);
        } finally {
            publishStatus(request, "idle");
        }
    }

    private void dispatch(Channel channel, Message request) {
        switch (request.type()) {
            case "kernel_info_request" -> reply(channel, request, kernelInfo());
            case "execute_request" -> execute(channel, request);
            case "complete_request" -> reply(channel, request, complete(request));
            case "inspect_request" -> reply(channel, request, inspect(request));
            case "is_complete_request" -> reply(channel, request, isComplete(request));
            case "comm_info_request" -> reply(channel, request, ok(Map.of("comms", Map.of())));
            case "history_request" -> reply(channel, request, ok(Map.of("history", List.of())));
            case "interrupt_request" -> {
                stdin.cancel();
                session.interrupt();
                reply(channel, request, ok(Map.of()));
            }
            case "shutdown_request" -> {
                // NOTE: as ipykernel, a restart is the client starting a new kernel process after this one exits.
                reply(channel, request, ok(Map.of("restart", request.flag("restart", false))));
                running = false;
                stdin.cancel();
                session.interrupt();
            }
            default -> {
                // NOTE: the protocol lets a kernel ignore requests it does not know (comm messages, for one).
            }
        }
    }

    private void execute(Channel channel, Message request) {
        String code = request.text("code", "");
        boolean silent = request.flag("silent", false);
        boolean storeHistory = request.flag("store_history", !silent);
        if (storeHistory && !silent) {
            executionCount++;
        }
        int count = executionCount;
        parent = request;
        stdin.serve(request);
        if (!silent) {
            publish("execute_input", Map.of("code", code, "execution_count", (long) count));
        }
        ByteArrayOutputStream results = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        CellSession.Outcome outcome;
        try (PrintStream resultStream = new PrintStream(results, true, StandardCharsets.UTF_8);
             PrintStream errorStream = new PrintStream(errors, true, StandardCharsets.UTF_8)) {
            outcome = session.execute(code, resultStream, errorStream);
        } finally {
            stdout.drain();
            stderr.drain();
            stdin.serve(null);
        }
        String result = results.toString(StandardCharsets.UTF_8).stripTrailing();
        if (outcome == CellSession.Outcome.EXIT) {
            errors.writeBytes(("SystemExit: " + session.exitStatus()).getBytes(StandardCharsets.UTF_8));
        }
        if (outcome == CellSession.Outcome.DONE) {
            if (!silent && !result.isEmpty()) {
                Map<String, Object> content = new LinkedHashMap<>();
                content.put("execution_count", (long) count);
                content.put("data", Map.of("text/plain", result));
                content.put("metadata", Map.of());
                publish("execute_result", content);
            }
            Map<String, Object> reply = ok(Map.of("execution_count", (long) count, "user_expressions", Map.of(),
                    "payload", List.of()));
            reply(channel, request, reply);
            return;
        }
        ErrorReport error = ErrorReport.of(outcome, errors.toString(StandardCharsets.UTF_8));
        if (!silent) {
            publish("error", error.content());
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("status", "error");
        reply.put("execution_count", (long) count);
        reply.putAll(error.content());
        reply(channel, request, reply);
        if (request.flag("stop_on_error", true)) {
            abortQueued(channel);
        }
    }

    /** After a failed cell, answers the execute requests already queued with {@code aborted}, as ipykernel does. */
    private void abortQueued(Channel channel) {
        Optional<Message> next;
        while ((next = channel.receive(0)).isPresent()) {
            Message queued = next.get();
            if (queued.type().equals("execute_request")) {
                publishStatus(queued, "busy");
                reply(channel, queued, Map.of("status", "aborted", "execution_count", (long) executionCount));
                publishStatus(queued, "idle");
            } else {
                handle(channel, queued);
            }
        }
    }

    private Map<String, Object> kernelInfo() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("status", "ok");
        info.put("protocol_version", Message.PROTOCOL_VERSION);
        info.put("implementation", "torchglot");
        info.put("implementation_version", TorchglotVersion.VERSION);
        info.put("language_info", LanguageInfo.of(language, session.version(language)));
        info.put("banner", "torchglot " + TorchglotVersion.VERSION + " (" + LanguageInfo.name(language)
                + "): :py :r :js run a cell in another language, :share NAME gives the others a variable");
        info.put("help_links", List.of());
        return info;
    }

    private Map<String, Object> complete(Message request) {
        String code = request.text("code", "");
        int cursor = cursor(request, code);
        CellSession.Completion completion = session.complete(code, cursor);
        return ok(Map.of("matches", completion.matches(), "cursor_start", (long) completion.start(),
                "cursor_end", (long) completion.end(), "metadata", Map.of()));
    }

    private Map<String, Object> inspect(Message request) {
        String code = request.text("code", "");
        Optional<String> help = session.inspect(code, cursor(request, code));
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("status", "ok");
        content.put("found", help.isPresent());
        content.put("data", help.map(text -> Map.<String, Object>of("text/plain", text)).orElse(Map.of()));
        content.put("metadata", Map.of());
        return content;
    }

    private Map<String, Object> isComplete(Message request) {
        String code = request.text("code", "");
        if (!session.needsMore(code)) {
            return Map.of("status", "complete");
        }
        String lastLine = code.substring(code.lastIndexOf('\n') + 1);
        String indent = lastLine.substring(0, lastLine.length() - lastLine.stripLeading().length());
        boolean opensBlock = language == Language.PYTHON && lastLine.strip().endsWith(":");
        return Map.of("status", "incomplete", "indent", opensBlock ? indent + "    " : indent);
    }

    /** The request's cursor, a count of Unicode code points (protocol 5.2 on), as an index into the Java string. */
    private static int cursor(Message request, String code) {
        int points = Math.max(0, Math.min(request.number("cursor_pos", code.length()), code.codePointCount(0, code.length())));
        return code.offsetByCodePoints(0, points);
    }

    private static Map<String, Object> ok(Map<String, Object> fields) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("status", "ok");
        content.putAll(fields);
        return content;
    }

    private void reply(Channel channel, Message request, Map<String, Object> content) {
        String type = request.type().replaceFirst("_request$", "_reply");
        channel.send(request.child(type, kernelSession, content));
    }

    private void publish(String type, Map<String, Object> content) {
        Message cause = parent;
        Map<String, Object> header = Message.header(type, kernelSession);
        sockets.iopub().send(new Message(List.of(topic(type)), header, cause == null ? Map.of() : cause.header(),
                new LinkedHashMap<>(), content));
    }

    private void publishStatus(Message request, String state) {
        Map<String, Object> header = Message.header("status", kernelSession);
        sockets.iopub().send(new Message(List.of(topic("status")), header, request == null ? Map.of() : request.header(),
                new LinkedHashMap<>(), Map.of("execution_state", state)));
    }

    private static byte[] topic(String type) {
        return ("kernel." + type).getBytes(StandardCharsets.UTF_8);
    }

    private void displayPng(String base64) {
        stdout.drain();
        publish("display_data", Map.of("data", Map.of("image/png", base64, "text/plain", "<Figure>"), "metadata", Map.of()));
    }

    /** tqdm bars in a notebook: each redraw starts with a carriage return, which Jupyter renders in place. */
    private final class NotebookProgress implements ProgressDisplay.Sink {
        @Override
        public void show(String text) {
            stderr.drain();
            publish("stream", Map.of("name", "stderr", "text", "\r" + text));
        }

        @Override
        public void finish(String text) {
            stderr.drain();
            publish("stream", Map.of("name", "stderr", "text", "\r" + text + "\n"));
        }

        @Override
        public int width() {
            return 100;
        }
    }
}
