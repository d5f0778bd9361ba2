package org.torchglot.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.torchglot.bindings.Language;

/**
 * A saved model's files under a directory of any Hadoop file system (local, HDFS, S3...):
 * {@code model/state_dict.pt}, which PyTorch and torchglot's {@code torch.load} read, and {@code
 * model/module.properties}, the module's factory class or its script's language, file name and
 * variable, with the script itself beside it.
 */
final class ModelFiles {
    private static final String STATE_DICT = "state_dict.pt";
    private static final String MODULE = "module.properties";

    private ModelFiles() {
    }

    static void write(TorchModel model, String directory, Configuration hadoop) throws IOException {
        Path dir = new Path(directory, "model");
        FileSystem fs = dir.getFileSystem(hadoop);
        Properties module = new Properties();
        switch (model.module()) {
            case JavaModuleSpec java -> {
                module.setProperty("kind", "java");
                module.setProperty("factory", java.savableClassName());
            }
            case ScriptModuleSpec script -> {
                module.setProperty("kind", "script");
                module.setProperty("language", script.language().id());
                module.setProperty("script", script.name());
                module.setProperty("variable", script.variable());
                writeBytes(fs, new Path(dir, "script-" + script.name()), script.code().getBytes(StandardCharsets.UTF_8));
            }
        }
        StringWriter text = new StringWriter();
        module.store(text, "torchglot module of this model");
        writeBytes(fs, new Path(dir, MODULE), text.toString().getBytes(StandardCharsets.UTF_8));
        writeBytes(fs, new Path(dir, STATE_DICT), model.stateDictBytes());
    }

    static TorchModel read(String directory, Configuration hadoop) throws IOException {
        Path dir = new Path(directory, "model");
        FileSystem fs = dir.getFileSystem(hadoop);
        Properties module = new Properties();
        module.load(new StringReader(new String(readBytes(fs, new Path(dir, MODULE)), StandardCharsets.UTF_8)));
        ModuleSpec spec = switch (module.getProperty("kind", "")) {
            case "java" -> JavaModuleSpec.fromClassName(module.getProperty("factory"));
            case "script" -> {
                String name = module.getProperty("script");
                Language language = Language.forName(module.getProperty("language"))
                        .orElseThrow(() -> new IOException("unknown script language in " + new Path(dir, MODULE)));
                String code = new String(readBytes(fs, new Path(dir, "script-" + name)), StandardCharsets.UTF_8);
                yield new ScriptModuleSpec(language, name, code, module.getProperty("variable"));
            }
            default -> throw new IOException(new Path(dir, MODULE) + " names no module kind (java or script)");
        };
        return TorchModel.fromBytes(spec, readBytes(fs, new Path(dir, STATE_DICT)));
    }

    private static void writeBytes(FileSystem fs, Path file, byte[] bytes) throws IOException {
        try (OutputStream out = fs.create(file, true)) {
            out.write(bytes);
        }
    }

    private static byte[] readBytes(FileSystem fs, Path file) throws IOException {
        try (InputStream in = fs.open(file)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
