# Stands in for pyplot under Debian's PyTorch (see __init__.py). Drawing calls do nothing; show() prints
# what torchglot's pyplot prints without a screen, where it saves each open figure to figure_N.png.
_drawn = False
_saved = 0


def show(*args, **kwargs):
    global _drawn, _saved
    if _drawn:
        _saved += 1
        print(f"Saved figure to figure_{_saved}.png")
    _drawn = False


def __getattr__(name):
    def draw(*args, **kwargs):
        global _drawn
        _drawn = True
    return draw
