"""The kit's fast PNG renderer for figures redrawn on every widget change.

Why the kit renders PNGs itself (on matplotlib's Agg) rather than with ipympl or bqplot:

* **Speed on the measured path.** A slider that redraws a seaborn figure into an ``Output``
  widget took 209 ms median and 331 ms p95 per round trip in Voila on this 2-core machine
  (156 ms of it the kernel redraw). Updating one matplotlib figure in place and encoding it
  here takes 29-36 ms (lines) and 36-42 ms (bars) kernel side, was 40-47 / 53-60 ms with
  ``savefig`` (figures in :mod:`helpers.widgets`' docstring; ``make bench`` prints the round
  trips in Chromium beside a one-slider seaborn toy). The two costs removed are re-shaping
  every string with FreeType on each draw (:class:`_LayoutCachingRenderer`) and ``savefig``'s
  per-call set-up (:func:`canvas_png`).
* **One figure everywhere.** A PNG ``<img>`` with alt text is the same object in JupyterLab,
  Voila, an nbconvert/papermill HTML report and a static site: it needs no front-end
  extension whose version must match the server's (ipympl's and bqplot's must), no live
  kernel to show the last state, and no JavaScript to load from a CDN. Screen readers get the
  alt text; the kit's fonts, palette and source notes are the static figures' own.
* **What it costs.** No zoom or hover: the explorers answer with controls and a data table
  instead. Were those wanted, ipympl is the candidate (matplotlib's own), at the price of its
  extension in every environment and a kernel behind every view.
"""

from __future__ import annotations

import base64
import html
import io

import matplotlib as mpl
import matplotlib.font_manager as fm
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg, get_hinting_flag
from matplotlib.figure import Figure

__all__ = ["FastCanvas", "canvas_png", "figure_png", "img_html"]


def figure_png(fig: Figure, dpi: float | None = None, tight: bool = False,
               compress_level: int = 6) -> bytes:
    """Render ``fig`` to PNG bytes with the Agg canvas.

    ``compress_level`` (0-9, zlib) trades size for speed: 1 is ~3x faster to encode than 6
    for ~10% larger files, which is what an interactive figure wants.
    """
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi or fig.dpi, bbox_inches="tight" if tight else None,
                pil_kwargs={"compress_level": compress_level})
    return buf.getvalue()


class _LayoutCachingRenderer(RendererAgg):
    """Agg renderer that lays out each distinct string once instead of on every draw.

    Matplotlib 3.11 shapes every string with FreeType/raqm on each draw (about 0.5 ms per
    string, the largest single cost of redrawing a 30-bar chart: ~40 tick labels and titles).
    The glyph layout depends only on the string, the font files, size, dpi and hinting - not
    on where the string is drawn - so it is cached (bounded). Glyphs are still rasterised at
    their exact positions by matplotlib's own code, so the image is pixel-identical to the
    plain renderer's (tests/test_plots.py checks this). Anything unusual (mathtext, font
    features, a language tag, a matplotlib without these internals) takes the plain path.
    """

    MAX_LAYOUTS = 4096

    def __init__(self, width: float, height: float, dpi: float) -> None:
        super().__init__(width, height, dpi)
        self._layouts: dict[tuple, list[tuple]] = {}

    def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):  # noqa: D102
        plain = (ismath or not hasattr(self, "_draw_text_glyphs_and_boxes")
                 or (mtext is not None and (mtext.get_fontfeatures() is not None
                                            or mtext.get_language() is not None)))
        if plain:
            return super().draw_text(gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)
        size = prop.get_size_in_points()
        flags = get_hinting_flag()
        key = (tuple(fm.fontManager._find_fonts_by_props(prop)), s, size, self.dpi, flags)
        items = self._layouts.get(key)
        if items is None:
            if len(self._layouts) >= self.MAX_LAYOUTS:
                self._layouts.clear()
            font = self._prepare_font(prop)
            items = [(it.ft_object, it.glyph_index, it.x, it.y)
                     for it in font._layout(s, flags=flags, features=None, language=None)]
            self._layouts[key] = items
        self._draw_text_glyphs_and_boxes(
            gc, x, y, angle, ((obj, size, glyph, 0, 1, dx, dy) for obj, glyph, dx, dy in items),
            [])
        return None


class FastCanvas(FigureCanvasAgg):
    """Agg canvas for figures redrawn many times (:class:`helpers.widgets.FigurePanel`).

    Same output as :class:`~matplotlib.backends.backend_agg.FigureCanvasAgg`; its renderer
    (reused while the size and dpi stay the same) caches text layout
    (:class:`_LayoutCachingRenderer`), and :func:`canvas_png` renders it without
    ``savefig``'s per-call set-up.
    """

    def get_renderer(self) -> RendererAgg:  # noqa: D102
        w, h = self.get_width_height(physical=True)
        key = w, h, self.figure.dpi
        if getattr(self, "_lastKey", None) != key or not isinstance(
                getattr(self, "renderer", None), _LayoutCachingRenderer):
            self.renderer = _LayoutCachingRenderer(w, h, self.figure.dpi)
            self._lastKey = key
        return self.renderer


def canvas_png(fig: Figure, compress_level: int = 1) -> bytes:
    """Draw ``fig`` on its own Agg canvas at the figure's dpi and encode the pixels as PNG.

    Faster than ``savefig`` for a figure redrawn many times: no print set-up, no layout
    engine, no tight bbox; an opaque figure is encoded as RGB (a quarter fewer bytes to
    compress and to send). ``compress_level=1`` (zlib) is ~3x faster than the default 6 for
    ~10% larger files.
    """
    from PIL import Image  # pillow is a matplotlib dependency

    canvas = fig.canvas
    if not isinstance(canvas, FigureCanvasAgg):
        canvas = FastCanvas(fig)
    canvas.draw()
    w, h = canvas.get_width_height(physical=True)
    img = Image.frombuffer("RGBA", (w, h), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    if mpl.colors.to_rgba(fig.get_facecolor())[3] >= 1.0:
        img = img.convert("RGB")
    buf = io.BytesIO()
    img.save(buf, format="png", compress_level=compress_level)
    return buf.getvalue()


def img_html(png: bytes, alt: str, width: str = "100%") -> str:
    """An ``<img>`` tag with the PNG inlined and ``alt`` text (escaped)."""
    data = base64.b64encode(png).decode("ascii")
    return (f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt, quote=True)}" '
            f'style="max-width:{width};height:auto">')
