"""Write the two reference notebooks the benchmark serves beside the lessons.

* ``baseline_seaborn.ipynb`` - the issue's reference: ONE slider whose every change redraws a
  whole seaborn figure into an ``Output`` widget (what the kit's widgets must beat).
* ``kit_explorer.ipynb`` - the kit's own widget (``helpers.widgets.explorer``) on real data, so
  the kit's figure panel is measured even before (or without) the lessons.

Both use the same table and regions, so their figures are comparable. Run
``python bench/build_notebooks.py`` after changing this file; the .ipynb files are committed.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

HERE = Path(__file__).resolve().parent

SETUP = '''\
REGIONS = ["Hebei", "Beijing", "Tianjin", "Shandong", "Liaoning", "Shanxi", "Henan",
           "Inner Mongolia"]
df = load("province_gdp", regions=REGIONS)
VINTAGE = df["vintage"].value_counts().index[0]  # the main vintage (one vintage per chart)
df = df[df["vintage"] == VINTAGE]
'''

BASELINE = [
    ("markdown", "# Baseline: one slider, a seaborn redraw into an Output widget\n\n"
                 "The benchmark's reference (not a lesson): every change of the slider draws a "
                 "new seaborn figure and displays it in an `Output` widget - the usual way, "
                 "which the kit's figure panel has to beat."),
    ("code", "%matplotlib inline\nimport ipywidgets as widgets\nimport matplotlib.pyplot as plt\n"
             "import seaborn as sns\nfrom IPython.display import display\n\n"
             "from helpers.data import load\n\n" + SETUP),
    ("code", '''\
gdp = df[df["indicator"] == "gdp"]
years = sorted(gdp["year"].unique())
slider = widgets.IntSlider(value=int(years[-1]), min=int(years[1]), max=int(years[-1]),
                           description="Last year", continuous_update=False)
out = widgets.Output()


def draw(change=None):
    with out:
        out.clear_output(wait=True)
        fig, ax = plt.subplots(figsize=(8, 4.5), dpi=90)
        sns.lineplot(data=gdp[gdp["year"] <= slider.value], x="year", y="value",
                     hue="region", marker="o", ax=ax)
        ax.set_title(f"GDP, {years[0]}-{slider.value}")
        display(fig)  # what the inline backend does (PNG, bbox_inches="tight")
        plt.close(fig)


slider.observe(draw, names="value")
draw()
widgets.VBox([slider, out])'''),
]

EXPLORER = [
    ("markdown", "# Reference: the kit's explorer (helpers.widgets)\n\n"
                 "The benchmark's reference for the kit's own control panel and figure panel, "
                 "on the same table and regions as the seaborn baseline."),
    ("code", "from helpers.data import load\nfrom helpers.widgets import explorer\n\n" + SETUP),
    ("code", '''\
explorer(df, source=f"province_gdp, {VINTAGE}",
         denominators={"va_primary": "gdp", "va_secondary": "gdp", "va_tertiary": "gdp"})'''),
]


def write(name: str, cells: list[tuple[str, str]]) -> None:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.cells = [nbformat.v4.new_markdown_cell(src) if kind == "markdown"
                else nbformat.v4.new_code_cell(src) for kind, src in cells]
    for i, cell in enumerate(nb.cells):
        cell.id = f"{name[:8]}-{i}"
    nbformat.write(nb, HERE / f"{name}.ipynb")


if __name__ == "__main__":
    write("baseline_seaborn", BASELINE)
    write("kit_explorer", EXPLORER)
