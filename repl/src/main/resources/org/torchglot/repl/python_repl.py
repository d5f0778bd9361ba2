# The REPL's Python side: completeness, evaluation with sys.displayhook, names for completion and :vars.
# Evaluated as an internal source, so its frames stay out of tracebacks; its value is the helper object.
import __main__
import ast
import builtins
import codeop
import keyword
import sys
import types

# NOTE: GraalPy's compile_command reports these as errors where CPython answers "incomplete".
_INCOMPLETE_MESSAGES = ("was never closed", "unterminated triple-quoted", "unexpected EOF",
                        "expected an indented block")
_COMPOUND = ("def", "class", "if", "for", "while", "try", "with", "async", "@")
_CLOSERS = {"(": ")", "[": "]", "{": "}"}
_TRIPLE_QUOTES = ("'" * 3, '"' * 3)


def _open_brackets(source):
    """The brackets left open at the end of source, innermost last (strings and comments skipped)."""
    stack = []
    i = 0
    while i < len(source):
        c = source[i]
        if c == "#":
            end = source.find("\n", i)
            i = len(source) if end < 0 else end
        elif c in "'\"":
            quote = source[i:i + 3] if source[i:i + 3] in _TRIPLE_QUOTES else c
            i += len(quote)
            while i < len(source) and not source.startswith(quote, i):
                i += 2 if source[i] == "\\" else 1
            i += len(quote) - 1
        elif c in _CLOSERS:
            stack.append(c)
        elif stack and c == _CLOSERS[stack[-1]]:
            stack.pop()
        i += 1
    return stack


def _error_inside(source):
    """Whether closing the open brackets still leaves a syntax error within the typed text, as in `def f(:`."""
    closed = source + "".join(_CLOSERS[b] for b in reversed(_open_brackets(source)))
    try:
        compile(closed, "<stdin>", "exec", ast.PyCF_ONLY_AST)
    except SyntaxError as error:
        lines = source.split("\n")
        line = error.lineno or len(lines)
        return line < len(lines) or (line == len(lines) and (error.offset or 0) <= len(lines[-1]))
    return False


class _Helper:
    """help(obj): the op table's signature and summary under Python's name for obj, else its docstring."""

    def __init__(self, describe):
        self._describe = describe

    def __repr__(self):
        return "Type help(object) for help about object, e.g. help(torch.matmul); :help lists the REPL's commands."

    def __call__(self, *args):
        if not args:
            print(repr(self))
            return
        target = args[0]
        name = target if isinstance(target, str) else _torch_name(target)
        text = self._describe(name) if name else None
        doc = None if isinstance(target, (str, int, float, bool)) or target is None else getattr(target, "__doc__", None)
        if text:
            print(text)
        elif doc:
            print(_dedent(doc))
        else:
            print(f"No help for {target!r}: try help(torch.matmul) or help(torch.nn.Linear)")


_PUBLIC_MODULES = ("torch", "torch.nn", "torch.nn.functional", "torch.optim", "torch.nn.init")


def _torch_name(value):
    """Python's dotted name for a torch function, class, method or tensor: torch.matmul, torch.nn.Linear, torch.Tensor."""
    torch = sys.modules.get("torch")
    if torch is None:
        return None
    if isinstance(value, torch.Tensor):
        return "torch.Tensor"
    owner = getattr(value, "__self__", None)
    if isinstance(owner, torch.Tensor) or getattr(value, "__qualname__", "").startswith("Tensor."):
        return "torch.Tensor." + value.__name__
    if not (isinstance(value, type) or callable(value) and hasattr(value, "__name__")):
        value = type(value)
    for public in _PUBLIC_MODULES:
        module = sys.modules.get(public)
        if module is not None and getattr(module, value.__name__, None) is value:
            return public + "." + value.__name__
    return None


def _dedent(doc):
    lines = doc.strip("\n").split("\n")
    indents = [len(line) - len(line.lstrip()) for line in lines[1:] if line.strip()]
    cut = min(indents) if indents else 0
    return "\n".join([lines[0].strip()] + [line[cut:].rstrip() for line in lines[1:]])


def _display(value, show):
    """sys.displayhook's work, with the text handed to show: the REPL prints it, the Jupyter kernel sends it."""
    if value is None:
        return
    builtins._ = None
    text = repr(value)
    # NOTE: output the input printed before its value must come out first.
    sys.stdout.flush()
    show(text)
    builtins._ = value


class _TorchglotRepl:
    keywords = list(keyword.kwlist)

    def needs_more(self, source):
        """True while the input is an unfinished statement, as CPython's console decides."""
        if source.endswith("\\"):
            # NOTE: GraalPy rejects a line continuation at the very end; with its newline it is "unexpected EOF".
            source += "\n"
        try:
            code = codeop.compile_command(source, "<stdin>", "single")
        except SyntaxError as error:
            if "was never closed" in str(error.msg) and _error_inside(source):
                return False
            return any(message in str(error.msg) for message in _INCOMPLETE_MESSAGES)
        except (ValueError, OverflowError):
            return False
        if code is None:
            return True
        # NOTE: GraalPy ignores PyCF_DONT_IMPLY_DEDENT, so an indented block looks finished; like
        # CPython's console, a compound statement ends on a blank line.
        lines = source.split("\n")
        return lines[0].lstrip().startswith(_COMPOUND) and lines[-1].strip() != ""

    def install(self, describe):
        """Defines help in builtins; describe(name) gives the op table's text for a torch name."""
        builtins.help = _Helper(describe)

    def run(self, source, show):
        """Runs the input in __main__; a final expression's repr goes to show(text), as sys.displayhook would print it.

        Returns the exit status if the input raised SystemExit (sys.exit, exit(), quit()), else None."""
        hook = sys.displayhook
        sys.displayhook = lambda value: _display(value, show)
        try:
            self._run(source)
        except SystemExit as leaving:
            code = leaving.code
            if code is None or isinstance(code, int):
                return code or 0
            print(code, file=sys.stderr)
            return 1
        finally:
            sys.displayhook = hook
        return None

    def _run(self, source):
        # NOTE: compile() rather than ast.parse(), so a SyntaxError's traceback has no ast.py frame.
        tree = compile(source, "<stdin>", "exec", ast.PyCF_ONLY_AST)
        last = tree.body[-1] if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        if last is not None:
            tree.body.pop()
        if tree.body:
            exec(compile(tree, "<stdin>", "exec"), __main__.__dict__)
        if last is not None:
            exec(compile(ast.Interactive(body=[last]), "<stdin>", "single"), __main__.__dict__)

    def names(self):
        """Session globals and builtins, for completion."""
        return [n for n in __main__.__dict__ if not n.startswith("__")] + dir(builtins)

    def members(self, path):
        """dir() of the value a dotted name refers to, or [] when it names nothing."""
        value = self._resolve(path)
        return [] if value is None else [m for m in dir(value) if not m.startswith("__")]

    def doc(self, path):
        """The docstring of a dotted name, or None."""
        value = self._resolve(path)
        return None if value is None else getattr(value, "__doc__", None)

    def variables(self):
        """[name, type, detail] of each user variable: shape and dtype for tensors, len for containers."""
        rows = []
        for name, value in list(__main__.__dict__.items()):
            if name.startswith("_") or isinstance(value, types.ModuleType) or name == "In":
                continue
            rows.append([name, type(value).__name__, self._detail(value)])
        return rows

    def _detail(self, value):
        shape = getattr(value, "shape", None)
        if shape is not None and not callable(shape):
            dtype = getattr(value, "dtype", None)
            return f"{list(shape)} {dtype}" if dtype is not None else str(list(shape))
        if isinstance(value, (int, float, complex, bool, str)):
            text = repr(value)
            return text if len(text) <= 40 else text[:37] + "..."
        if isinstance(value, (list, tuple, dict, set)):
            return f"len {len(value)}"
        if hasattr(value, "parameters") and callable(value.parameters):
            try:
                return f"{sum(p.numel() for p in value.parameters())} parameters"
            except Exception:
                return ""
        return ""

    def _resolve(self, path):
        parts = path.split(".")
        scope = __main__.__dict__
        if parts[0] in scope:
            value = scope[parts[0]]
        elif hasattr(builtins, parts[0]):
            value = getattr(builtins, parts[0])
        elif parts[0] in sys.modules:
            value = sys.modules[parts[0]]
        else:
            return None
        for part in parts[1:]:
            try:
                value = getattr(value, part)
            except Exception:
                return None
        return value

    def warm(self):
        """Loads torch in the background so the user's first `import torch` is instant."""
        __import__("torch")


_TorchglotRepl()
