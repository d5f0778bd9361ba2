# torchglot's import hook for its own Python packages: their modules get the code objects the engine compiled
# once (org.torchglot.bindings.SharedPythonCode) instead of being compiled again in every context. Its value is
# the installer.
def _install_shared_code(shared_code, package_root):
    import sys
    from importlib.machinery import PathFinder, SourceFileLoader

    prefix = package_root.rstrip("/") + "/"
    packages = {"torch", "numpy", "matplotlib", "tqdm"}

    class SharedCodeLoader(SourceFileLoader):
        """SourceFileLoader, with the engine's shared code object for the module's file."""

        def get_code(self, fullname):
            code = shared_code(self.path)
            return super().get_code(fullname) if code is None else code

    class SharedCodeFinder:
        """Finds our packages' modules as PathFinder does and hands them to SharedCodeLoader."""

        @staticmethod
        def find_spec(fullname, path=None, target=None):
            if fullname.partition(".")[0] not in packages:
                return None
            spec = PathFinder.find_spec(fullname, path, target)
            if spec is not None and type(spec.loader) is SourceFileLoader and (spec.origin or "").startswith(prefix):
                spec.loader = SharedCodeLoader(fullname, spec.origin)
            return spec

        @staticmethod
        def invalidate_caches():
            pass

    position = sys.meta_path.index(PathFinder) if PathFinder in sys.meta_path else len(sys.meta_path)
    sys.meta_path.insert(position, SharedCodeFinder)


_install_shared_code
