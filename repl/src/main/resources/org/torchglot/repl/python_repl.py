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
            return any(message in str(error.msg) for message in _INCOMPLETE_MESSAGES)
        except (ValueError, OverflowError):
            return False
        if code is None:
            return True
        # NOTE: GraalPy ignores PyCF_DONT_IMPLY_DEDENT, so an indented block looks finished; like
        # CPython's console, a compound statement ends on a blank line.
        lines = source.split("\n")
        return lines[0].lstrip().startswith(_COMPOUND) and lines[-1].strip() != ""

    def run(self, source):
        """Runs the input in __main__; the value of a final expression goes to sys.displayhook."""
        tree = ast.parse(source, "<stdin>", "exec")
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
