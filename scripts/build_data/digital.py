"""Builders for the digital-economy and energy-product tables.

Tables: ``digital_indicators``, ``energy_products``, ``pku_dfiic_province``, ``pku_dfiic_city``,
``telecom`` and ``digital_economy_index_thirdparty`` (NOT official; comparison only).

Sources: ``digital_economy/`` and ``innovation_digital_env/`` (read both PROVENANCE.md files).
Values are copied as published; units get the kit's English spelling (never rescaled); flags mark
what the provenance notes (price-basis changes, probable release changes, large jumps).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from .common import STANDARD_FLAGS, ZH, Table, add_flag, obtained_from, with_zh, zh_flags
from .innovation import LICENCE_OFFICIAL_VIA_REPO, LICENCE_UNLICENSED_REPO, cells, ind, read_long

DE = "digital_economy"
IDE = "innovation_digital_env"

NBS_DB = ("NBS online database (data.stats.gov.cn), Annual by Province (分省年度数据), new JSON "
          "API, as saved by lanyuanzhe1/tongjimodule")

#: Static origin entries (the build reads the same files; a test checks they agree).
_TONGJI = "lanyuanzhe1/tongjimodule"


def _tongji(path: str, commit: str = "d36519a27a58f36a455ef911421ee0280f669aa9") -> dict[str, str]:
    return {"repo": _TONGJI, "path": path, "commit": commit}


# --------------------------------------------------------------------------------------------
# digital_indicators
# --------------------------------------------------------------------------------------------

F_DIGI = f"{DE}/nbs_digital_indicators_provincial_2016_2024.csv"
_SUB = "10k subscribers"
_YW = "10k yuan"

#: code: (name_en, name_zh as NBS, unit, description, better, max)
_DIGI: dict[str, tuple[str, str, str, str, str, float]] = {
    "internet_broadband_subscribers": (
        "Internet broadband subscribers", "互联网宽带接入用户", _SUB,
        "Fixed broadband internet subscriptions at year end.", "higher", 2e4),
    "broadband_subscribers_urban": (
        "Urban broadband subscribers", "城市宽带接入用户", _SUB,
        "Fixed broadband subscriptions in urban areas at year end.", "higher", 2e4),
    "broadband_subscribers_rural": (
        "Rural broadband subscribers", "农村宽带接入用户", _SUB,
        "Fixed broadband subscriptions in rural areas at year end.", "higher", 1e4),
    "internet_broadband_ports": (
        "Internet broadband access ports", "互联网宽带接入端口", "10k ports",
        "Broadband access ports installed (network capacity, not users).", "higher", 5e4),
    "mobile_internet_subscribers": (
        "Mobile internet subscribers", "移动互联网用户", _SUB,
        "Subscriptions that used mobile internet (not the number of mobile-phone "
        "subscribers).", "higher", 5e4),
    "mobile_internet_traffic": (
        "Mobile internet traffic", "移动互联网接入流量", "10k GB",
        "Data downloaded and uploaded over mobile networks in the year.", "higher", 1e7),
    "domain_names": (
        "Internet domain names", "域名数", "10k",
        "Registered internet domain names attributed to the province.", "higher", 5000),
    "web_pages": (
        "Web pages", "网页数", "10k",
        "Web pages hosted in the province.", "higher", 1e8),
    "websites": (
        "Websites", "网站数", "10k",
        "Websites hosted in the province (series stops in 2018).", "higher", 500),
    "internet_dialup_subscribers": (
        "Dial-up internet subscribers", "互联网拨号用户", _SUB,
        "Dial-up internet subscriptions (a dying technology; 2016-2017 only).", "neither", 500),
    "internet_users": (
        "Internet users (netizens)", "互联网上网人数", "10k persons",
        "People who used the internet in the year (2016 only in this series).", "higher", 2e4),
    "informatization_survey_enterprises": (
        "Enterprises in the informatisation survey", "企业数", "enterprises",
        "Number of enterprises covered by the informatisation and e-commerce survey: the "
        "denominator of the shares below.", "neither", 1e6),
    "enterprise_computers_in_use": (
        "Computers in use in enterprises", "期末使用计算机数", "units",
        "Computers in use at year end in the surveyed enterprises.", "higher", 5e7),
    "computers_per_100_employees": (
        "Computers per 100 employees", "每百人使用计算机数", "units per 100 persons",
        "Computers in use per 100 employees of the surveyed enterprises.", "higher", 200),
    "enterprise_websites": (
        "Enterprise websites", "企业拥有网站数", "websites",
        "Websites owned by the surveyed enterprises.", "higher", 1e6),
    "websites_per_100_enterprises": (
        "Websites per 100 enterprises", "每百家企业拥有网站数", "websites per 100 enterprises",
        "Websites per 100 surveyed enterprises.", "higher", 200),
    "enterprises_with_ecommerce": (
        "Enterprises with e-commerce transactions", "有电子商务交易活动的企业数", "enterprises",
        "Surveyed enterprises that bought or sold online in the year.", "higher", 2e5),
    "share_enterprises_with_ecommerce": (
        "Share of enterprises with e-commerce transactions", "有电子商务交易活动的企业数比重",
        "percent", "Enterprises with e-commerce as a percentage of surveyed enterprises "
        "(not published for 2024 in this catalogue).", "higher", 100),
    "ecommerce_sales": (
        "E-commerce sales", "电子商务销售额", "100 million yuan",
        "Value of goods and services the surveyed enterprises sold online (current prices; "
        "survey-based and volatile for small provinces).", "higher", 2e5),
    "ecommerce_purchases": (
        "E-commerce purchases", "电子商务采购额", "100 million yuan",
        "Value of goods and services the surveyed enterprises bought online (current "
        "prices).", "higher", 2e5),
    "optical_cable_line_length": (
        "Optical cable line length", "光缆线路长度", "km",
        "Length of optical-fibre cable lines at year end.", "higher", 2e7),
    "long_distance_optical_cable_length": (
        "Long-distance optical cable length", "长途光缆线路长度", "10k km",
        "Length of long-distance (trunk) optical cable lines at year end.", "higher", 100),
    "mobile_switch_capacity": (
        "Mobile telephone switch capacity", "移动电话交换机容量", _SUB,
        "Capacity of mobile switching equipment (how many subscribers it can serve; not "
        "users).", "higher", 1e5),
    "local_exchange_switch_capacity": (
        "Local exchange switch capacity", "局用交换机容量", "10k lines",
        "Capacity of fixed-line local exchanges (2016-2020).", "neither", 2e4),
    "fixed_long_distance_switch_capacity": (
        "Fixed long-distance switch capacity", "固定长途电话交换机容量", "10k circuit-ends",
        "Capacity of fixed long-distance telephone switches (2016-2019).", "neither", 1000),
    "software_business_revenue": (
        "Software business revenue", "软件业务收入", _YW,
        "Revenue of the software and information-technology services industry (current "
        "prices). Volatile for small provinces.", "higher", 1e9),
    "software_product_revenue": (
        "Software product revenue", "软件产品收入", _YW,
        "Revenue from software products.", "higher", 5e8),
    "it_services_revenue": (
        "Information technology services revenue", "信息技术服务收入", _YW,
        "Revenue from information-technology services.", "higher", 1e9),
    "embedded_system_software_revenue": (
        "Embedded system software revenue", "嵌入式系统软件收入", _YW,
        "Revenue from software embedded in devices.", "higher", 5e8),
    "information_security_revenue": (
        "Information security revenue", "信息安全收入", _YW,
        "Revenue from information-security products and services (2018-2024).", "higher", 1e8),
    "software_exports": (
        "Software exports", "软件业务出口", "10k US dollars",
        "Exports of the software industry, in US dollars.", "higher", 5e7),
}
DIGITAL_INDICATORS: dict[str, dict[str, Any]] = {
    code: ind(en, zh, unit, desc, better, 0, hi)
    for code, (en, zh, unit, desc, better, hi) in _DIGI.items()
}

#: Year-on-year jumps named in the provenance (both scrapes agree: NBS's own numbers).
DIGITAL_JUMPS: list[tuple[str, int, str]] = [
    ("Beijing", 2017, "mobile_internet_subscribers"),
    ("Hebei", 2020, "software_business_revenue"),
    ("Inner Mongolia", 2021, "software_business_revenue"),
    ("Heilongjiang", 2017, "optical_cable_line_length"),
    ("Inner Mongolia", 2017, "optical_cable_line_length"),
    ("Jiangxi", 2017, "optical_cable_line_length"),
    ("Jilin", 2018, "optical_cable_line_length"),
    ("Tibet", 2024, "optical_cable_line_length"),
]
FLAG_LARGE_JUMP = (
    "an implausibly large one-year change named in the provenance; the figure is as published "
    "(a second scrape agrees where checked). Winsorise or use logs before building indices")


def build_digital_indicators(root: Path) -> pd.DataFrame:
    """NBS internet, telecom capacity, informatisation/e-commerce and software indicators."""
    df = read_long(root, F_DIGI, DIGITAL_INDICATORS, "nbs_db_2026")
    return add_flag(df, cells(df, DIGITAL_JUMPS), "large_jump")


# --------------------------------------------------------------------------------------------
# energy_products
# --------------------------------------------------------------------------------------------

F_EPROD = f"{DE}/nbs_energy_products_provincial_2016_2024.csv"
_T = "10k tonnes"
_KWH = "100 million kWh"
_M3 = "100 million cubic metres"
_EP: dict[str, tuple[str, str, str, str, str, float]] = {
    "coke_output": ("Coke output", "焦炭产量", _T,
                    "Coke produced in the year. Coke feeds blast furnaces, so it is a proxy for "
                    "iron and steel production.", "neither", 3e4),
    "crude_oil_output": ("Crude oil output", "原油产量", _T, "Crude oil produced.", "neither",
                         1e4),
    "natural_gas_output": ("Natural gas output", "天然气产量", _M3, "Natural gas produced.",
                           "neither", 2000),
    "gasoline_output": ("Gasoline output", "汽油产量", _T, "Gasoline (petrol) refined.",
                        "neither", 1e4),
    "kerosene_output": ("Kerosene output", "煤油产量", _T, "Kerosene refined.", "neither", 5000),
    "diesel_output": ("Diesel output", "柴油产量", _T, "Diesel oil refined.", "neither", 2e4),
    "fuel_oil_output": ("Fuel oil output", "燃料油产量", _T, "Fuel oil refined.", "neither", 5000),
    "electricity_generation": ("Electricity generation", "发电量", _KWH,
                               "Electricity generated in the province (all sources).",
                               "neither", 2e4),
    "thermal_power_generation": ("Thermal power generation", "火力发电量", _KWH,
                                 "Electricity from thermal (mostly coal-fired) plants.",
                                 "lower", 2e4),
    "hydro_power_generation": ("Hydro power generation", "水力发电量", _KWH,
                               "Electricity from hydro plants.", "neither", 1e4),
    "coal_consumption": ("Coal consumption", "煤炭消费量", _T,
                         "Coal consumed in the province (2016-2019 only).", "lower", 1e5),
    "coke_consumption": ("Coke consumption", "焦炭消费量", _T,
                         "Coke consumed (2016-2019 only); mostly by iron and steel.", "lower",
                         3e4),
    "crude_oil_consumption": ("Crude oil consumption", "原油消费量", _T,
                              "Crude oil consumed, mostly by refineries (2016-2019 only).",
                              "neither", 3e4),
    "gasoline_consumption": ("Gasoline consumption", "汽油消费量", _T,
                             "Gasoline consumed (2016-2019 only).", "neither", 5000),
    "kerosene_consumption": ("Kerosene consumption", "煤油消费量", _T,
                             "Kerosene consumed (2016-2019 only).", "neither", 3000),
    "diesel_consumption": ("Diesel consumption", "柴油消费量", _T,
                           "Diesel consumed (2016-2019 only).", "neither", 5000),
    "fuel_oil_consumption": ("Fuel oil consumption", "燃料油消费量", _T,
                             "Fuel oil consumed (2016-2019 only).", "neither", 1e4),
    "natural_gas_consumption": ("Natural gas consumption", "天然气消费量", _M3,
                                "Natural gas consumed (2016-2019 only).", "neither", 1000),
    "electricity_consumption": ("Electricity consumption", "电力消费量", _KWH,
                                "Electricity consumed in the province.", "neither", 2e4),
}
ENERGY_PRODUCT_INDICATORS: dict[str, dict[str, Any]] = {
    code: ind(en, zh, unit, desc, better, 0, hi)
    for code, (en, zh, unit, desc, better, hi) in _EP.items()
}


def build_energy_products(root: Path) -> pd.DataFrame:
    """Output and consumption of main energy products by province (NBS)."""
    return read_long(root, F_EPROD, ENERGY_PRODUCT_INDICATORS, "nbs_db_2026")


# --------------------------------------------------------------------------------------------
# pku_dfiic_province and pku_dfiic_city
# --------------------------------------------------------------------------------------------

F_PKU_PROV = f"{DE}/pku_dfiic_provincial_2011_2022.csv"
F_PKU_CITY = f"{IDE}/pku_dfiic_city_bohai.csv"
_PKU_UNIT = "index points"
FLAG_RELEASE_CHANGE = (
    "from this year on the values carry full precision and probably come from a later release "
    "of the index than the earlier years: read changes across this boundary with care")

PKU_PROVINCE_INDICATORS = {
    "pku_dfiic_index_aggregate": ind(
        "Digital financial inclusion index (PKU-DFIIC), aggregate",
        "北京大学数字普惠金融指数(总指数)",
        _PKU_UNIT,
        "Peking University index of how widely and deeply digital finance (mobile payment, "
        "online credit, insurance, investment) is used in the province; 2011 base system, "
        "higher = more digital finance.", "higher", 0, 1000),
}
PKU_CITY_INDICATORS = {
    "pku_dfiic_city_index_aggregate": ind(
        "Digital financial inclusion index (PKU-DFIIC), aggregate, city level",
        "北京大学数字普惠金融指数(城市总指数)", _PKU_UNIT,
        "Peking University index of digital-finance use in the city (same construction as the "
        "provincial index, city level); higher = more digital finance.", "higher", 0, 1000),
}
_PKU_UNITS = {
    "index points (PKU-DFIIC scale, as published; no transformation)": _PKU_UNIT,
    "index (2011 base system of PKU-DFIIC, no unit)": _PKU_UNIT,
}


def build_pku_dfiic_province(root: Path) -> pd.DataFrame:
    """PKU digital financial inclusion index, aggregate, 31 provinces 2011-2022."""
    df = _read_pku(root, F_PKU_PROV, PKU_PROVINCE_INDICATORS, "region", "region_zh")
    return add_flag(df, df["year"] == 2016, "release_change")


def _read_pku(root: Path, relpath: str, indicators: dict[str, Any], region: str,
              region_zh: str, keep: tuple[str, ...] = ()) -> pd.DataFrame:
    return read_long(root, relpath, indicators, "pku_2011_2023_release", keep=keep,
                     region=region, region_zh=region_zh, units=_PKU_UNITS)


def build_pku_dfiic_city(root: Path) -> pd.DataFrame:
    """PKU digital financial inclusion index, aggregate, 43 Bohai Rim cities 2011-2020."""
    df = _read_pku(root, F_PKU_CITY, PKU_CITY_INDICATORS, "city", "city_zh",
                   keep=("province", "province_zh", "ln_value_as_stored"))
    df["ln_value_as_stored"] = pd.to_numeric(df["ln_value_as_stored"], errors="raise")
    df = df.assign(vintage="repo_exp_ln")
    return add_flag(df, df["year"] == 2016, "release_change")


# --------------------------------------------------------------------------------------------
# telecom
# --------------------------------------------------------------------------------------------

F_TEL = f"{IDE}/telecom_postal_optical_cable_provincial.csv"
TELECOM_INDICATORS: dict[str, dict[str, Any]] = {
    "telecom_business_volume": ind(
        "Telecommunication business volume", "电信业务总量", "100 million yuan",
        "Telecom services measured at constant unit prices of a base year. The base changes "
        "(2010 prices to 2015, 2015 prices to 2020, previous-year prices from 2021): see "
        "the price_basis column and the series_break flags.", "higher", 0, 5e4),
    "postal_business_volume": ind(
        "Postal business volume", "邮政业务总量", "100 million yuan",
        "Postal and express services measured at constant unit prices; same re-basing in "
        "2021 as telecom.", "higher", 0, 2e4),
    "optical_cable_line_length": ind(
        "Optical cable line length", "光缆线路长度", "km",
        "Length of optical-fibre cable lines at year end (identical to the NBS series in "
        "digital_indicators for 2016-2022).", "higher", 0, 2e7),
}
_VOLUMES = ["telecom_business_volume", "postal_business_volume"]


def build_telecom(root: Path) -> pd.DataFrame:
    """Telecom and postal business volume and optical cable length, 31 provinces 2013-2022."""
    df = read_long(root, F_TEL, TELECOM_INDICATORS, "compiled_2025",
                   keep=("price_basis_inferred",))
    df = df.rename(columns={"price_basis_inferred": "price_basis"})
    # Provenance: telecom 2013-2015 ~ 2010 prices, 2016-2020 2015 prices, 2021-2022 previous-year
    # prices; postal volume shows the same 2020/21 break.
    brk = ((df["indicator"] == "telecom_business_volume") & df["year"].isin([2016, 2021])) | (
        (df["indicator"] == "postal_business_volume") & (df["year"] == 2021))
    return add_flag(df, brk, "series_break")


# --------------------------------------------------------------------------------------------
# digital_economy_index_thirdparty (NOT official)
# --------------------------------------------------------------------------------------------

F_THIRD = f"{DE}/thirdparty_digital_economy_index_yuyangyao_2010_2021.csv"
THIRDPARTY_INDICATORS = {
    "digital_economy_index_repo_computed": ind(
        "Digital-economy index computed by a third party (NOT official)",
        "第三方计算的数字经济指数(非官方)", "index score",
        "A composite score between 0 and 1 computed by a researcher with an undocumented "
        "method. Use only to compare with the kit's own index; it is not a statistic.",
        "higher", 0, 1),
}
_THIRD_UNITS = {"index (unitless composite score; method undocumented by repo)": "index score"}


def build_thirdparty_index(root: Path) -> pd.DataFrame:
    """Third-party composite digital-economy index, 30 provinces 2010-2021 (comparison only)."""
    df = read_long(root, F_THIRD, THIRDPARTY_INDICATORS, "yuyangyao_2024",
                   units=_THIRD_UNITS)
    return add_flag(df, pd.Series(True, index=df.index), "not_official")


# --------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------

_PROV31 = "31 provinces, no national row (sum the provinces for a national figure)."

TABLES: list[Table] = [
    Table(
        name="digital_indicators",
        title="Internet, telecom capacity, informatisation, e-commerce and software by province",
        description=(
            "Official NBS provincial indicators of the digital economy, 2016-2024: broadband "
            "and mobile-internet subscribers and traffic, domain names and web pages, telecom "
            "capacity (optical cable, switches), enterprise informatisation and e-commerce, "
            "and software-industry revenue."),
        build=build_digital_indicators,
        origin={
            "producer": "National Bureau of Statistics of China (NBS); software-industry figures "
                        "from the Ministry of Industry and Information Technology (MIIT), "
                        "republished by NBS",
            "publication": NBS_DB + "; the same series as the China Statistical Yearbook tables "
                           "on internet, telecom capacity, enterprise informatisation and "
                           "e-commerce, and software and IT services by region",
            "table": "互联网主要指标发展情况; 企业信息化及电子商务情况; 电信主要通信能力; "
                     "软件和信息技术服务业主要经济指标 (by province)",
            "vintages": {"nbs_db_2026": "NBS database as served by its new API, scraped in 2026 "
                                        "(data years 2016-2024)."},
            "obtained_from": [
                _tongji("data/0412/分省互联网主要指标_多年期_原始抓取.csv",
                        "ab9de784f548b5eeb1c11bc81931d69bb4c8394b"),
                _tongji("data/0412/分省企业信息化及电子商务情况_多年期_原始抓取.csv"),
                _tongji("data/0412/分省电信主要通行能力_多年期_原始抓取.csv"),
                _tongji("data/0412/分省软件和信息技术服务业主要经济指标_多年期_原始抓取.csv"),
            ],
            "licence_note": LICENCE_OFFICIAL_VIA_REPO,
            "caveats": [
                _PROV31 + " Software indicators: 30 provinces (no Tibet), with gaps.",
                "Nothing before 2016 (the NBS catalogue starts there). Broadband subscribers "
                "drop from 2015 to 2016 in another scrape, suggesting a definition change: do "
                "not splice earlier years onto this table.",
                "websites stop in 2018, internet_users exist for 2016 only, "
                "share_enterprises_with_ecommerce stops in 2023.",
                "mobile_internet_subscribers is NOT the number of mobile-phone subscribers "
                "(not available), and mobile_switch_capacity is capacity, not users.",
                "Large one-year jumps named by the provenance are flagged large_jump (e.g. "
                "Hebei software revenue 2020: 170.4 x 100 million yuan between 326.7 in 2019 "
                "and 443.0 in 2021). E-commerce sales also swing for small provinces. "
                "Winsorise or use logs before entropy weighting.",
                "Cross-checked: 320/320 values identical to an independent scrape of the same "
                "NBS catalogues; optical cable identical to a third repository (217/217).",
            ],
            "citation": "National Bureau of Statistics of China, NBS database, provincial "
                        "internet, telecom, informatisation/e-commerce and software indicators, "
                        "2016-2024 (via lanyuanzhe1/tongjimodule).",
        },
        indicators=DIGITAL_INDICATORS,
        flags={"large_jump": FLAG_LARGE_JUMP},
    ),
    Table(
        name="energy_products",
        title="Output and consumption of main energy products by province (coke, power, oil)",
        description=(
            "Coke, crude oil, natural gas, refined products and electricity produced in each "
            "province 2016-2024, and consumption of coal, coke and oil products 2016-2019 and "
            "of electricity 2016-2024. Coke output is the closest yearly panel to steel "
            "production (no provincial crude-steel panel was found)."),
        build=build_energy_products,
        origin={
            "producer": "National Bureau of Statistics of China (NBS)",
            "publication": NBS_DB + "; same series as the China Energy Statistical Yearbook",
            "table": "主要能源产品产量; 主要能源产品消费量 (by province)",
            "vintages": {"nbs_db_2026": "NBS database as served by its new API, scraped in 2026."},
            "obtained_from": [_tongji("data/0412/分省主要能源产品产量_多年期_原始抓取.csv"),
                              _tongji("data/0412/分省主要能源产品消费量_多年期_原始抓取.csv")],
            "licence_note": LICENCE_OFFICIAL_VIA_REPO,
            "caveats": [
                _PROV31,
                "Consumption of coal, coke and oil products covers 2016-2019 only. Ningxia and "
                "Xinjiang are absent from the consumption rows (a gap of the scrape, not of "
                "NBS).",
                "A province with no production of a product may have no row or a 0 as "
                "published; nothing was filled.",
                "Coke output is a proxy for steel, not steel itself (coke is also traded "
                "between provinces).",
                "Check: 31-province electricity generation 2021 = 85,342.5 x 100 million kWh, "
                "the NBS national total.",
            ],
            "citation": "National Bureau of Statistics of China, NBS database, output and "
                        "consumption of main energy products by province, 2016-2024 (via "
                        "lanyuanzhe1/tongjimodule).",
        },
        indicators=ENERGY_PRODUCT_INDICATORS,
        checks=[{"type": "le", "part": p, "total": "electricity_generation", "abs_tol": 0.05}
                for p in ("thermal_power_generation", "hydro_power_generation")],
    ),
    Table(
        name="pku_dfiic_province",
        title="Peking University Digital Financial Inclusion Index, provinces, 2011-2022",
        description=(
            "The Peking University Digital Financial Inclusion Index of China (PKU-DFIIC), "
            "aggregate index, for 31 provinces, 2011-2022. Higher means digital finance is "
            "more widely and deeply used. Sub-indices are not available."),
        build=build_pku_dfiic_province,
        origin={
            "producer": "Institute of Digital Finance, Peking University (with Ant Group data)",
            "publication": "Peking University Digital Financial Inclusion Index of China "
                           "(北京大学数字普惠金融指数), 2011-2023 release",
            "table": "Sheet 'Provinces', column index_aggregate (years 2011-2022 kept by the "
                     "repository)",
            "vintages": {"pku_2011_2023_release": "PKU-DFIIC 2011-2023 release, read unchanged "
                                                  "by the repository's cleaning code."},
            "obtained_from": [{"repo": "upstream1119/statistical-modeling_CUC_PYH",
                               "path": "data_processed/panel_data_with_tibet_audit.csv",
                               "commit": "d0ef5c2c548d1f203503139c8e762ed0a27cd918"}],
            "licence_note": "The PKU-DFIIC is published by Peking University for research use "
                            "with citation; reproduced here with attribution. Taken from a "
                            "student project repository that states no licence.",
            "caveats": [
                "Aggregate index only; coverage breadth, usage depth and digitisation "
                "sub-indices could not be obtained.",
                "2011-2015 values have 2 decimals, 2016 onwards full precision: 2016 is "
                "flagged release_change.",
                "Checked against the published table only from memory (plausibility, trust "
                "medium-high); no second copy could be fetched.",
                "An index, not a quantity: compare levels and ranks, not ratios.",
            ],
            "citation": "Guo F., Wang J., Wang F., Kong T., Zhang X., Cheng Z. (2020), Measuring "
                        "China's digital financial inclusion: index compilation and spatial "
                        "characteristics, China Economic Quarterly 19(4); Peking University "
                        "Digital Financial Inclusion Index 2011-2023, provinces.",
        },
        indicators=PKU_PROVINCE_INDICATORS,
        flags={"release_change": FLAG_RELEASE_CHANGE},
    ),
    Table(
        name="pku_dfiic_city",
        title="Peking University Digital Financial Inclusion Index, Bohai Rim cities, 2011-2020",
        description=(
            "The PKU-DFIIC aggregate index for the 43 prefecture-level cities of Beijing, "
            "Tianjin, Hebei (11), Shandong (16) and Liaoning (14), 2011-2020. Each row names "
            "its province."),
        build=build_pku_dfiic_city,
        origin={
            "producer": "Institute of Digital Finance, Peking University (with Ant Group data)",
            "publication": "Peking University Digital Financial Inclusion Index of China, city "
                           "level (aggregate index)",
            "table": "City-level aggregate index, as stored (natural log, column FI) in the "
                     "repository's workbook 分地区总数据指数.xlsx",
            "vintages": {"repo_exp_ln": "Index as stored by the repository in natural logs and "
                                        "back-transformed by the data scout: value = exp(FI), "
                                        "rounded to 4 decimals."},
            "obtained_from": [{"repo": "Anintony/Digital-Finance-Carbon-Emissions",
                               "path": "data/分地区总数据指数.xlsx",
                               "commit": "63d5d36e3d498f0b8896357f8451c52a12f76638"}],
            "licence_note": "The PKU-DFIIC is published by Peking University for research use "
                            "with citation; reproduced here with attribution. Taken from an "
                            "undergraduate-thesis repository that states no licence.",
            "caveats": [
                "Values are exp() of the logs stored in the repository, rounded to 4 "
                "decimals; the stored log is kept in ln_value_as_stored. exp() gives the "
                "published 2-decimal values exactly for 2011-2015.",
                "2016-2020 values carry more decimals, probably from a later release of the "
                "index: 2016 is flagged release_change.",
                "Laiwu (merged into Jinan in 2019) is not in the repository; only 43 Bohai Rim "
                "cities of the repository's 278 are kept.",
                "City names in pinyin were mapped by hand by the data scout (trust: medium).",
            ],
            "citation": "Peking University Digital Financial Inclusion Index of China, city "
                        "level, 2011-2020 (via Anintony/Digital-Finance-Carbon-Emissions).",
        },
        indicators=PKU_CITY_INDICATORS,
        flags={"release_change": FLAG_RELEASE_CHANGE},
        extra_fields=[
            {"name": "province", "type": "string", "constraints": {"required": True},
             "description": "English name of the city's province (Beijing and Tianjin are "
                            "their own province)."},
            {"name": "province_zh", "type": "string", "constraints": {"required": True},
             "description": "Chinese name of the province."},
            {"name": "ln_value_as_stored", "type": "number",
             "description": "Natural log of the index as stored in the repository (value = "
                            "exp of this, rounded)."},
        ],
    ),
    Table(
        name="telecom",
        title="Telecom and postal business volume and optical cable length by province",
        description=(
            "Telecom business volume, postal business volume and optical cable length for 31 "
            "provinces, 2013-2022. The volumes are at constant prices whose base year "
            "changes twice: never compute growth across 2015/2016 or 2020/2021."),
        build=build_telecom,
        origin={
            "producer": "Ministry of Industry and Information Technology (MIIT) and State Post "
                        "Bureau, published by NBS",
            "publication": "Presumably China Statistical Yearbook, chapter 16 Transport, Posts "
                           "and Telecommunications, by region (the repository does not cite it)",
            "table": "电信业务总量, 邮政业务总量, 光缆线路长度 by region",
            "vintages": {"compiled_2025": "Processed panel of the Huangwt1122 research project "
                                          "(commit of 2025-09-17)."},
            "obtained_from": [{"repo": "Huangwt1122/Digital-Technology-Innovation-Carbon-"
                                       "Productivity-Research-Project",
                               "path": "Processed data/Indicator-Mediator-Control Variables.csv",
                               "commit": "01b281b297d68384317960ebe624d2b38a9448f9"}],
            "licence_note": LICENCE_UNLICENSED_REPO,
            "caveats": [
                "MIXED PRICE BASES (inferred by the data scout from national totals): "
                "telecom volume 2013-2015 at about 2010 prices, 2016-2020 at 2015 prices, "
                "2021-2022 at previous-year prices; postal volume re-based in 2021 as well. "
                "The column price_basis says which; 2016 and 2021 are flagged series_break.",
                "Trust: medium-low (undocumented processed file). Optical cable length is "
                "identical to the NBS series in digital_indicators for 2016-2022 (unit km).",
                "Repository columns of patents, informatisation level and its own digital "
                "economy score were not taken.",
            ],
            "citation": "Telecom and postal business volume and optical cable length by "
                        "province, 2013-2022 (China Statistical Yearbook series as compiled in "
                        "Huangwt1122/Digital-Technology-Innovation-Carbon-Productivity-"
                        "Research-Project).",
        },
        indicators=TELECOM_INDICATORS,
        flags={"series_break": STANDARD_FLAGS["series_break"]},
        extra_fields=[{"name": "price_basis", "type": "string",
                       "description": "Price basis of the volume as inferred by the data scout "
                                      "(or 'physical quantity' for cable length)."}],
    ),
    Table(
        name="digital_economy_index_thirdparty",
        title="NOT OFFICIAL: a third-party digital-economy index (comparison only)",
        description=(
            "A composite digital-economy score for 30 provinces, 2010-2021, computed by a "
            "researcher whose method, indicators and weights are undocumented. It is NOT an "
            "official statistic: use it only to compare with the index you build yourself."),
        build=build_thirdparty_index,
        origin={
            "producer": "Repository author (Yuyang Yao), not a statistics office",
            "publication": "Replication data of a study of carbon-emission trading and the "
                           "digital economy (official_run.xlsx, column digeco)",
            "table": "digeco (composite index; method undocumented)",
            "vintages": {"yuyangyao_2024": "Workbook official_run.xlsx as committed in the "
                                           "repository (values printed to 12 significant "
                                           "digits to drop float artefacts)."},
            "obtained_from": obtained_from(pd.DataFrame({
                "source_repo": ["Yuyang-Yao75/The-impact-of-carbon-emission-trading-on-the-"
                                "digital-economy"],
                "source_path": ["official_run.xlsx"],
                "source_commit": ["866558c602456ed0d5b3052a5ac757367f74e4c1"]})),
            "licence_note": "Third-party research output from a public repository without a "
                            "licence statement; reproduced for comparison with attribution.",
            "caveats": [
                "NOT OFFICIAL and method undocumented (trust: low). Every row is flagged "
                "not_official.",
                "30 provinces (no Tibet), 2010-2021.",
            ],
            "citation": "Yao Y., digital-economy index (digeco) in 'The impact of carbon "
                        "emission trading on the digital economy' replication files, GitHub "
                        "Yuyang-Yao75 (not an official statistic).",
        },
        indicators=THIRDPARTY_INDICATORS,
        flags={"not_official": "computed by a third party with an undocumented method; not an "
                               "official statistic"},
    ),
]


# --------------------------------------------------------------------------------------------
# Chinese metadata (Table.zh): one entry per table above, caveats in the same order
# --------------------------------------------------------------------------------------------

_VIA_TONGJI = "（经 `lanyuanzhe1/tongjimodule` 获取）"
_NBS_API = f"{ZH['nbs_db']}，新版JSON接口，由 `lanyuanzhe1/tongjimodule` 保存"

ZH_META: dict[str, dict[str, Any]] = {
    "digital_indicators": {
        "title": "各省互联网、电信能力、企业信息化、电子商务和软件业指标",
        "description": "国家统计局发布的各省数字经济官方指标，2016—2024年："
                       "宽带和移动互联网用户及流量，域名和网页，电信能力（光缆、交换机），"
                       "企业信息化和电子商务，以及软件业收入。",
        "producer": f"{ZH['nbs']}；软件业数字来自{ZH['miit']}，由国家统计局转载",
        "publication": f"{_NBS_API}；与{ZH['csy']}中分地区的互联网、电信能力、"
                       f"企业信息化和电子商务、"
                       "软件和信息技术服务业各表为同一序列",
        "table": "互联网主要指标发展情况；企业信息化及电子商务情况；电信主要通信能力；"
                 "软件和信息技术服务业主要经济指标（分省）",
        "citation": "国家统计局，国家数据库，各省互联网、电信、信息化和电子商务及软件业指标，"
                    "2016—2024年"
                    f"{_VIA_TONGJI}。",
        "caveats": [
            "31个省（区、市），没有全国行（全国数字须将各省相加）。软件业指标：30个省（区、市，"
            "不含西藏），有缺口。",
            "没有2016年以前的数据（国家统计局的指标目录从2016年开始）。"
            "另一次抓取中宽带用户从2015年到2016年下降，说明口径有变：不要把更早的年份接到本表上。",
            "`websites` 到2018年为止，`internet_users` 只有2016年，`share_enterprises_with_ecommerc"
            "e` 到2023年为止。",
            "`mobile_internet_subscribers` 不是移动电话用户数（没有该数据），"
            "`mobile_switch_capacity` 是交换机容量，不是用户数。",
            "来源说明指出的一年内大幅跳变标记为 `large_jump`（例如河北软件业收入2020年为170.4亿元，"
            "而2019年为326.7亿元、2021年为443.0亿元）。小省份的电子商务销售额也波动较大。"
            "做熵权法之前先缩尾或取对数。",
            "已交叉核对：与对同一国家统计局目录的独立抓取相比，320个数值全部相同；"
            "光缆长度与第三个仓库相同（217个中有217个）。",
        ],
        "vintages": {"nbs_db_2026": ZH["nbs_api_vintage"] + "（数据年份2016—2024年）。"},
        "licence": ZH["licence_via_repo"],
        "flags": zh_flags(
            ["large_jump"],
            large_jump="来源说明指出的一年内不合理的大幅变化；数字按公布值保留（经核对的地方第二次"
                       "抓取结果一致）。编制指数前先缩尾或取对数"),
    },
    "energy_products": {
        "title": "各省主要能源产品产量和消费量（焦炭、电力、石油）",
        "description": "各省2016—2024年的焦炭、原油、天然气、成品油和发电量，以及2016—2019年煤炭、"
                       "焦炭和油品的消费量和2016—2024年的电力消费量。"
                       "焦炭产量是最接近钢铁产量的逐年面板数据（没有找到分省粗钢产量的面板数据）。",
        "producer": ZH["nbs"],
        "publication": f"{_NBS_API}；与《中国能源统计年鉴》为同一序列",
        "table": "主要能源产品产量；主要能源产品消费量（分省）",
        "citation": f"国家统计局，国家数据库，各省主要能源产品产量和消费量，"
                    f"2016—2024年{_VIA_TONGJI}。",
        "caveats": [
            ZH["no_national_row"],
            "煤炭、焦炭和油品的消费量只有2016—2019年。消费量各行中没有宁夏和新疆（这是抓取的缺口，"
            "不是国家统计局的缺口）。",
            "不生产某种产品的省份可能没有该行，或按公布值为0；没有填补任何数值。",
            "焦炭产量只是钢铁的替代指标，不是钢铁本身（焦炭也在省际间调运）。",
            "核对：2021年31个省（区、市）发电量之和为85342.5亿千瓦时，等于国家统计局的全国合计。",
        ],
        "vintages": {"nbs_db_2026": ZH["nbs_api_vintage"] + "。"},
        "licence": ZH["licence_via_repo"],
        "flags": {},
    },
    "pku_dfiic_province": {
        "title": "北京大学数字普惠金融指数，省级，2011—2022年",
        "description": "北京大学数字普惠金融指数的总指数，31个省（区、市），2011—2022年。数值越高，"
                       "说明数字金融的使用越广、越深。没有分指数。",
        "producer": "北京大学数字金融研究中心（使用蚂蚁集团数据）",
        "publication": f"{ZH['pku_dfiic']}，2011—2023年版",
        "table": "工作表“Provinces”，`index_aggregate` 列（仓库保留2011—2022年）",
        "citation": "郭峰、王靖一、王芳、孔涛、张勋、程志云（2020）：《测度中国数字普惠金融发展："
                    "指数编制"
                    f"与空间特征》，《经济学（季刊）》第19卷第4期；{ZH['pku_dfiic']}2011—2023年，"
                    f"省级。",
        "caveats": [
            "只有总指数；无法获得覆盖广度、使用深度和数字化程度三个分指数。",
            "2011—2015年的数值为2位小数，2016年起为全精度：2016年标记为 `release_change`。",
            "只凭记忆与公布的表格作了核对（合理性检查，可信度中高）；无法取得第二份副本。",
            "这是指数，不是数量：比较水平和位次，不要计算比值。",
        ],
        "vintages": {"pku_2011_2023_release": f"{ZH['pku_dfiic']}2011—2023年版，"
                                              f"仓库的清洗代码原样读取。"},
        "licence": ZH["licence_pku"] + "取自一个未声明许可的学生项目仓库。",
        "flags": zh_flags(["release_change"]),
    },
    "pku_dfiic_city": {
        "title": "北京大学数字普惠金融指数，环渤海城市，2011—2020年",
        "description": "北京、天津、河北（11个）、山东（16个）和辽宁（14个）"
                       "43个地级及以上城市的北京大学数字普惠金融总指数，2011—2020年。"
                       "每行注明所属省份。",
        "producer": "北京大学数字金融研究中心（使用蚂蚁集团数据）",
        "publication": f"{ZH['pku_dfiic']}，城市级（总指数）",
        "table": "城市级总指数，按仓库工作簿“分地区总数据指数.xlsx”存储的形式（自然对数，`FI` 列）",
        "citation": f"{ZH['pku_dfiic']}，城市级，2011—2020年（经 "
                    "`Anintony/Digital-Finance-Carbon-Emissions` 获取）。",
        "caveats": [
            "数值是仓库中所存对数的exp()，四舍五入到4位小数；所存对数保留在 `ln_value_as_stored` "
            "列。2011—2015年exp()恰好得到公布的2位小数数值。",
            "2016—2020年的数值小数位更多，可能来自该指数较晚的版本：2016年标记为 "
            "`release_change`。",
            "莱芜（2019年并入济南）不在仓库中；仓库的278个城市中只保留了43个环渤海城市。",
            "拼音城市名由数据采集者手工对应（可信度中等）。",
        ],
        "vintages": {"repo_exp_ln": "仓库以自然对数存储、由数据采集者还原的指数：数值 = exp(FI)，"
                                    "四舍五入到4位小数。"},
        "licence": ZH["licence_pku"] + "取自一个未声明许可的本科毕业论文仓库。",
        "flags": zh_flags(["release_change"]),
    },
    "telecom": {
        "title": "各省电信业务总量、邮政业务总量和光缆线路长度",
        "description": "31个省（区、市）2013—2022年的电信业务总量、邮政业务总量和光缆线路长度。"
                       "业务总量按不变价格计算，而基期改了两次：切勿计算跨越2015/2016年或2020/2021"
                       "年的增长。",
        "producer": f"{ZH['miit']}和国家邮政局，由{ZH['nbs']}发布",
        "publication": f"推测为{ZH['csy']}第十六章 运输和邮电的分地区数据（仓库未注明）",
        "table": "分地区电信业务总量、邮政业务总量、光缆线路长度",
        "citation": "各省电信业务总量、邮政业务总量和光缆线路长度，2013—2022年（《中国统计年鉴》"
                    "序列，汇编于 `Huangwt1122/Digital-Technology-Innovation-Carbon-Productivity-Re"
                    "search-Project`）。",
        "caveats": [
            "价格基础混杂（数据采集者根据全国合计推断）：电信业务总量2013—2015年约按2010年价格，"
            "2016—2020年按2015年价格，2021—2022年按上年价格；邮政业务总量也在2021年改了基期。"
            "`price_basis` 列说明属于哪种；2016年和2021年标记为 `series_break`。",
            "可信度中低（未说明的加工文件）。光缆线路长度在2016—2022年与 `digital_indicators` "
            "中国家统计局的序列相同（单位：公里）。",
            "未收录仓库中的专利、信息化水平及其自编的数字经济得分等列。",
        ],
        "vintages": {"compiled_2025": "`Huangwt1122` 研究项目加工后的面板数据（2025年9月17日的提交"
                                      "）。"},
        "licence": ZH["licence_unlicensed_repo"],
        "flags": zh_flags(["series_break"]),
    },
    "digital_economy_index_thirdparty": {
        "title": "非官方：第三方编制的数字经济指数（仅供比较）",
        "description": "一位研究者计算的30个省（区、市）2010—2021年数字经济综合得分，其方法、"
                       "指标和权重都没有说明。它不是官方统计：只用来与你自己编制的指数作比较。",
        "producer": "仓库作者（Yuyang Yao），不是统计机构",
        "publication": "一项关于碳排放权交易与数字经济的研究的复现数据（`official_run.xlsx`，"
                       "`digeco` 列）",
        "table": "`digeco`（综合指数；方法未说明）",
        "citation": "Yao Y.，数字经济指数（`digeco`），见 *The impact of carbon emission trading "
                    "on the digital economy* 的复现文件，GitHub `Yuyang-Yao75`（非官方统计）。",
        "caveats": [
            "非官方统计，方法未说明（可信度低）。每一行都标记为 `not_official`。",
            "30个省（区、市，不含西藏），2010—2021年。",
        ],
        "vintages": {"yuyangyao_2024": "仓库中提交的工作簿 `official_run.xlsx`（数值按12位有效数字"
                                       "输出，以去掉浮点误差）。"},
        "licence": "公开仓库中的第三方研究成果，未声明许可；注明出处后转载，仅供比较。",
        "flags": zh_flags(["not_official"], not_official="由第三方用未说明的方法计算；"
                                                         "不是官方统计"),
    },
}

TABLES = with_zh(TABLES, ZH_META)
