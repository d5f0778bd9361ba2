package org.torchglot.repl.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.torchglot.bindings.Language;

/**
 * One Python kernel in this JVM, driven over its sockets by a JeroMQ client: each request type, output on
 * iopub, errors, interrupts, input, inline figures, and the cell commands that switch language.
 */
@Timeout(300)
class JupyterKernelTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static KernelClient client;
    private static Thread kernelThread;
    private static final int[] exitStatus = {-1};

    @BeforeAll
    static void startKernel() {
        client = new KernelClient("a-secret-key");
        JupyterKernel kernel = new JupyterKernel(client.connection, Language.PYTHON, builder -> builder);
        kernelThread = Thread.ofPlatform().name("kernel-under-test").start(() -> exitStatus[0] = kernel.run());
        client.awaitIopub(WAIT);
    }

    @AfterAll
    static void shutDown() throws InterruptedException {
        client.requestOnControl("shutdown_request", Map.of("restart", false));
        Message reply = client.controlReply(WAIT);
        assertEquals("shutdown_reply", reply.type());
        kernelThread.join(WAIT.toMillis());
        assertFalse(kernelThread.isAlive(), "the kernel stops after shutdown_request");
        assertEquals(0, exitStatus[0]);
        client.close();
    }

    @Test
    void kernelInfoDescribesTheLanguageAndStatusSurroundsTheRequest() {
        Message request = client.request("kernel_info_request", Map.of());
        Message reply = client.shellReply(WAIT);
        assertEquals("kernel_info_reply", reply.type());
        assertEquals(request.header().get("msg_id"), reply.parentHeader().get("msg_id"));
        assertEquals("5.3", reply.content().get("protocol_version"));
        Map<?, ?> info = (Map<?, ?>) reply.content().get("language_info");
        assertEquals("python", info.get("name"));
        assertEquals(".py", info.get("file_extension"));
        assertTrue(((String) info.get("version")).startsWith("3."), info.toString());
        List<Message> output = client.outputOf(request, WAIT);
        assertEquals(List.of("busy", "idle"), output.stream().map(m -> m.content().get("execution_state")).toList());
        assertTrue(client.heartbeatEchoes(WAIT));
    }

    @Test
    void executeStreamsOutputAndSendsTheLastValueAsTheReplPrintsIt() {
        Message request = client.execute("import torch\nprint('hello')\ntorch.manual_seed(0)\ntorch.tensor([1.5, 2.0]) * 2");
        Message reply = client.shellReply(WAIT);
        assertEquals("ok", reply.content().get("status"), reply.content().toString());
        List<Message> output = client.outputOf(request, WAIT);
        assertEquals("hello\n", textOf(output, "stream"));
        Message result = only(output, "execute_result");
        assertEquals("tensor([3., 4.])", ((Map<?, ?>) result.content().get("data")).get("text/plain"));
        assertEquals(reply.content().get("execution_count"), result.content().get("execution_count"));
        assertTrue(KernelClient.types(output).contains("execute_input"));

        long count = (Long) reply.content().get("execution_count");
        Message silent = client.execute("41 + 1", Map.of("silent", true, "store_history", false));
        Message silentReply = client.shellReply(WAIT);
        assertEquals(count, silentReply.content().get("execution_count"), "a silent request keeps the count");
        assertEquals(List.of("status", "status"), KernelClient.types(client.outputOf(silent, WAIT)));
        client.execute("1");
        assertEquals(count + 1, client.shellReply(WAIT).content().get("execution_count"));
    }

    @Test
    void anErrorIsAnErrorReplyAndAnIopubErrorInPythonsTerms() {
        Message request = client.execute("def f(x):\n    return x / 0\n\nf(1)");
        Message reply = client.shellReply(WAIT);
        assertEquals("error", reply.content().get("status"));
        assertEquals("ZeroDivisionError", reply.content().get("ename"));
        assertEquals("division by zero", reply.content().get("evalue"));
        Message error = only(client.outputOf(request, WAIT), "error");
        String traceback = String.join("\n", strings(error.content().get("traceback")));
        assertTrue(traceback.startsWith("Traceback (most recent call last):"), traceback);
        assertTrue(traceback.contains("line 2, in f"), traceback);
        assertFalse(traceback.contains("org.graalvm"), traceback);
    }

    @Test
    void cellsSwitchLanguageAndShareTensors() {
        client.execute("import torch\nx = torch.ones(2)");
        assertEquals("ok", client.shellReply(WAIT).content().get("status"));
        Message r = client.execute(":share x\n:r\nprint(x$sum())");
        Message rReply = client.shellReply(WAIT);
        assertEquals("ok", rReply.content().get("status"), rReply.content().toString());
        assertTrue(textOf(client.outputOf(r, WAIT), "stream").contains("torch_tensor\n2"));

        Message js = client.execute(":js\n[1, 2].map(v => v * 2)");
        assertEquals("ok", client.shellReply(WAIT).content().get("status"));
        Message result = only(client.outputOf(js, WAIT), "execute_result");
        assertEquals("[ 2, 4 ]", ((Map<?, ?>) result.content().get("data")).get("text/plain"));

        Message back = client.execute("type(x).__name__");
        client.shellReply(WAIT);
        Message value = only(client.outputOf(back, WAIT), "execute_result");
        assertEquals("'Tensor'", ((Map<?, ?>) value.content().get("data")).get("text/plain"), "the next cell is Python again");

        client.execute(":share nothing_here");
        Message bad = client.shellReply(WAIT);
        assertEquals("UsageError", bad.content().get("ename"));
        assertTrue(((String) bad.content().get("evalue")).contains("nothing_here"));
    }

    @Test
    void completeInspectAndIsCompleteUseTheReplsRules() {
        client.execute("import torch");
        client.shellReply(WAIT);
        client.request("complete_request", Map.of("code", "y = torch.mat", "cursor_pos", 13L));
        Message completion = client.shellReply(WAIT);
        assertTrue(strings(completion.content().get("matches")).contains("torch.matmul"), completion.content().toString());
        assertEquals(4L, completion.content().get("cursor_start"));
        assertEquals(13L, completion.content().get("cursor_end"));

        client.request("inspect_request", Map.of("code", "torch.matmul(a, b)", "cursor_pos", 8L, "detail_level", 0L));
        Message inspect = client.shellReply(WAIT);
        assertEquals(true, inspect.content().get("found"));
        String help = (String) ((Map<?, ?>) inspect.content().get("data")).get("text/plain");
        assertTrue(help.startsWith("torch.matmul("), help);

        client.request("is_complete_request", Map.of("code", "for i in range(3):"));
        Message open = client.shellReply(WAIT);
        assertEquals("incomplete", open.content().get("status"));
        assertEquals("    ", open.content().get("indent"));
        client.request("is_complete_request", Map.of("code", "x = (1 +\n 2)"));
        assertEquals("complete", client.shellReply(WAIT).content().get("status"));
        client.request("is_complete_request", Map.of("code", ":r\nf <- function(x) {"));
        assertEquals("incomplete", client.shellReply(WAIT).content().get("status"), "the cell's language decides");

        client.request("complete_request", Map.of("code", "\nkep", "cursor_pos", 0L));
        Message atStart = client.shellReply(WAIT);
        assertEquals("ok", atStart.content().get("status"), "a cursor at the start of a cell: " + atStart.content());
        assertEquals(0L, atStart.content().get("cursor_start"));

        client.request("comm_info_request", Map.of());
        assertEquals(Map.of(), client.shellReply(WAIT).content().get("comms"));
    }

    @Test
    void anInterruptMessageStopsRunningCodeAndKeepsTheVariables() {
        client.execute("kept = 7");
        client.shellReply(WAIT);
        Message loop = client.execute("while True:\n    pass");
        awaitBusy(loop);
        client.requestOnControl("interrupt_request", Map.of());
        assertEquals("interrupt_reply", client.controlReply(WAIT).type());
        Message reply = client.shellReply(WAIT);
        assertEquals("error", reply.content().get("status"));
        assertEquals("KeyboardInterrupt", reply.content().get("ename"));
        client.outputOf(loop, WAIT);
        Message after = client.execute("kept * 6");
        client.shellReply(WAIT);
        Message value = only(client.outputOf(after, WAIT), "execute_result");
        assertEquals("42", ((Map<?, ?>) value.content().get("data")).get("text/plain"));
    }

    @Test
    void inputAsksTheFrontEndOnStdin() {
        Message request = client.execute("name = input('Name: ')\nprint('hi', name)", Map.of("allow_stdin", true));
        Message ask = client.stdinRequest(WAIT);
        assertEquals("input_request", ask.type());
        assertEquals("Name: ", ask.content().get("prompt"));
        client.answerInput(ask, "Ada");
        assertEquals("ok", client.shellReply(WAIT).content().get("status"));
        assertTrue(textOf(client.outputOf(request, WAIT), "stream").contains("hi Ada\n"));

        Message r = client.execute(":r\nwho <- readline('Who? ')\ncat('hello', who, '\\n')", Map.of("allow_stdin", true));
        Message askR = client.stdinRequest(WAIT);
        assertEquals("Who? ", askR.content().get("prompt"));
        client.answerInput(askR, "Bob");
        assertEquals("ok", client.shellReply(WAIT).content().get("status"));
        assertTrue(textOf(client.outputOf(r, WAIT), "stream").contains("hello Bob \n"));

        client.execute("input()", Map.of("allow_stdin", false));
        assertEquals("EOFError", client.shellReply(WAIT).content().get("ename"), "without stdin, input() meets the end of input");
    }

    @Test
    void pltShowSendsAnInlinePng() {
        Message request = client.execute("import matplotlib.pyplot as plt\nplt.plot([1, 2, 3], [1, 4, 9])\nplt.show()");
        Message reply = client.shellReply(WAIT);
        assertEquals("ok", reply.content().get("status"), reply.content().toString());
        Message display = only(client.outputOf(request, WAIT), "display_data");
        String png = (String) ((Map<?, ?>) display.content().get("data")).get("image/png");
        byte[] bytes = Base64.getDecoder().decode(png);
        assertEquals("\u0089PNG", new String(bytes, 0, 4, StandardCharsets.ISO_8859_1));
    }

    @Test
    void afterAFailedCellTheQueuedCellsAreAborted() {
        // NOTE: the failing cell sleeps so the next request is surely queued behind it.
        client.execute("import time\ntime.sleep(1)\nraise ValueError('stop here')");
        Message queued = client.execute("print('must not run')");
        Message failed = client.shellReply(WAIT);
        assertEquals("ValueError", failed.content().get("ename"));
        Message aborted = client.shellReply(WAIT);
        assertEquals(queued.header().get("msg_id"), aborted.parentHeader().get("msg_id"));
        assertEquals("aborted", aborted.content().get("status"));
        assertEquals("", textOf(client.outputOf(queued, WAIT), "stream"));
    }

    @Test
    void cellsRunInTheSandbox() {
        Message request = client.execute("open('/etc/passwd').read()");
        Message reply = client.shellReply(WAIT);
        assertEquals("error", reply.content().get("status"));
        String traceback = String.join("\n", strings(only(client.outputOf(request, WAIT), "error").content().get("traceback")));
        assertFalse(traceback.contains("root:"), traceback);
    }

    @Test
    void messagesWithABadSignatureAreDropped() {
        WireCodec wrongKey = new WireCodec(new MessageSigner("not-the-key"));
        client.sendRaw(wrongKey.encode(new Message(List.of(), Message.header("kernel_info_request", "x"), Map.of(), Map.of(),
                Map.of())));
        assertTrue(client.shellReplyWithin(Duration.ofSeconds(1)).isEmpty(), "no reply to a mis-signed request");
        client.request("kernel_info_request", Map.of());
        assertEquals("kernel_info_reply", client.shellReply(WAIT).type());
    }

    private static void awaitBusy(Message request) {
        // NOTE: the execute_input message comes once the kernel has taken the request.
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            if (client.sawInput(request)) {
                return;
            }
        }
        throw new AssertionError("the kernel did not start the request");
    }

    private static Message only(List<Message> messages, String type) {
        List<Message> matching = messages.stream().filter(m -> m.type().equals(type)).toList();
        assertEquals(1, matching.size(), "one " + type + " in " + KernelClient.types(messages));
        return matching.getFirst();
    }

    private static String textOf(List<Message> messages, String type) {
        StringBuilder text = new StringBuilder();
        messages.stream().filter(m -> m.type().equals(type)).forEach(m -> text.append(m.content().get("text")));
        return text.toString();
    }

    private static List<String> strings(Object list) {
        List<String> out = new ArrayList<>();
        ((List<?>) list).forEach(item -> out.add((String) item));
        return out;
    }
}
