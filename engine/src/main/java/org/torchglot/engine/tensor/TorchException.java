package org.torchglot.engine.tensor;

/**
 * An error a torch user can cause, carrying the exception class PyTorch raises for it so each
 * language binding can re-raise it in its own terms ({@code RuntimeError}, {@code IndexError}...).
 */
public final class TorchException extends RuntimeException {
    /** The Python exception class PyTorch uses for this error. */
    public enum Kind {
        RUNTIME_ERROR, INDEX_ERROR, TYPE_ERROR, VALUE_ERROR, NOT_IMPLEMENTED_ERROR, ASSERTION_ERROR, GRADCHECK_ERROR
    }

    private final Kind kind;

    public TorchException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The Python name of the exception class, e.g. {@code RuntimeError}. */
    public String pythonName() {
        return switch (kind) {
            case RUNTIME_ERROR -> "RuntimeError";
            case INDEX_ERROR -> "IndexError";
            case TYPE_ERROR -> "TypeError";
            case VALUE_ERROR -> "ValueError";
            case NOT_IMPLEMENTED_ERROR -> "NotImplementedError";
            case ASSERTION_ERROR -> "AssertionError";
            // NOTE: torch.autograd.gradcheck.GradcheckError, a RuntimeError.
            case GRADCHECK_ERROR -> "GradcheckError";
        };
    }

    public static TorchException runtime(String message) {
        return new TorchException(Kind.RUNTIME_ERROR, message);
    }

    public static TorchException index(String message) {
        return new TorchException(Kind.INDEX_ERROR, message);
    }

    public static TorchException type(String message) {
        return new TorchException(Kind.TYPE_ERROR, message);
    }

    public static TorchException value(String message) {
        return new TorchException(Kind.VALUE_ERROR, message);
    }
}
