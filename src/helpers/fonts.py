"""Chinese (CJK) fonts for matplotlib: find one, register it, and say once when there is none.

matplotlib's default fonts have no CJK glyphs: Chinese labels become boxes and "Glyph missing"
warnings reach the cell outputs. :func:`setup_cjk_font` finds a CJK family without rebuilding
matplotlib's font cache; :func:`plot_lang` falls back to English figure text, announced once,
when no CJK font is installed (``fonts-noto-cjk`` on Debian, ``binder/apt.txt`` on Binder).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path

import matplotlib as mpl
import matplotlib.font_manager as fm

from helpers.i18n import resolve_lang, t

__all__ = ["CJK_FAMILIES", "CJK_PROBE", "CJKFontWarning", "cjk_family", "plot_lang",
           "setup_cjk_font"]


#: CJK families tried in order: Simplified Chinese first, sans before serif.
CJK_FAMILIES: tuple[str, ...] = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
    "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Noto Serif CJK SC", "Noto Serif SC",
    "Source Han Serif SC", "Noto Sans CJK TC", "Noto Sans CJK JP", "Microsoft YaHei", "SimHei",
    "PingFang SC", "Heiti SC",
)
#: Folders searched for CJK font files that matplotlib's cache may not know yet (only when
#: fontconfig's ``fc-list`` is not available).
FONT_DIRS: tuple[str, ...] = ("/usr/share/fonts", "/usr/local/share/fonts")
#: File (in matplotlib's cache folder) remembering which font files hold the CJK family.
CJK_CACHE_NAME = "hebei-kit-cjk-font.json"
_CJK_FILE = re.compile(r"cjk|wqy|wenquanyi|sourcehan|notos(ans|erif)sc|simhei|msyh", re.I)
#: Characters a CJK font must have to be accepted.
CJK_PROBE = "河北省产业结构"

_UNSET = object()
_cjk_state: object = _UNSET  # family name, None (none found), or _UNSET (not searched yet)
_fallback_reported = False


class CJKFontWarning(UserWarning):
    """Issued once when Chinese figure labels fall back to English (no CJK font)."""


def _family_has_glyphs(family: str, text: str = CJK_PROBE) -> bool:
    if family not in {f.name for f in fm.fontManager.ttflist}:
        return False
    try:
        path = fm.findfont(fm.FontProperties(family=family), fallback_to_default=False)
        charmap = fm.get_font(path).get_charmap()
    except (ValueError, RuntimeError, OSError):
        return False
    return all(ord(ch) in charmap for ch in text)


def _first_cjk(candidates: Sequence[str]) -> str | None:
    return next((f for f in candidates if _family_has_glyphs(f)), None)


def _register_files(paths: Iterable[Path]) -> int:
    known = {str(f.fname) for f in fm.fontManager.ttflist}
    added = 0
    for p in paths:
        if str(p) in known:
            continue
        try:
            fm.fontManager.addfont(p)
            added += 1
        except (OSError, RuntimeError, ValueError):  # unreadable or unsupported file
            continue
    return added


def _fontconfig_cjk_files(candidates: Sequence[str]) -> list[str]:
    """Font files of the first of ``candidates`` that fontconfig knows (``fc-list``).

    One ``fc-list :lang=zh`` call (~15 ms) instead of matplotlib scanning every system font.
    All files of the family are returned (Regular and Bold: titles are bold).
    """
    exe = shutil.which("fc-list")
    if exe is None:
        return []
    try:
        out = subprocess.run([exe, ":lang=zh", "family", "file"], capture_output=True,
                             text=True, timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    by_family: dict[str, list[str]] = {}
    for line in out.splitlines():
        path, _, families = line.partition(": ")
        for fam in families.split(","):
            by_family.setdefault(fam.strip(), []).append(path.strip())
    for fam in candidates:
        if by_family.get(fam):
            return sorted(set(by_family[fam]))
    return []


def _cjk_cache_file() -> Path:
    return Path(mpl.get_cachedir()) / CJK_CACHE_NAME


def _cached_cjk_files() -> list[str]:
    """Font files remembered by an earlier kernel (only those that still exist)."""
    try:
        files = json.loads(_cjk_cache_file().read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return []
    return [f for f in files if isinstance(f, str) and Path(f).is_file()]


def _remember_cjk_files(family: str) -> None:
    files = sorted({str(f.fname) for f in fm.fontManager.ttflist if f.name == family})
    try:
        _cjk_cache_file().write_text(json.dumps({"family": family, "files": files}),
                                     encoding="utf-8")
    except OSError:  # read-only cache folder: the lookup is simply repeated next time
        pass


def setup_cjk_font(
    candidates: Sequence[str] = CJK_FAMILIES,
    font_dirs: Sequence[str | Path] = FONT_DIRS,
    rebuild: bool = True,
) -> str | None:
    """Find a CJK font, make it matplotlib's first sans-serif font, and return its family.

    Steps, each only if the previous found nothing: (1) look for ``candidates`` in
    matplotlib's font list, accepting a family only if its glyph map covers
    :data:`CJK_PROBE` (河北省产业结构) - the usual case, a few milliseconds; (2) register the
    font files an earlier kernel found (a small JSON file, :data:`CJK_CACHE_NAME`, in
    matplotlib's cache folder); (3) ask fontconfig (``fc-list :lang=zh``) for the files of
    the first candidate family and register only those (``FontManager.addfont``); (4)
    without fontconfig, register CJK-named files found under ``font_dirs``. Matplotlib's
    whole font cache is never rebuilt (that took ~1.8 s per kernel with a stale cache, e.g.
    one made before ``fonts-noto-cjk`` was installed). Steps 2-3 remember what they found.

    With a family found, ``rcParams["font.sans-serif"]`` starts with it: Latin text and digits
    use the same font, and matplotlib's per-glyph fallback covers anything missing.
    With none found, Chinese figure labels fall back to English (:func:`plot_lang`) and
    "Glyph ... missing from font" warnings are silenced, so stray Chinese text renders as
    boxes without flooding stderr.

    Args:
        candidates: family names to try, best first.
        font_dirs: folders searched recursively for CJK font files (step 4).
        rebuild: allow the system lookups of steps 2-3 (False: only matplotlib's list and
            ``font_dirs``).

    Returns:
        The family name, or None.
    """
    global _cjk_state
    family = _first_cjk(candidates)
    if family is None and rebuild:
        for lookup in (_cached_cjk_files, lambda: _fontconfig_cjk_files(candidates)):
            if _register_files(Path(f) for f in lookup()):
                family = _first_cjk(candidates)
            if family is not None:
                _remember_cjk_files(family)
                break
    if family is None and not (rebuild and shutil.which("fc-list")):
        files = [
            p for d in font_dirs if Path(d).is_dir() for p in Path(d).rglob("*")
            if p.suffix.lower() in {".ttf", ".ttc", ".otf"} and _CJK_FILE.search(p.name)
        ]
        if _register_files(sorted(files)):
            family = _first_cjk(candidates)
    if family is not None:
        rest = [f for f in mpl.rcParams["font.sans-serif"] if f != family]
        mpl.rcParams["font.sans-serif"] = [family, *rest]
        mpl.rcParams["font.family"] = ["sans-serif"]
    else:
        warnings.filterwarnings("ignore", message=r"Glyph .* missing from", category=UserWarning)
    _cjk_state = family
    return family


def cjk_family() -> str | None:
    """The CJK family in use, searching for one (:func:`setup_cjk_font`) on first call."""
    if _cjk_state is _UNSET:
        return setup_cjk_font()
    return _cjk_state  # type: ignore[return-value]


def plot_lang(lang: str | None = None) -> str:
    """Language for figure text: ``lang``, or ``"en"`` when it is zh and no CJK font exists.

    The fallback is announced ONCE per session with a :class:`CJKFontWarning` that says how to
    install a font. Widget labels and Markdown do not need this (the browser renders Chinese).
    """
    global _fallback_reported
    lang = resolve_lang(lang)
    if lang == "zh" and cjk_family() is None:
        if not _fallback_reported:
            _fallback_reported = True
            warnings.warn(t("msg_no_cjk_font", "en"), CJKFontWarning, stacklevel=2)
        return "en"
    return lang
