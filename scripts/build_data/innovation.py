"""Builders for the innovation and environment-pressure tables (source ``innovation_digital_env/``).

Tables: ``rd_inputs``, ``patents``, ``tech_market``, ``fiscal_expenditure``,
``high_tech_enterprises``, ``energy_consumption``, ``industrial_pollution``.

Values are copied as the source gives them (empty stays empty, no row is added); the only
changes are: the national row ``China (national)`` is called ``China``, units get the kit's
English spelling (never rescaled), a short vintage code is attached and the flags the
provenance asks for are added. Read ``../shared/sources/innovation_digital_env/PROVENANCE.md``
alongside this file. The small reading helpers here are reused by ``digital`` and
``environment``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from .common import (
    STANDARD_FLAGS,
    ZH,
    BuildError,
    Table,
    add_flag,
    read_source,
    set_units,
    to_number,
    with_zh,
    zh_flags,
)

SRC = "innovation_digital_env"

#: Source unit spellings -> the kit's unit (labels only: values are never rescaled).
UNITS: dict[str, str] = {
    "100m CNY": "100 million yuan",
    "10k CNY": "10k yuan",
    "10k USD": "10k US dollars",
    "%": "percent",
    "100m kWh": "100 million kWh",
    "100m m3": "100 million cubic metres",
    "km (assumed; repo gives no unit)": "km",
    "100m CNY (price basis varies by year; see PROVENANCE)": "100 million yuan",
    "10k tonnes of standard coal equivalent": "10k tonnes of standard coal equivalent",
}

#: National rows are called "China" in the kit (contract); the Chinese name stays as published.
REGION_RENAMES: dict[str, str] = {"China (national)": "China"}

TECHME = "huhuaping/techme"
TECHME_COMMIT = "9ad60a190dec4a56953da9c478d42cd44c80762a"

LICENCE_OFFICIAL_VIA_REPO = (
    "Official statistics (facts reproduced with attribution to the producer) taken from a public "
    "GitHub repository; the repository's licence covers its code, not the official figures. The "
    "kit's compilation and metadata are MIT-licensed like the kit."
)
LICENCE_UNLICENSED_REPO = (
    "Figures compiled from official publications by the author of a public GitHub repository "
    "that states no licence; the kit reproduces the figures (facts) with attribution and "
    "credits the repository. The kit's compilation and metadata are MIT-licensed like the kit."
)


def ind(name_en: str, name_zh: str, unit: str, description: str, better: str = "neither",
        lo: float = 0.0, hi: float = 1e9) -> dict[str, Any]:
    """Indicator metadata in the shape ``Table.indicators`` expects."""
    return {"name_en": name_en, "name_zh": name_zh, "unit": unit, "description": description,
            "better": better, "min": lo, "max": hi}


def read_long(root: Path, relpath: str, indicators: dict[str, dict[str, Any]],
              vintage: str | Callable[[pd.DataFrame], pd.Series],
              keep: Iterable[str] = (), region: str = "region",
              region_zh: str = "region_zh",
              units: dict[str, str] | None = None) -> pd.DataFrame:
    """Read a long source file into the contract columns (plus ``keep`` source columns).

    Args:
        root: the shared sources folder.
        relpath: file path relative to ``root``.
        indicators: the table's indicator metadata; every source indicator must be declared and
            its (aliased) source unit must equal the declared one.
        vintage: a vintage code for every row, or a function of the source frame returning one
            code per row.
        keep: extra source columns carried along unchanged (the caller renames them).
        region, region_zh: source columns holding the region names.
        units: extra source-unit aliases for this file (added to ``UNITS``).
    """
    src = read_source(root, relpath)
    aliases = {**UNITS, **(units or {})}
    unit = src["unit"].map(lambda u: aliases.get(u.strip(), u.strip()))
    df = pd.DataFrame({
        "region": src[region].str.strip().replace(REGION_RENAMES),
        "region_zh": src[region_zh].str.strip(),
        "year": src["year"].astype(int),
        "indicator": src["indicator"].str.strip(),
        "value": to_number(src["value"], relpath),
        "unit": unit,
        "vintage": vintage if isinstance(vintage, str) else vintage(src),
        "flag": "",
    })
    if df["vintage"].isna().any() or (df["vintage"] == "").any():
        raise BuildError(f"{relpath}: some rows got no vintage code")
    for c in keep:
        df[c] = src[c]
    return set_units(df, indicators, relpath)


def cells(df: pd.DataFrame, points: Iterable[tuple[str, int, str]]) -> pd.Series:
    """Boolean mask of the rows at the given (region, year, indicator) points.

    Raises ``BuildError`` if a point is absent, so a flag the provenance asks for can never be
    silently lost when a source changes.
    """
    mask = pd.Series(False, index=df.index)
    for region, year, indicator in points:
        hit = (df["region"] == region) & (df["year"] == year) & (df["indicator"] == indicator)
        if not hit.any():
            raise BuildError(f"flag target missing: {region} {year} {indicator}")
        mask |= hit
    return mask


def _techme_files(*paths: str) -> list[dict[str, str]]:
    return [{"repo": TECHME, "path": p, "commit": TECHME_COMMIT} for p in paths]


# --------------------------------------------------------------------------------------------
# rd_inputs
# --------------------------------------------------------------------------------------------

F_RD = f"{SRC}/rd_inputs_provincial.csv"
_W = "10k yuan"
_FTE = "person-years (FTE)"

RD_INDICATORS: dict[str, dict[str, Any]] = {
    "rd_expenditure_bulletin": ind(
        "R&D expenditure (S&T funding bulletin)", "R&D经费(科技经费投入统计公报)",
        "100 million yuan",
        "Money spent on research and experimental development inside the region in the year, "
        "as printed in the annual national S&T funding bulletin (current prices).",
        "higher", 0, 50000),
    "rd_intensity_pct_gdp": ind(
        "R&D intensity (R&D expenditure as % of GDP)", "R&D经费投入强度",
        "percent",
        "R&D expenditure divided by the region's GDP, in percent, as printed in the bulletin. "
        "Uses the GDP vintage of the bulletin year (not revised afterwards).",
        "higher", 0, 10),
    "rd_expenditure_internal_total": ind(
        "R&D internal expenditure, total (S&T yearbook)", "R&D经费内部支出合计", _W,
        "R&D spending by units located in the region (S&T yearbook table), in 10k yuan; equals "
        "the bulletin figure x 10,000 to rounding.", "higher", 0, 5e8),
    "rd_expenditure_basic_research": ind(
        "R&D expenditure on basic research", "基础研究经费", _W,
        "Part of R&D internal expenditure spent on basic research (new knowledge without a "
        "specific application in view).", "higher", 0, 5e7),
    "rd_expenditure_applied_research": ind(
        "R&D expenditure on applied research", "应用研究经费", _W,
        "Part of R&D internal expenditure spent on applied research (new knowledge aimed at a "
        "practical objective).", "higher", 0, 1e8),
    "rd_expenditure_experimental_development": ind(
        "R&D expenditure on experimental development", "试验发展经费", _W,
        "Part of R&D internal expenditure spent on experimental development (turning knowledge "
        "into new products, processes or services).", "higher", 0, 5e8),
    "rd_expenditure_from_government": ind(
        "R&D expenditure funded by government", "R&D经费内部支出:政府资金", _W,
        "R&D internal expenditure financed by government funds.", "neither", 0, 1e8),
    "rd_expenditure_from_enterprises": ind(
        "R&D expenditure funded by enterprises", "R&D经费内部支出:企业资金", _W,
        "R&D internal expenditure financed by enterprises' own funds.", "neither", 0, 5e8),
    "rd_expenditure_from_abroad": ind(
        "R&D expenditure funded from abroad", "R&D经费内部支出:国外资金", _W,
        "R&D internal expenditure financed from abroad.", "neither", 0, 1e7),
    "rd_expenditure_from_other": ind(
        "R&D expenditure funded from other sources", "R&D经费内部支出:其他资金", _W,
        "R&D internal expenditure financed from other sources.", "neither", 0, 5e7),
    "rd_personnel_fte_total": ind(
        "R&D personnel, full-time equivalent", "R&D人员全时当量", _FTE,
        "People working on R&D counted in full-time equivalents (one person full time for a "
        "year = 1 person-year).", "higher", 0, 1e7),
    "rd_personnel_fte_researchers": ind(
        "R&D researchers, full-time equivalent", "R&D研究人员全时当量", _FTE,
        "The researchers among R&D personnel (professionals who conceive new knowledge), in "
        "full-time equivalents.", "higher", 0, 5e6),
    "rd_personnel_fte_basic_research": ind(
        "R&D personnel FTE in basic research", "基础研究人员全时当量", _FTE,
        "R&D full-time equivalents working on basic research.", "higher", 0, 1e6),
    "rd_personnel_fte_applied_research": ind(
        "R&D personnel FTE in applied research", "应用研究人员全时当量", _FTE,
        "R&D full-time equivalents working on applied research.", "higher", 0, 2e6),
    "rd_personnel_fte_experimental_development": ind(
        "R&D personnel FTE in experimental development", "试验发展人员全时当量", _FTE,
        "R&D full-time equivalents working on experimental development.", "higher", 0, 1e7),
}
_RD_BULLETIN = {"rd_expenditure_bulletin", "rd_intensity_pct_gdp"}


def build_rd_inputs(root: Path) -> pd.DataFrame:
    """R&D expenditure, intensity and personnel by province (bulletin and S&T yearbook)."""
    df = read_long(root, F_RD, RD_INDICATORS,
                   lambda s: s["indicator"].map(
                       lambda c: "st_bulletin" if c in _RD_BULLETIN else "st_yearbook"))
    # Provenance: Sichuan 2011 FTE total 82,485 differs from its parts (82,689), left as published.
    df = add_flag(df, cells(df, [("Sichuan", 2011, "rd_personnel_fte_total")]), "suspicious")
    # Found by the kit's identity check (not named in the provenance): Shanghai 2021 activity
    # parts exceed the total by 19,671 (10k yuan, 0.1 %); the national row repeats the gap.
    df = add_flag(df, cells(df, [("Shanghai", 2021, "rd_expenditure_internal_total"),
                                 ("China", 2021, "rd_expenditure_internal_total")]), "suspicious")
    # National 2022 intensity is the bulletin's first release (2.54 %), later revised to 2.56 %.
    return add_flag(df, cells(df, [("China", 2022, "rd_intensity_pct_gdp")]), "preliminary")


# --------------------------------------------------------------------------------------------
# patents
# --------------------------------------------------------------------------------------------

F_PAT = f"{SRC}/patents_provincial.csv"
_PAT_KIND = {
    "patent_applications": ("Domestic patent applications accepted", "国内专利申请受理量",
                            "filed by applicants in the region and accepted by CNIPA in the year"),
    "patent_grants": ("Domestic patents granted", "国内专利授权量",
                      "granted by CNIPA in the year to owners in the region"),
    "patents_valid": ("Domestic valid patents (in force)", "国内有效专利",
                      "in force at the end of the year, held by owners in the region"),
}
_PAT_TYPE = {
    "total": ("total", "合计", ""),
    "invention": ("invention", "发明", " Invention patents are the most demanding type "
                  "(novelty, inventiveness, 20-year term)."),
    "utility_model": ("utility model", "实用新型", " Utility models protect small technical "
                      "improvements (10-year term, no substantive examination)."),
    "design": ("design", "外观设计", " Design patents protect the look of a product."),
}
PATENT_INDICATORS: dict[str, dict[str, Any]] = {
    f"{k}_{t}": ind(f"{en}: {ten}", f"{zh}:{tzh}", "pieces",
                    f"Number of patents ({ten}) {what}.{tnote}", "higher", 0, 3e7)
    for k, (en, zh, what) in _PAT_KIND.items() for t, (ten, tzh, tnote) in _PAT_TYPE.items()
}


def build_patents(root: Path) -> pd.DataFrame:
    """Domestic patent applications, grants and valid patents by province and type."""
    return read_long(root, F_PAT, PATENT_INDICATORS, "st_yearbook")


# --------------------------------------------------------------------------------------------
# tech_market
# --------------------------------------------------------------------------------------------

F_TECH = f"{SRC}/tech_market_provincial.csv"
TECH_INDICATORS: dict[str, dict[str, Any]] = {
    "tech_market_turnover_outflow_value": ind(
        "Technology contract turnover, by seller region", "技术市场成交额(技术输出地域)",
        "10k yuan",
        "Value of technology contracts signed in the year, counted in the region that SELLS "
        "(outputs) the technology: the usual provincial 'technology market turnover'.",
        "higher", 0, 1e9),
    "tech_market_contracts_outflow": ind(
        "Technology contracts, by seller region", "技术合同数(技术输出地域)", "contracts",
        "Number of technology contracts signed in the year, by the region that sells the "
        "technology.", "higher", 0, 2e6),
    "tech_market_turnover_inflow_value": ind(
        "Technology contract turnover, by buyer region", "技术市场成交额(技术流向地域)",
        "10k yuan",
        "Value of technology contracts, counted in the region that BUYS (absorbs) the "
        "technology.", "higher", 0, 1e9),
    "tech_market_contracts_inflow": ind(
        "Technology contracts, by buyer region", "技术合同数(技术流向地域)", "contracts",
        "Number of technology contracts, by the region that buys the technology.",
        "higher", 0, 2e6),
}


def build_tech_market(root: Path) -> pd.DataFrame:
    """Technology-market contracts and turnover by province (seller and buyer side)."""
    return read_long(root, F_TECH, TECH_INDICATORS, "st_yearbook")


# --------------------------------------------------------------------------------------------
# fiscal_expenditure
# --------------------------------------------------------------------------------------------

F_FISC = f"{SRC}/fiscal_expenditure_provincial.csv"
_Y = "100 million yuan"
FISCAL_INDICATORS: dict[str, dict[str, Any]] = {
    "local_general_budget_expenditure_total": ind(
        "Local general public budget expenditure, total", "地方一般公共预算支出", _Y,
        "Everything the provincial and lower-level governments spent from their general public "
        "budget in the year (current prices).", "neither", 0, 3e5),
    "local_general_budget_expenditure_education": ind(
        "Local general public budget expenditure on education", "地方一般公共预算支出:教育", _Y,
        "Local budget spending on education.", "higher", 0, 5e4),
    "local_general_budget_expenditure_science_technology": ind(
        "Local general public budget expenditure on science and technology",
        "地方一般公共预算支出:科学技术", _Y,
        "Local budget spending on science and technology.", "higher", 0, 1e4),
    "local_general_budget_expenditure_agri_forestry_water": ind(
        "Local general public budget expenditure on agriculture, forestry and water",
        "地方一般公共预算支出:农林水", _Y,
        "Local budget spending on agriculture, forestry and water affairs.", "neither", 0, 3e4),
}
FISCAL_ITEMS = [c for c in FISCAL_INDICATORS if c != "local_general_budget_expenditure_total"]


def build_fiscal_expenditure(root: Path) -> pd.DataFrame:
    """Local general public budget expenditure by province: total and three items."""
    return read_long(root, F_FISC, FISCAL_INDICATORS, "csy")


# --------------------------------------------------------------------------------------------
# high_tech_enterprises
# --------------------------------------------------------------------------------------------

F_HTE = f"{SRC}/high_tech_enterprises_recognized_provincial.csv"
HTE_INDICATORS: dict[str, dict[str, Any]] = {
    "high_tech_enterprises_recognized_in_year": ind(
        "High-tech enterprises recognised in the year (flow)", "当年认定(公示)高新技术企业数",
        "enterprises",
        "Number of firms on the year's High-Tech Enterprise recognition publicity lists (new "
        "and renewed recognitions). A yearly FLOW, not the number of high-tech enterprises "
        "that exist at year end.", "higher", 0, 1e5),
}


def build_high_tech_enterprises(root: Path) -> pd.DataFrame:
    """Firms on each year's high-tech enterprise recognition lists, by province."""
    return read_long(root, F_HTE, HTE_INDICATORS, "torch_lists")


# --------------------------------------------------------------------------------------------
# energy_consumption
# --------------------------------------------------------------------------------------------

F_ENERGY = f"{SRC}/energy_consumption_provincial.csv"
ENERGY_INDICATORS: dict[str, dict[str, Any]] = {
    "energy_consumption_total": ind(
        "Total energy consumption", "能源消费总量", "10k tonnes of standard coal equivalent",
        "All energy used in the province in the year, converted to tonnes of standard coal "
        "equivalent (1 tce = 29.3 GJ).", "lower", 0, 1e5),
}


def build_energy_consumption(root: Path) -> pd.DataFrame:
    """Total energy consumption by province, 1998-2019 (no Tibet)."""
    df = read_long(root, F_ENERGY, ENERGY_INDICATORS, "carbondata_2022")
    # Provenance: the 2012 -> 2013 level drop looks like a revised series joined to unrevised
    # earlier years.
    return add_flag(df, df["year"] == 2013, "series_break")


# --------------------------------------------------------------------------------------------
# industrial_pollution
# --------------------------------------------------------------------------------------------

F_POLL = f"{SRC}/industrial_pollution_env_expenditure_provincial.csv"
EMISSIONS = ["industrial_so2_emissions", "industrial_wastewater_discharge"]
POLLUTION_INDICATORS: dict[str, dict[str, Any]] = {
    "industrial_so2_emissions": ind(
        "Industrial sulphur dioxide emissions", "工业二氧化硫排放量", "10k tonnes",
        "Sulphur dioxide released by industrial sources in the year.", "lower", 0, 500),
    "industrial_wastewater_discharge": ind(
        "Industrial wastewater discharge", "工业废水排放量", "10k tonnes",
        "Wastewater discharged by industrial sources in the year.", "lower", 0, 1e6),
    "local_budget_expenditure_energy_saving_env_protection": ind(
        "Local budget expenditure on energy conservation and environmental protection",
        "地方一般公共预算支出:节能环保", "100 million yuan",
        "Local general public budget spending on energy saving and environmental protection.",
        "neither", 0, 2000),
}


def build_industrial_pollution(root: Path) -> pd.DataFrame:
    """Industrial SO2 and wastewater (2000-2023) and local environmental spending (2007-2023)."""
    df = read_long(root, F_POLL, POLLUTION_INDICATORS, "compiled_2025")
    # Provenance: official method breaks in 2011 (new emission accounting) and 2016 (post
    # second pollution census definition of industrial sources) for the emission series.
    brk = df["indicator"].isin(EMISSIONS) & df["year"].isin([2011, 2016])
    df = add_flag(df, brk, "series_break")
    # Provenance: suspicious points left as published.
    return add_flag(df, cells(df, [
        ("Tianjin", 2016, "industrial_so2_emissions"),
        ("Tianjin", 2019, "local_budget_expenditure_energy_saving_env_protection"),
    ]), "suspicious")


# --------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------

_ST_YEARBOOK = ("China Statistical Yearbook on Science and Technology (中国科技统计年鉴, NBS and "
                "Ministry of Science and Technology), regional tables; values for the data year "
                "(the yearbook edition is one year later).")
_ST_YEARBOOK_NAME = "China Statistical Yearbook on Science and Technology (中国科技统计年鉴)"
_PROVINCES_NOTE = "31 provinces plus the national row (region 'China', 全国)."

TABLES: list[Table] = [
    Table(
        name="rd_inputs",
        title="R&D expenditure, intensity and personnel by province",
        description=(
            "How much each province spends on research and development (R&D), the share of "
            "its GDP this represents (R&D intensity), how the money splits by type of research "
            "and by who pays, and how many full-time-equivalent people do R&D. 31 provinces "
            "and China, 2010-2023 (bulletin figures 2011-2023)."),
        build=build_rd_inputs,
        origin={
            "producer": "National Bureau of Statistics of China (NBS), Ministry of Science and "
                        "Technology (MOST), Ministry of Finance (MOF)",
            "publication": "Statistical Bulletin on National Science and Technology Funding "
                           "(全国科技经费投入统计公报) and China Statistical Yearbook on Science "
                           "and Technology (中国科技统计年鉴)",
            "table": "Bulletin: R&D expenditure and intensity by region. Yearbook: R&D internal "
                     "expenditure by activity and by source of funds; R&D personnel full-time "
                     "equivalent by region.",
            "vintages": {
                "st_bulletin": "Statistical Bulletin on National S&T Funding of each data year, "
                               "first release (2011-2023); R&D intensity uses the GDP known at "
                               "release.",
                "st_yearbook": _ST_YEARBOOK + " 2010-2023.",
            },
            "obtained_from": _techme_files("data/RDIntense.rda", "data/RDActivity.rda",
                                           "data/RDSource.rda", "data/RDLaborHour.rda"),
            "licence_note": LICENCE_OFFICIAL_VIA_REPO + " Repository: R package 'techme' by Hu "
                            "Huaping (MIT licence for code).",
            "caveats": [
                _PROVINCES_NOTE,
                "Two publications: bulletin figures in 100 million yuan, yearbook figures in "
                "10k yuan; they agree to rounding (max difference 0.05 x 100 million yuan).",
                "rd_expenditure_from_abroad is missing for Tibet (all years) and for Qinghai "
                "and Ningxia in several years; rd_expenditure_from_enterprises is missing for "
                "Beijing 2012. Missing stays missing.",
                "Sichuan 2011: R&D personnel FTE total (82,485) differs from the sum of its "
                "activity parts (82,689); kept as published, flagged suspicious.",
                "Shanghai 2021 (and hence China 2021): basic + applied + experimental exceed "
                "the published R&D total by 19,671 (10k yuan, 0.1 %). Found by the kit's "
                "identity check; kept as published, flagged suspicious.",
                "China 2022 R&D intensity is the first release (2.54 %); it was later revised "
                "to 2.56 % after the GDP revision. Flagged preliminary.",
                "Current prices: do not compare levels over many years without deflating.",
            ],
            "citation": "NBS, MOST and MOF, Statistical Bulletin on National S&T Funding and "
                        "China Statistical Yearbook on Science and Technology, R&D by region, "
                        "2010-2023 (via huhuaping/techme).",
        },
        indicators=RD_INDICATORS,
        flags={k: STANDARD_FLAGS[k] for k in ("suspicious", "preliminary")},
        checks=[
            {"type": "sum", "parts": ["rd_expenditure_basic_research",
                                      "rd_expenditure_applied_research",
                                      "rd_expenditure_experimental_development"],
             "total": "rd_expenditure_internal_total", "abs_tol": 130,
             "skip_flags": ["suspicious"]},
            {"type": "sum", "parts": ["rd_expenditure_from_government",
                                      "rd_expenditure_from_enterprises",
                                      "rd_expenditure_from_abroad", "rd_expenditure_from_other"],
             "total": "rd_expenditure_internal_total", "abs_tol": 130,
             "skip_flags": ["suspicious"]},
            {"type": "sum", "parts": ["rd_personnel_fte_basic_research",
                                      "rd_personnel_fte_applied_research",
                                      "rd_personnel_fte_experimental_development"],
             "total": "rd_personnel_fte_total", "abs_tol": 400, "skip_flags": ["suspicious"]},
            {"type": "le", "part": "rd_personnel_fte_researchers",
             "total": "rd_personnel_fte_total", "abs_tol": 0},
        ],
    ),
    Table(
        name="patents",
        title="Domestic patent applications, grants and valid patents by province",
        description=(
            "Patents filed, granted and in force, in total and by type (invention, utility "
            "model, design), for 31 provinces and China, 2010-2023. A common measure of "
            "innovation output."),
        build=build_patents,
        origin={
            "producer": "China National Intellectual Property Administration (CNIPA), published "
                        "by NBS and MOST",
            "publication": _ST_YEARBOOK_NAME,
            "table": "Domestic patent applications accepted / granted / valid by region",
            "vintages": {"st_yearbook": _ST_YEARBOOK + " 2010-2023."},
            "obtained_from": _techme_files("data/RDPatentAccept.rda", "data/RDPatentAuthority.rda",
                                           "data/RDPatentValid.rda"),
            "licence_note": LICENCE_OFFICIAL_VIA_REPO,
            "caveats": [
                _PROVINCES_NOTE,
                "The national row exceeds the 31-province sum by 0.5-11 % (patents not "
                "allocated to a mainland province): compare provinces with provincial rows, "
                "use the national row only for national totals.",
                "patent_applications_design is missing for Jilin 2019.",
                "OCR-garbled province labels in the repository were fixed by the data scout; "
                "one garbled aggregate row (valid patents 2014) was dropped.",
            ],
            "citation": "CNIPA via NBS/MOST, China Statistical Yearbook on Science and "
                        "Technology, domestic patents by region, 2010-2023 (via huhuaping/techme).",
        },
        indicators=PATENT_INDICATORS,
        checks=[{"type": "sum", "parts": [f"{k}_invention", f"{k}_utility_model", f"{k}_design"],
                 "total": f"{k}_total", "abs_tol": 0.5} for k in _PAT_KIND],
    ),
    Table(
        name="tech_market",
        title="Technology market contracts and turnover by province",
        description=(
            "Technology contracts (licences, technical services, development) signed in the "
            "year and their value, counted by the region that sells the technology (outflow) "
            "and by the region that buys it (inflow). 31 provinces and China; 2000, 2005, "
            "2010 and 2012-2023."),
        build=build_tech_market,
        origin={
            "producer": "Ministry of Science and Technology (MOST), published with NBS",
            "publication": _ST_YEARBOOK_NAME,
            "table": "Technology market contracts by region of technology output (技术输出地域) "
                     "and by region of technology absorption (技术流向地域)",
            "vintages": {"st_yearbook": _ST_YEARBOOK + " 2000, 2005, 2010, 2012-2023."},
            "obtained_from": _techme_files("data/MarketPush.rda", "data/MarketPull.rda"),
            "licence_note": LICENCE_OFFICIAL_VIA_REPO,
            "caveats": [
                _PROVINCES_NOTE,
                "Years 2001-2004, 2006-2009 and 2011 are absent from the source.",
                "Outflow (seller side) is the usual provincial 'technology market turnover'.",
                "Tibet's outflow is empty 2000-2016, Hainan's and Qinghai's in 2000: the rows "
                "exist with an empty value.",
                "The national row exceeds the provincial sum by 3-9 % (outflow) and 4-22 % "
                "(inflow, which includes buyers abroad or unallocated).",
                "Current prices.",
            ],
            "citation": "MOST/NBS, China Statistical Yearbook on Science and Technology, "
                        "technology market by region (via huhuaping/techme).",
        },
        indicators=TECH_INDICATORS,
    ),
    Table(
        name="fiscal_expenditure",
        title="Local general public budget expenditure by province: total, education, S&T",
        description=(
            "What provincial and local governments spend from their general budget, in total "
            "and on education, science and technology, and agriculture-forestry-water. 31 "
            "provinces 2010-2023; the national row (sum of local budgets) 2019-2023."),
        build=build_fiscal_expenditure,
        origin={
            "producer": "Ministry of Finance, published by the National Bureau of Statistics "
                        "(NBS)",
            "publication": "China Statistical Yearbook (中国统计年鉴), chapter 7 Public Finance",
            "table": "Local general public budget expenditure by region and item",
            "vintages": {"csy": "China Statistical Yearbook editions 2011-2024 (data years "
                                "2010-2023), final accounts."},
            "obtained_from": _techme_files("data/PublicBudget.rda"),
            "licence_note": LICENCE_OFFICIAL_VIA_REPO,
            "caveats": [
                "The national row ('China') exists only for 2019-2023 and is the SUM OF LOCAL "
                "budgets, not central plus local spending.",
                "Cross-checked: total expenditure identical to a second repository for 434/434 "
                "region-years; education and S&T identical to a third for 310/310 and 309/310.",
                "Current prices.",
            ],
            "citation": "Ministry of Finance / NBS, China Statistical Yearbook, local general "
                        "public budget expenditure by region, 2010-2023 (via huhuaping/techme).",
        },
        indicators=FISCAL_INDICATORS,
        checks=[{"type": "le", "part": c, "total": "local_general_budget_expenditure_total",
                 "abs_tol": 0} for c in FISCAL_ITEMS],
    ),
    Table(
        name="high_tech_enterprises",
        title="High-tech enterprise recognitions per year by province (flow, not stock)",
        description=(
            "Number of firms on each year's official High-Tech Enterprise recognition lists, "
            "new and renewed, for 31 provinces, 2018-2024. It is a yearly flow: it does NOT "
            "give how many high-tech enterprises exist."),
        build=build_high_tech_enterprises,
        origin={
            "producer": "Torch High Technology Industry Development Center, Ministry of Science "
                        "and Technology (recognition publicity lists on innocom.gov.cn)",
            "publication": "High-Tech Enterprise recognition publicity lists (高新技术企业认定公示"
                           "名单), counted by the repository author",
            "table": "Number of firms per province on each year's lists",
            "vintages": {"torch_lists": "Lists published 2018-2024 as scraped by the techme "
                                        "author (snapshot 2025)."},
            "obtained_from": _techme_files("data/HitechFirmsPub.rda"),
            "licence_note": LICENCE_OFFICIAL_VIA_REPO,
            "caveats": [
                "A FLOW of new and renewed recognitions (certificates last 3 years), not the "
                "year-end stock: the national stock was about 400k in 2022, this table sums "
                "to about 160k for 2022.",
                "Counted from scraped lists by a third party; only plausibility checks were "
                "possible (trust: medium). No national row.",
            ],
            "citation": "Torch Center (MOST), High-Tech Enterprise recognition lists 2018-2024, "
                        "counts by province (via huhuaping/techme).",
        },
        indicators=HTE_INDICATORS,
    ),
    Table(
        name="energy_consumption",
        title="Total energy consumption by province, 1998-2019",
        description=(
            "Total energy consumption of 30 provinces (no Tibet), 1998-2019, in 10k tonnes of "
            "standard coal equivalent. Heavy-industry provinces such as Hebei and Shandong "
            "consume the most."),
        build=build_energy_consumption,
        origin={
            "producer": "National Bureau of Statistics of China (NBS) and provincial statistics "
                        "bureaus (as far as checked)",
            "publication": "China Energy Statistical Yearbook / provincial statistical yearbooks "
                           "(the repository does not name its source)",
            "table": "Total energy consumption by region (能源消费总量)",
            "vintages": {"carbondata_2022": "Compilation uploaded to yaoyaoustc/carbondata on "
                                            "2022-09-05; source undocumented; values agree with "
                                            "published provincial totals as far as checked."},
            "obtained_from": [{"repo": "yaoyaoustc/carbondata", "path": "carbonemission-china.csv",
                               "commit": "9ef43aa8a2b38936623b064378295e6aba77f784"}],
            "licence_note": LICENCE_UNLICENSED_REPO,
            "caveats": [
                "30 provinces, no Tibet, no national row; 1998-2019 without gaps.",
                "The level drops from 2012 to 2013 (e.g. Hebei 30,250 -> 29,664) look like a "
                "revised series joined to unrevised earlier years: 2013 is flagged "
                "series_break; do not compute growth across 2012/2013.",
                "Energy intensity is not included: the official figure uses constant-price "
                "GDP; compute it only with a documented GDP series.",
                "Source undocumented in the repository (trust: medium-high).",
            ],
            "citation": "Provincial total energy consumption 1998-2019 (China Energy Statistical "
                        "Yearbook as compiled in yaoyaoustc/carbondata, 2022).",
        },
        indicators=ENERGY_INDICATORS,
        flags={"series_break": STANDARD_FLAGS["series_break"]},
    ),
    Table(
        name="industrial_pollution",
        title="Industrial SO2 and wastewater, and local environmental spending, by province",
        description=(
            "Industrial sulphur dioxide emissions and wastewater discharge (30 provinces, "
            "2000-2023) and local budget spending on energy saving and environmental "
            "protection (31 provinces, 2007-2023). The emission series change method in 2011 "
            "and 2016."),
        build=build_industrial_pollution,
        origin={
            "producer": "National Bureau of Statistics of China (NBS) and Ministry of Ecology "
                        "and Environment; Ministry of Finance for spending",
            "publication": "Presumably China Statistical Yearbook (chapter 8 Resources and "
                           "Environment; chapter 7 Public Finance) / China Statistical Yearbook "
                           "on Environment; the repository does not cite its tables",
            "table": "Industrial SO2 emissions and wastewater discharge by region; local general "
                     "budget expenditure on energy conservation and environmental protection",
            "vintages": {"compiled_2025": "Thesis replication files of Yumanlou/carbon_emission_"
                                          "finance (commit of 2025-10-21)."},
            "obtained_from": [
                {"repo": "Yumanlou/carbon_emission_finance", "path": p,
                 "commit": "39fb8f1bd96696c5310afcc62649a1e13a027136"}
                for p in ("data/final_data.1.3.4_did.csv", "data/eco_ex.csv")],
            "licence_note": LICENCE_UNLICENSED_REPO,
            "caveats": [
                "Emissions: 30 provinces, no Tibet. Spending: 31 provinces. No national row.",
                "Method breaks in the official statistics: 2011 (new emission accounting) and "
                "2016 (industrial sources redefined after the second pollution census). Rows "
                "of 2011 and 2016 are flagged series_break: do not read 2010->2011 or "
                "2015->2016 as real changes.",
                "Suspicious, kept as published: Tianjin SO2 15.46 (2015) -> 2.21 (2016); "
                "Tianjin environmental spending 242.3 in 2019 against 66.5 (2018) and 60.7 "
                "(2020).",
                "Industrial solid waste, coal share, CO2 and the repository's indices were not "
                "taken (erratic or derived).",
            ],
            "citation": "Industrial SO2, wastewater and local environmental-protection spending "
                        "by province (China Statistical Yearbook series as compiled in "
                        "Yumanlou/carbon_emission_finance, 2025).",
        },
        indicators=POLLUTION_INDICATORS,
        flags={k: STANDARD_FLAGS[k] for k in ("series_break", "suspicious")},
    ),
]


# --------------------------------------------------------------------------------------------
# Chinese metadata (Table.zh): one entry per table above, caveats in the same order
# --------------------------------------------------------------------------------------------

_VIA_TECHME = "（经 `huhuaping/techme` 获取）"

ZH_META: dict[str, dict[str, Any]] = {
    "rd_inputs": {
        "title": "各省R&D经费支出、R&D经费投入强度和R&D人员",
        "description": "各省在研究与试验发展（R&D）上花了多少钱，相当于地区生产总值的多大比重（R&D"
                       "经费投入强度），这些经费按研究类型和资金来源如何划分，"
                       "以及R&D人员全时当量有多少。31个省（区、市）和全国，"
                       "2010—2023年（统计公报数字为2011—2023年）。",
        "producer": f"{ZH['nbs']}、{ZH['most']}、{ZH['mof']}",
        "publication": f"{ZH['st_bulletin']}和{ZH['csyst']}",
        "table": "统计公报：分地区R&D经费支出和R&D经费投入强度。年鉴："
                 "按活动类型和资金来源分的R&D经费内部支出；分地区R&D人员全时当量。",
        "citation": f"国家统计局、科学技术部、财政部，{ZH['st_bulletin']}和{ZH['csyst']}，"
                    f"分地区R&D数据，2010—2023年{_VIA_TECHME}。",
        "caveats": [
            ZH["row_china"],
            "两种出版物：统计公报的数字以亿元为单位，年鉴的数字以万元为单位；"
            "两者在四舍五入范围内一致（最大相差0.05亿元）。",
            "`rd_expenditure_from_abroad` 西藏各年缺失，青海和宁夏有几年缺失；"
            "`rd_expenditure_from_enterprises` 北京2012年缺失。缺失值保持缺失。",
            "四川2011年：R&D人员全时当量合计（82485人年）与按活动类型各部分之和（82689人年）不同；"
            "按公布值保留，标记为存疑。",
            "上海2021年（因而全国2021年）：基础研究、应用研究和试验发展之和比公布的R&D经费合计多196"
            "71万元（0.1%）。由本工具包的恒等式检查发现；按公布值保留，标记为存疑。",
            "全国2022年R&D经费投入强度为初次发布数（2.54%）；地区生产总值修订后改为2.56%。"
            "标记为初步数。",
            "按当年价格计算：比较多年的水平值前须先平减。",
        ],
        "vintages": {
            "st_bulletin": f"各数据年份的{ZH['st_bulletin']}，初次发布（2011—2023年）；"
                           f"R&D经费投入强度"
                           "使用发布时的地区生产总值。",
            "st_yearbook": ZH["st_yearbook_vintage"] + "2010—2023年。",
        },
        "licence": (ZH["licence_via_repo"]
                    + "仓库：Hu Huaping 的R软件包 `techme`（代码采用MIT许可）。"),
        "flags": zh_flags(["suspicious", "preliminary"]),
    },
    "patents": {
        "title": "各省国内专利申请、授权和有效专利",
        "description": "31个省（区、市）和全国2010—2023年的专利申请受理量、授权量和有效量，"
                       "分合计和类型（发明、实用新型、外观设计）。这是衡量创新产出的常用指标。",
        "producer": f"国家知识产权局，由{ZH['nbs']}和{ZH['most']}发布",
        "publication": ZH["csyst"],
        "table": "分地区国内专利申请受理量、授权量、有效量",
        "citation": f"国家知识产权局（国家统计局、科学技术部发布），{ZH['csyst']}，分地区国内专利，"
                    f"2010—2023年{_VIA_TECHME}。",
        "caveats": [
            ZH["row_china"],
            "全国行比31个省（区、市）之和多0.5%—11%（未分配到内地某省的专利）："
            "比较各省请用各省的行，全国行只用于全国总量。",
            "`patent_applications_design` 吉林2019年缺失。",
            "仓库中因光学字符识别而错乱的省份名称已由数据采集者更正；"
            "一行错乱的汇总行（2014年有效专利）已删除。",
        ],
        "vintages": {"st_yearbook": ZH["st_yearbook_vintage"] + "2010—2023年。"},
        "licence": ZH["licence_via_repo"],
        "flags": {},
    },
    "tech_market": {
        "title": "各省技术市场成交合同数和成交额",
        "description": "当年签订的技术合同（技术转让、技术服务、技术开发等）及其成交金额，"
                       "分别按卖方所在地区（技术输出地域）和买方所在地区（技术流向地域）统计。"
                       "31个省（区、市）和全国；2000年、2005年、2010年和2012—2023年。",
        "producer": f"{ZH['most']}，与{ZH['nbs']}共同发布",
        "publication": ZH["csyst"],
        "table": "按技术输出地域分和按技术流向地域分的技术市场成交合同",
        "citation": f"科学技术部、国家统计局，{ZH['csyst']}，分地区技术市场{_VIA_TECHME}。",
        "caveats": [
            ZH["row_china"],
            "来源中没有2001—2004年、2006—2009年和2011年。",
            "输出地域（卖方）即通常所说的各省“技术市场成交额”。",
            "西藏2000—2016年、海南和青海2000年的输出地域数值为空：这些行存在，数值为空。",
            "全国行比各省之和多3%—9%（输出地域）和4%—22%（流向地域，含境外或未分配的买方）。",
            ZH["current_prices"],
        ],
        "vintages": {"st_yearbook": ZH["st_yearbook_vintage"]
                     + "2000年、2005年、2010年、2012—2023年。"},
        "licence": ZH["licence_via_repo"],
        "flags": {},
    },
    "fiscal_expenditure": {
        "title": "各省地方一般公共预算支出：合计、教育、科学技术",
        "description": "省级及以下地方政府一般公共预算的支出，分合计以及教育、"
                       "科学技术和农林水支出。31个省（区、市）2010—2023年；全国行（地方预算之和）"
                       "只有2019—2023年。",
        "producer": f"{ZH['mof']}，由{ZH['nbs']}发布",
        "publication": f"{ZH['csy']}，第七章 财政",
        "table": "分地区分项目地方一般公共预算支出",
        "citation": f"财政部、国家统计局，{ZH['csy']}，分地区地方一般公共预算支出，"
                    f"2010—2023年{_VIA_TECHME}。",
        "caveats": [
            "全国行（“China”）只有2019—2023年，是各地方预算之和，不是中央加地方的支出。",
            "已交叉核对：支出合计与第二个仓库在434个地区年份中全部相同；"
            "教育和科学技术支出与第三个仓库分别在310个中有310个、310个中有309个相同。",
            ZH["current_prices"],
        ],
        "vintages": {"csy": "《中国统计年鉴》2011—2024年各版（数据年份2010—2023年），决算数。"},
        "licence": ZH["licence_via_repo"],
        "flags": {},
    },
    "high_tech_enterprises": {
        "title": "各省每年认定的高新技术企业数（流量，不是存量）",
        "description": "31个省（区、市）2018—2024年每年列入官方高新技术企业认定名单（新认定和重新认"
                       "定）的企业数。这是每年的流量：它并不说明现有高新技术企业有多少家。",
        "producer": "科学技术部火炬高技术产业开发中心（在 `innocom.gov.cn` 上公示认定名单）",
        "publication": "高新技术企业认定公示名单，由仓库作者计数",
        "table": "每年名单中各省的企业数",
        "citation": f"科学技术部火炬中心，高新技术企业认定名单2018—2024年，分省计数{_VIA_TECHME}。",
        "caveats": [
            "这是新认定和重新认定的流量（证书有效期3年），不是年末存量：2022年全国存量约40万家，"
            "本表2022年合计约16万家。",
            "由第三方根据抓取的名单计数；只能做合理性检查（可信度中等）。没有全国行。",
        ],
        "vintages": {"torch_lists": "2018—2024年公布的名单，由 `techme` 作者抓取（2025年快照）。"},
        "licence": ZH["licence_via_repo"],
        "flags": {},
    },
    "energy_consumption": {
        "title": "各省能源消费总量，1998—2019年",
        "description": "30个省（区、市，不含西藏）1998—2019年的能源消费总量，单位为万吨标准煤。"
                       "河北、山东等重工业省份能耗最高。",
        "producer": f"{ZH['nbs']}和各省统计局（就已核对的部分而言）",
        "publication": "《中国能源统计年鉴》或各省统计年鉴（仓库未注明来源）",
        "table": "分地区能源消费总量",
        "citation": "各省能源消费总量1998—2019年（《中国能源统计年鉴》数据，汇编于 "
                    "`yaoyaoustc/carbondata`，2022年）。",
        "caveats": [
            "30个省（区、市），不含西藏，没有全国行；1998—2019年没有缺口。",
            "2012年到2013年的水平下降（例如河北从30250万吨标准煤降到29664万吨标准煤）"
            "看起来是修订后的序列接上了未修订的早年数据：2013年标记为 `series_break`；"
            "不要计算跨越2012/2013年的增长。",
            "不含能源强度：官方数字使用不变价地区生产总值；只有在地区生产总值序列有据可查时才计算它"
            "。",
            "仓库未说明来源（可信度中高）。",
        ],
        "vintages": {"carbondata_2022": "2022年9月5日上传到 `yaoyaoustc/carbondata` 的汇编；"
                                        "来源未说明；就已核对的部分而言与公布的各省合计一致。"},
        "licence": ZH["licence_unlicensed_repo"],
        "flags": zh_flags(["series_break"]),
    },
    "industrial_pollution": {
        "title": "各省工业二氧化硫、工业废水和地方环保支出",
        "description": "工业二氧化硫排放量和工业废水排放量（30个省（区、市），2000—2023年），"
                       "以及地方一般公共预算中的节能环保支出（31个省（区、市），2007—2023年）。"
                       "排放序列在2011年和2016年改变了统计方法。",
        "producer": f"{ZH['nbs']}和生态环境部；支出数字来自{ZH['mof']}",
        "publication": f"推测为{ZH['csy']}（第八章 资源和环境；第七章 财政）"
                       f"或《中国环境统计年鉴》；"
                       "仓库未注明所据表格",
        "table": "分地区工业二氧化硫排放量和工业废水排放量；地方一般公共预算节能环保支出",
        "citation": "各省工业二氧化硫、工业废水和地方节能环保支出（《中国统计年鉴》序列，汇编于 "
                    "`Yumanlou/carbon_emission_finance`，2025年）。",
        "caveats": [
            "排放：30个省（区、市），不含西藏。支出：31个省（区、市）。没有全国行。",
            "官方统计的方法断点：2011年（新的排放核算方法）和2016年（第二次全国污染源普查后重新界定"
            "工业源）。2011年和2016年的行标记为 `series_break`：不要把2010→2011年或2015→2016年的变"
            "化当作真实变化。",
            "存疑，按公布值保留：天津二氧化硫从15.46万吨（2015年）降到2.21万吨（2016年）；"
            "天津环保支出2019年为242.3亿元，而2018年为66.5亿元、2020年为60.7亿元。",
            "未收录工业固体废物、煤炭占比、二氧化碳和仓库自编的指数（数据不稳定或属于推算）。",
        ],
        "vintages": {"compiled_2025": "`Yumanlou/carbon_emission_finance` "
                                      "的论文复现文件（2025年10月21日的提交）。"},
        "licence": ZH["licence_unlicensed_repo"],
        "flags": zh_flags(["series_break", "suspicious"]),
    },
}

TABLES = with_zh(TABLES, ZH_META)
