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

from .common import STANDARD_FLAGS, Table, add_flag, obtained_from
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
