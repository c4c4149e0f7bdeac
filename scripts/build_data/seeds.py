"""Builder for ``seed_facts``: every quantitative figure quoted in the four seed documents.

The seeds (``../shared/seeds/``) are a conference paper on Hebei's digital economy (000), two
China Daily articles (001, 003) and a paper on the Bohai Rim's innovation-driven economy (004).
Each fact below is typed from the document with a short EXACT quote; the build reads the
documents and fails if a quote (or the number as written inside it) is not found, so the table
can never drift from the texts. The figures are claims to be checked, not statistics: the kit's
claims registry compares them with the official tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from .common import BuildError, Table, with_zh

#: Seed documents, relative to the folder beside ``sources`` (``../shared/seeds``).
DOCS: dict[str, str] = {
    "seed000": "000_1aef761589647f02.txt",
    "seed001": "001_9e6ddf144e60c395.txt",
    "seed003": "003_4589358bf7039e5b.txt",
    "seed004": "004_8a45d32aa1466518.txt",
}

BOHAI_SEED004 = "Bohai Rim (Beijing, Tianjin + 13 cities)"
BOHAI_SEED004_ZH = "环渤海地区(京津+13市)"
BOHAI_DEFINITION = (
    "As stated in seed 004 section 2: Beijing and Tianjin plus 13 prefecture-level cities of "
    "Shandong, Hebei and Liaoning around Bohai Bay. The area share 5.4 % is reproduced only by "
    "the five whole provinces (5.44 %, see province_land_area): check every share under both "
    "definitions.")


@dataclass(frozen=True)
class Fact:
    """One figure quoted in a seed document."""

    code: str
    doc: str
    section: str
    region: str
    region_zh: str
    year: int
    year_basis: str  # "stated" | "inferred" | "not_stated"
    value: float
    unit: str
    value_as_written: str
    qualifier: str  # "=", ">", ">=", "about", "nearly"
    subject: str
    quote: str
    name_en: str
    name_zh: str
    region_definition: str = ""


_S000_21 = "2.1. Geographical Location and Transportation Advantages"
_S000_22 = "2.2. Resource advantages"
_S001 = "article body (China Daily, 7 March 2024)"
_S003 = "article body (China Daily, 21 September 2020)"
_S004_2 = "2. Conditions and Current Status of Innovative Economic Development in the Bohai Rim"
_S004_21 = "2.1. Conditions for Innovative Economic Development in the Bohai Rim"
_HB, _HB_ZH = "Hebei", "河北"
_SJZ, _SJZ_ZH = "Shijiazhuang", "石家庄市"
_LF, _LF_ZH = "Langfang", "廊坊市"

FACTS: list[Fact] = [
    # ---- seed 000: Zihe Liu, digital economy and Hebei's transformation (no year in the text)
    Fact("seed000_hebei_coastline", "seed000", _S000_21, _HB, _HB_ZH, 2024, "not_stated",
         487.3, "km", "487.3", "=", "Hebei's coastline",
         "with a coastline of 487.3 kilometers", "Hebei coastline length", "河北海岸线长度"),
    Fact("seed000_hebei_expressway_mileage", "seed000", _S000_21, _HB, _HB_ZH, 2024,
         "not_stated", 1000, "km", "1,000", ">", "Hebei's expressways",
         "the mileage of expressways is more than 1,000 kilometers",
         "Hebei expressway mileage (lower bound)", "河北高速公路里程(下限)"),
    Fact("seed000_hebei_ports_throughput_capacity", "seed000", _S000_21, _HB, _HB_ZH, 2024,
         "not_stated", 500, "million tonnes", "500 million", ">",
         "Qinhuangdao, Tangshan and Huanghua ports",
         "have an annual throughput capacity of more than 500 million tons",
         "Annual throughput capacity of Hebei's three major ports (lower bound)",
         "河北三大港口年通过能力(下限)"),
    Fact("seed000_hebei_iron_ore_reserves", "seed000", _S000_22, _HB, _HB_ZH, 2024,
         "not_stated", 5.96, "billion tonnes", "5.96 billion", "=", "Hebei's iron ore",
         "iron ore reserves of 5.96 billion tons", "Hebei iron ore reserves", "河北铁矿石储量"),
    Fact("seed000_hebei_coastal_developable_land", "seed000", _S000_22, _HB, _HB_ZH, 2024,
         "not_stated", 5, "million mu", "5 million", ">",
         "Hebei's coastal tidal flats and saline-alkali land",
         "over 5 million mu of developable land",
         "Developable coastal land in Hebei (lower bound; 1 mu = 1/15 ha)",
         "河北沿海可开发土地(下限)"),
    Fact("seed000_hebei_deepwater_coastline", "seed000", _S000_22, _HB, _HB_ZH, 2024,
         "not_stated", 80.7, "km", "80.7", "=", "Hebei's deep-water coastline",
         "a 80.7-kilometer deep-water coastline", "Hebei deep-water coastline length",
         "河北深水岸线长度"),
    # ---- seed 001: China Daily, Beijing-Tianjin-Hebei 10 years on (7 March 2024)
    Fact("seed001_hebei_major_industries_transformed", "seed001", _S001, _HB, _HB_ZH, 2024,
         "not_stated", 6, "industries", "six", "=", "steel, coal, cement, thermal power, ...",
         "accelerate the transformation in six major industries",
         "Major industries under accelerated transformation in Hebei", "河北加快转型的主要行业数"),
    Fact("seed001_zgc_branches_tianjin_hebei", "seed001", _S001, "Tianjin and Hebei",
         "天津和河北", 2023, "inferred", 10000, "branches", "10,000", ">",
         "enterprises of Beijing's Zhongguancun high-tech area",
         "had established more than 10,000 branches in Tianjin and Hebei province",
         "Branches of Zhongguancun enterprises in Tianjin and Hebei (end of December)",
         "中关村企业在津冀设立的分支机构数"),
    Fact("seed001_hebei_companies_attracted", "seed001", _S001, _HB, _HB_ZH, 2024,
         "not_stated", 43000, "companies", "43,000", "about",
         "companies attracted to Hebei (provincial development and reform commission)",
         "Hebei has attracted around 43,000 companies",
         "Companies Hebei has attracted (cumulative)", "河北累计引进企业数"),
    Fact("seed001_hebei_leading_industries", "seed001", _S001, _HB, _HB_ZH, 2024,
         "not_stated", 12, "industries", "12", "=", "leading industries nurtured by Hebei",
         "It has nurtured 12 leading industries", "Leading industries nurtured in Hebei",
         "河北培育的主导产业数"),
    Fact("seed001_hebei_county_distinctive_industries", "seed001", _S001, _HB, _HB_ZH, 2024,
         "not_stated", 107, "industries", "107", "=", "county-level distinctive industries",
         "107 distinctive industries at the county level",
         "County-level distinctive industries in Hebei", "河北县域特色产业数"),
    Fact("seed001_hebei_hightech_va_share_2023", "seed001", _S001, _HB, _HB_ZH, 2023,
         "inferred", 21.4, "percent", "21.4", "=",
         "high-tech industries in industry above designated size",
         "has increased to 21.4 percent from 13.1 percent in 2014",
         "High-tech share of value added of industry above designated size (latest)",
         "高新技术产业增加值占规上工业比重(最新)"),
    Fact("seed001_hebei_hightech_va_share_2014", "seed001", _S001, _HB, _HB_ZH, 2014,
         "stated", 13.1, "percent", "13.1", "=",
         "high-tech industries in industry above designated size",
         "has increased to 21.4 percent from 13.1 percent in 2014",
         "High-tech share of value added of industry above designated size, 2014",
         "2014年高新技术产业增加值占规上工业比重"),
    Fact("seed001_above_designated_size_threshold", "seed001", _S001, "China", "全国", 2024,
         "not_stated", 20, "million yuan", "20 million", ">=",
         "definition of industrial enterprises above designated size",
         "those with 20 million yuan or more in annual revenue",
         "Revenue threshold of 'above designated size' industrial enterprises",
         "规模以上工业企业主营业务收入门槛"),
    Fact("seed001_luquan_firms_from_beijing_tianjin", "seed001", _S001, _SJZ, _SJZ_ZH, 2024,
         "not_stated", 50, "companies", "50", ">=", "Luquan Economic Development Zone",
         "at least 50 companies from Beijing and Tianjin have thrived in the zone",
         "Beijing and Tianjin companies in the Luquan zone (lower bound)",
         "鹿泉经济开发区的京津企业数(下限)"),
    Fact("seed001_luquan_electronic_info_enterprises", "seed001", _S001, _SJZ, _SJZ_ZH, 2024,
         "not_stated", 1060, "enterprises", "1,060", "=", "Luquan Economic Development Zone",
         "home to 1,060 electronic information enterprises",
         "Electronic information enterprises in the Luquan zone", "鹿泉经济开发区电子信息企业数"),
    Fact("seed001_luquan_operating_income_2023", "seed001", _S001, _SJZ, _SJZ_ZH, 2023,
         "stated", 85, "billion yuan", "85 billion", ">", "Luquan Economic Development Zone",
         "in 2023, total operating income surpassed 85 billion yuan",
         "Operating income of the Luquan zone's electronic information enterprises",
         "鹿泉经济开发区电子信息企业营业收入"),
    Fact("seed001_luquan_operating_income_growth_2023", "seed001", _S001, _SJZ, _SJZ_ZH, 2023,
         "stated", 34.9, "percent", "34.9", "=", "Luquan Economic Development Zone",
         "marking a year-on-year growth of 34.9 percent",
         "Growth of the Luquan zone's operating income", "鹿泉经济开发区营业收入增速"),
    Fact("seed001_shenyue_employees", "seed001", _S001, _SJZ, _SJZ_ZH, 2024, "not_stated",
         1500, "employees", "1,500", ">", "Hebei Shenyue Soft (company)",
         "to over 1,500 with 13 branches in China", "Employees of Hebei Shenyue Soft",
         "河北神玥软件员工数"),
    Fact("seed001_shenyue_branches", "seed001", _S001, _SJZ, _SJZ_ZH, 2024, "not_stated",
         13, "branches", "13", "=", "Hebei Shenyue Soft (company)",
         "to over 1,500 with 13 branches in China", "Branches of Hebei Shenyue Soft in China",
         "河北神玥软件国内分支机构数"),
    # ---- seed 003: China Daily, county industries in Hebei (21 September 2020)
    Fact("seed003_hebei_cluster_counties_2019", "seed003", _S003, _HB, _HB_ZH, 2019, "stated",
         269, "counties", "269", "=", "hallmark (characteristic) industrial clusters",
         "hallmark industrial clusters in 269 counties in Hebei",
         "Counties with hallmark industrial clusters", "拥有特色产业集群的县数"),
    Fact("seed003_hebei_cluster_income_2019", "seed003", _S003, _HB, _HB_ZH, 2019, "stated",
         1.98, "trillion yuan", "1.98 trillion", "=",
         "hallmark industrial clusters in 269 counties",
         "was 1.98 trillion yuan ($290 billion)",
         "Operating income of county hallmark industrial clusters", "县域特色产业集群营业收入"),
    Fact("seed003_hebei_cluster_income_usd_2019", "seed003", _S003, _HB, _HB_ZH, 2019,
         "stated", 290, "billion US dollars", "290 billion", "=",
         "hallmark industrial clusters in 269 counties (dollar conversion by the newspaper)",
         "was 1.98 trillion yuan ($290 billion)",
         "Operating income of county hallmark industrial clusters, in US dollars",
         "县域特色产业集群营业收入(美元)"),
    Fact("seed003_hebei_cluster_income_growth_2019", "seed003", _S003, _HB, _HB_ZH, 2019,
         "stated", 14.85, "percent", "14.85", "=", "hallmark industrial clusters",
         "a year-on-year increase of 14.85 percent",
         "Growth of county hallmark industrial clusters' operating income",
         "县域特色产业集群营业收入增速"),
    Fact("seed003_hebei_industrial_clusters_developed", "seed003", _S003, _HB, _HB_ZH, 2020,
         "not_stated", 12, "clusters", "12", "=", "industrial clusters developed by Hebei",
         "The province has developed 12 industrial clusters",
         "Industrial clusters developed by the province", "河北培育的产业集群数"),
    Fact("seed003_hebei_digital_workshops", "seed003", _S003, _HB, _HB_ZH, 2020, "not_stated",
         251, "workshops", "251", "=", "'thousands of enterprises going to the cloud' campaigns",
         "which included 251 digital workshops and more than 8,000 companies",
         "Digital workshops in Hebei's smart-manufacturing campaigns", "数字化车间数"),
    Fact("seed003_hebei_companies_to_cloud", "seed003", _S003, _HB, _HB_ZH, 2020, "not_stated",
         8000, "companies", "8,000", ">", "'thousands of enterprises going to the cloud' campaigns",
         "which included 251 digital workshops and more than 8,000 companies",
         "Companies in Hebei's cloud and industrial-internet campaigns (lower bound)",
         "参与上云行动的企业数(下限)"),
    Fact("seed003_visionox_standards", "seed003", _S003, _LF, _LF_ZH, 2020, "not_stated",
         10, "standards", "10", "=", "Gu'an Visionox (OLED supplier, Gu'an county)",
         "has formulated and revised 10 of its high-end standards",
         "High-end standards formulated or revised by Visionox", "维信诺制修订高端标准数"),
    Fact("seed003_visionox_patented_technologies", "seed003", _S003, _LF, _LF_ZH, 2020,
         "not_stated", 5562, "patented technologies", "5,562", "=",
         "Gu'an Visionox (OLED supplier, Gu'an county)", "with 5,562 patented technologies",
         "Patented technologies of Visionox", "维信诺专利技术数"),
    Fact("seed003_duofu_output_value_2019", "seed003", _S003, "Handan", "邯郸市", 2019,
         "inferred", 100, "million yuan", "100 million", "nearly",
         "Hebei Duofu Food (Qiuxian county)",
         "the output value of the company was nearly 100 million yuan",
         "Output value of Hebei Duofu Food", "河北多福食品产值"),
    Fact("seed003_duofu_output_growth_2019", "seed003", _S003, "Handan", "邯郸市", 2019,
         "inferred", 20, "percent", "20", "=", "Hebei Duofu Food (Qiuxian county)",
         "a year-on-year increase of 20 percent", "Growth of Hebei Duofu Food's output value",
         "河北多福食品产值增速"),
    Fact("seed003_qiuxian_projects_signed_2020h1", "seed003", _S003, "Handan", "邯郸市", 2020,
         "inferred", 20, "projects", "20", "=", "Qiuxian county, first half of 2020",
         "Qiuxian county signed 20 projects",
         "Projects signed by Qiuxian county, January-June", "邱县上半年签约项目数"),
    Fact("seed003_qiuxian_food_companies_2020h1", "seed003", _S003, "Handan", "邯郸市", 2020,
         "inferred", 7, "companies", "seven", "=", "Qiuxian county, first half of 2020",
         "including seven well-known food companies from Beijing and Tianjin",
         "Well-known Beijing and Tianjin food companies among Qiuxian's projects",
         "邱县签约的京津知名食品企业数"),
    Fact("seed003_guan_supply_chain_enterprises", "seed003", _S003, _LF, _LF_ZH, 2020,
         "not_stated", 32, "enterprises", "32", "about", "Gu'an county (Visionox and BOE)",
         "have brought about 32 upstream and downstream enterprises",
         "Upstream and downstream enterprises brought to Gu'an", "固安引进上下游企业数"),
    Fact("seed003_bazhou_revenue_2019", "seed003", _S003, _LF, _LF_ZH, 2019, "stated",
         3.64, "billion yuan", "3.64 billion", "=", "Bazhou city (food industry chain)",
         "The city achieved a revenue of 3.64 billion yuan in 2019",
         "Revenue of Bazhou's food industry chain", "霸州食品产业链营业收入"),
    Fact("seed003_bazhou_revenue_growth_2019", "seed003", _S003, _LF, _LF_ZH, 2019, "stated",
         15.6, "percent", "15.6", "=", "Bazhou city (food industry chain)",
         "a growth rate of 15.6 percent year-on-year",
         "Growth of Bazhou's food-industry revenue", "霸州食品产业营业收入增速"),
    # ---- seed 004: Fei Miao, innovation-driven economy in the Bohai Rim (2024)
    Fact("seed004_bohai_cities", "seed004", _S004_2, BOHAI_SEED004, BOHAI_SEED004_ZH, 2024,
         "not_stated", 13, "cities", "13", "=", "prefecture-level cities in the Bohai Rim",
         "13 prefecture-level cities in Shandong, Hebei, and Liaoning provinces",
         "Prefecture-level cities of Shandong, Hebei and Liaoning in the Bohai Rim",
         "环渤海地区鲁冀辽地级市数", BOHAI_DEFINITION),
    Fact("seed004_bohai_area_share", "seed004", _S004_2, BOHAI_SEED004, BOHAI_SEED004_ZH, 2023,
         "inferred", 5.4, "percent", "5.4", "=", "Bohai Rim's share of China's area",
         "The area and population account for 5.4% and 17.7% of the country",
         "Bohai Rim share of China's land area", "环渤海地区面积占全国比重", BOHAI_DEFINITION),
    Fact("seed004_bohai_population_share", "seed004", _S004_2, BOHAI_SEED004,
         BOHAI_SEED004_ZH, 2023, "inferred", 17.7, "percent", "17.7", "=",
         "Bohai Rim's share of China's population",
         "The area and population account for 5.4% and 17.7% of the country",
         "Bohai Rim share of China's population", "环渤海地区人口占全国比重", BOHAI_DEFINITION),
    Fact("seed004_bohai_gdp_share_2023", "seed004", _S004_2, BOHAI_SEED004, BOHAI_SEED004_ZH,
         2023, "stated", 26, "percent", "26", "=", "Bohai Rim's share of China's GDP",
         "its GDP in 2023 accounted for 26% of the national total",
         "Bohai Rim share of China's GDP, 2023", "2023年环渤海地区GDP占全国比重",
         BOHAI_DEFINITION),
    Fact("seed004_bohai_ports", "seed004", _S004_21, BOHAI_SEED004, BOHAI_SEED004_ZH, 2024,
         "not_stated", 40, "ports", "40", ">", "ports around Bohai Bay",
         "with more than 40 ports such as Tianjin, Qinhuangdao, Yantai, and Dalian",
         "Ports of the Bohai Rim (lower bound)", "环渤海港口数(下限)", BOHAI_DEFINITION),
    Fact("seed004_bohai_universities", "seed004", _S004_21, BOHAI_SEED004, BOHAI_SEED004_ZH,
         2024, "not_stated", 300, "universities", "300", "nearly", "universities in the Bohai Rim",
         "The Bohai Rim region has nearly 300 universities", "Universities in the Bohai Rim",
         "环渤海地区高校数", BOHAI_DEFINITION),
    Fact("seed004_beijing_tianjin_researcher_share", "seed004", _S004_21, "Beijing and Tianjin",
         "北京和天津", 2024, "not_stated", 25, "percent", "one-fourth", "=",
         "researchers in universities and research institutes",
         "in Beijing and Tianjin alone accounts for one-fourth of the national total",
         "Beijing and Tianjin share of China's researchers in universities and institutes",
         "京津高校和科研院所研究人员占全国比重"),
]

_YEAR_FLAG = {"inferred": "year_inferred", "not_stated": "year_not_stated", "stated": ""}
FLAGS = {
    "year_inferred": "the document implies the year without stating it (e.g. 'last year', "
                     "'as of the end of December', or the year of the same sentence's other "
                     "figure)",
    "year_not_stated": "the document gives no year for the figure: year is the document's "
                       "publication year (seed 000: the latest year it cites, 2024)",
}


def _hi(f: Fact) -> float:
    return 100.0 if f.unit == "percent" else float(max(10.0, f.value * 10))


SEED_INDICATORS: dict[str, dict[str, Any]] = {
    f.code: {"name_en": f.name_en, "name_zh": f.name_zh, "unit": f.unit,
             "description": f"Figure quoted in seed {f.doc[4:]} ({f.subject}); qualifier "
                            f"'{f.qualifier}'. A claim to check, not an official statistic.",
             "better": "neither", "min": 0.0, "max": _hi(f)}
    for f in FACTS
}


def seeds_dir(sources_root: Path) -> Path:
    """The seed documents live beside ``sources``: ``<shared>/seeds``."""
    return Path(sources_root).parent / "seeds"


def build_seed_facts(root: Path) -> pd.DataFrame:
    """The facts table; fails if a quote or a number's wording is not in its document."""
    texts: dict[str, str] = {}
    for code, fname in DOCS.items():
        path = seeds_dir(root) / fname
        if not path.is_file():
            raise BuildError(f"seed document missing: {path}")
        texts[code] = path.read_text(encoding="utf-8")
    rows = []
    for f in FACTS:
        if f.quote not in texts[f.doc]:
            raise BuildError(f"{f.code}: quote not found in {DOCS[f.doc]}: {f.quote!r}")
        if f.value_as_written not in f.quote:
            raise BuildError(f"{f.code}: {f.value_as_written!r} is not in its quote")
        rows.append({
            "region": f.region, "region_zh": f.region_zh, "year": f.year, "indicator": f.code,
            "value": float(f.value), "unit": f.unit, "vintage": f.doc,
            "flag": _YEAR_FLAG[f.year_basis], "document": DOCS[f.doc], "section": f.section,
            "quote": f.quote, "value_as_written": f.value_as_written, "qualifier": f.qualifier,
            "subject": f.subject, "region_definition": f.region_definition,
        })
    return pd.DataFrame(rows)


_TEXT = "string"
TABLES: list[Table] = [
    Table(
        name="seed_facts",
        title="Figures quoted in the seed documents (claims to check, not statistics)",
        description=(
            "Every quantitative figure in the four seed documents (two papers, two China Daily "
            "articles): value, unit, what it measures, the document and section, a short exact "
            "quote and the region it refers to. Notebooks compare these claims with the "
            "official tables."),
        build=build_seed_facts,
        origin={
            "producer": "Authors of the seed documents (not statistics offices)",
            "publication": "Seed 000: Zihe Liu, 'Analysis of the Role of Digital Economy in "
                           "Hebei Province's Economic Transformation' (conference paper). Seed "
                           "001: Zheng Jinran and Zhang Yu, 'Beijing-Tianjin-Hebei coordination "
                           "nets results', China Daily, 7 March 2024. Seed 003: Yuan Shenggao, "
                           "'County industries given chance to grow in Hebei', China Daily, 21 "
                           "September 2020. Seed 004: Fei Miao, 'Research on the Development of "
                           "an Innovation-Driven Economy in the Bohai Rim' (paper, 2024).",
            "table": "Figures in the running text, typed with an exact quote",
            "vintages": {
                "seed000": "Zihe Liu, digital economy and Hebei's transformation; no "
                           "publication date in the text (latest reference 2024).",
                "seed001": "China Daily, 7 March 2024.",
                "seed003": "China Daily, 21 September 2020.",
                "seed004": "Fei Miao, Bohai Rim innovation-driven economy, 2024 (cites the 2024 "
                           "Government Work Report).",
            },
            "obtained_from": [{"page": f"../shared/seeds/{fname}"} for fname in DOCS.values()],
            "licence_note": "Short quotations from copyrighted articles and papers, used for "
                            "commentary and teaching with attribution; the figures are the "
                            "authors' claims.",
            "caveats": [
                "These are CLAIMS, not statistics: check them against the official tables "
                "(helpers.claims) before using them.",
                "qualifier says how the figure is worded: '=' exact, '>' 'more than', '>=' 'at "
                "least', 'about', 'nearly'; value_as_written keeps the wording ('one-fourth' "
                "-> 25 percent, 'seven' -> 7).",
                "Years: 'stated' years carry no flag; year_inferred and year_not_stated mark the "
                "others (see flags).",
                "Seed 004 defines the Bohai Rim as Beijing, Tianjin and 13 cities of Shandong, "
                "Hebei and Liaoning, but its 5.4 % area share matches the five WHOLE provinces; "
                "region_definition says so.",
                "Figures about companies, zones and counties are kept with the city that "
                "contains them (subject names the entity).",
                "Qualitative claims (e.g. 'R&D intensity rose every year except in Shandong') "
                "are not figures and are not in this table.",
            ],
            "citation": "Figures quoted in the kit's seed documents (Liu; Zheng and Zhang, "
                        "China Daily 2024; Yuan, China Daily 2020; Miao 2024).",
        },
        indicators=SEED_INDICATORS,
        flags=FLAGS,
        extra_fields=[
            {"name": "document", "type": _TEXT, "constraints": {"required": True},
             "description": "File name of the seed document in ../shared/seeds."},
            {"name": "section", "type": _TEXT, "constraints": {"required": True},
             "description": "Section of the document the figure is in."},
            {"name": "quote", "type": _TEXT, "constraints": {"required": True},
             "description": "Short exact quote containing the figure."},
            {"name": "value_as_written", "type": _TEXT, "constraints": {"required": True},
             "description": "The figure as written in the quote."},
            {"name": "qualifier", "type": _TEXT,
             "constraints": {"required": True, "enum": ["=", ">", ">=", "about", "nearly"]},
             "description": "How the figure is worded: exact, more than, at least, about, "
                            "nearly."},
            {"name": "subject", "type": _TEXT, "constraints": {"required": True},
             "description": "What or whom the figure is about."},
            {"name": "region_definition", "type": _TEXT,
             "description": "For regional aggregates: how the document defines the region, "
                            "and what the figure implies."},
        ],
    ),
]


# --------------------------------------------------------------------------------------------
# Chinese metadata (Table.zh), caveats in the same order as the English ones
# --------------------------------------------------------------------------------------------

ZH_META: dict[str, dict[str, Any]] = {
    "seed_facts": {
        "title": "种子文件中引用的数字（待核对的说法，不是统计数据）",
        "description": "四份种子文件（两篇论文、两篇《中国日报》文章）中的每一个数量数字：数值、"
                       "单位、衡量什么、所在文件和章节、一小段原文引语以及所指的地区。"
                       "各课把这些说法与官方表格作比较。",
        "producer": "种子文件的作者（不是统计机构）",
        "publication": "种子000：Zihe Liu，*Analysis of the Role of Digital Economy in Hebei "
                       "Province's Economic Transformation*（会议论文）。种子001：Zheng Jinran、"
                       "Zhang Yu，*Beijing-Tianjin-Hebei coordination nets results*，《中国日报》，"
                       "2024年3月7日。种子003：Yuan Shenggao，*County industries given chance to "
                       "grow in Hebei*，《中国日报》，2020年9月21日。种子004：Fei Miao，*Research "
                       "on the Development of an Innovation-Driven Economy in the Bohai "
                       "Rim*（论文，2024年）。",
        "table": "正文中的数字，逐个录入并附原文引语",
        "citation": "本工具包种子文件中引用的数字（Liu；Zheng、Zhang，《中国日报》2024年；Yuan，"
                    "《中国日报》2020年；Miao 2024）。",
        "caveats": [
            "这些是说法，不是统计数据：使用前先与官方表格核对（`helpers.claims`）。",
            "`qualifier` 列说明数字的措辞：“=”为确切数，“>”为“超过”，“>=”为“至少”，以及“约”“近”；"
            "`value_as_written` 列保留原文措辞（“one-fourth”→25%，“seven”→7）。",
            "年份：文件写明的年份不加标记；`year_inferred` 和 `year_not_stated` "
            "标出其他情况（见标记）。",
            "种子004把环渤海地区界定为北京、天津以及山东、河北、辽宁的13个城市，"
            "但其5.4%的面积比重与五个完整省市相符；`region_definition` 列对此作了说明。",
            "关于企业、园区和县的数字记在其所在城市之下（`subject` 列写明具体对象）。",
            "定性的说法（例如“除山东外，R&D经费投入强度逐年上升”）不是数字，不在本表中。",
        ],
        "vintages": {
            "seed000": "Zihe Liu，数字经济与河北转型；正文中没有发表日期（引用的最新文献为2024年）"
                       "。",
            "seed001": "《中国日报》，2024年3月7日。",
            "seed003": "《中国日报》，2020年9月21日。",
            "seed004": "Fei Miao，环渤海创新驱动型经济，2024年（引用了2024年政府工作报告）。",
        },
        "licence": "对受版权保护的文章和论文的简短引用，注明出处后用于评论和教学；"
                   "数字是作者的说法。",
        "flags": {
            "year_inferred": "文件暗示了年份但没有写明（例如“去年”“截至12月底”，"
                             "或同一句中另一个数字的年份）",
            "year_not_stated": "文件没有给出该数字的年份：年份记为文件的发表年份（种子000："
                               "其引用的最新年份，2024年）",
        },
    },
}

TABLES = with_zh(TABLES, ZH_META)
