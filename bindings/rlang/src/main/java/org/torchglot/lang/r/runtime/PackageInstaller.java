package org.torchglot.lang.r.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.torchglot.lang.r.RBuiltinBody;
import org.torchglot.lang.r.RClassHandler;
import org.torchglot.lang.r.RLanguage;
import org.torchglot.lang.r.RPackageBuilder;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.source.Source;

/** Installs an {@link org.torchglot.lang.r.RPackage} into its package environment. */
final class PackageInstaller implements RPackageBuilder {
    private final RContext ctx;
    private final REnvironment penv;
    private final List<Source> sources = new ArrayList<>();

    PackageInstaller(RContext ctx, REnvironment penv) {
        this.ctx = ctx;
        this.penv = penv;
    }

    @Override
    public RPackageBuilder builtin(String name, String formals, RBuiltinBody body) {
        penv.put(name, new RBuiltin(name, parseFormals(formals), false, body));
        return this;
    }

    @Override
    public RPackageBuilder lazyBuiltin(String name, String formals, RBuiltinBody body) {
        penv.put(name, new RBuiltin(name, parseFormals(formals), true, body));
        return this;
    }

    @Override
    public RPackageBuilder source(String fileName, String code) {
        // NOTE: internal, so stack traces and error locations show the user's code, not the package's.
        sources.add(Source.newBuilder(RLanguage.ID, code, fileName).internal(true).build());
        return this;
    }

    @Override
    public RPackageBuilder sourceResource(Class<?> anchor, String resourcePath) {
        try (InputStream in = anchor.getResourceAsStream(resourcePath)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resourcePath);
            }
            String name = resourcePath.substring(resourcePath.lastIndexOf('/') + 1);
            return source(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resourcePath, e);
        }
    }

    @Override
    public RPackageBuilder classHandler(String className, RClassHandler handler) {
        ctx.registerClassHandler(className, handler);
        return this;
    }

    void evaluateSources() {
        for (Source s : sources) {
            CallTarget ct = ctx.env().parsePublic(s);
            ct.call(penv);
        }
    }

    /** {@code "x, dim = NULL, ..."} to {@code [x, dim, ...]}. */
    static String[] parseFormals(String formals) {
        if (formals == null || formals.isBlank()) {
            return new String[0];
        }
        String[] parts = formals.split(",");
        String[] r = new String[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            int eq = p.indexOf('=');
            r[i] = (eq >= 0 ? p.substring(0, eq) : p).trim();
        }
        return r;
    }
}
