"""GDELT, ICEWS, POLECAT and CSV exports read back with pandas under the published column
names and types; codes such as CAMEO "042" stay strings with the shipped dtypes.json."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pytest

from redshank.cli import main
from redshank.export.gdelt import event_columns
from tests.export.conftest import export

# GDELT 2.0 Event Codebook: the event table's 61 fields in file order.
GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{field}" for n in (1, 2) for field in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{geo}_{field}" for geo in ("Actor1Geo", "Actor2Geo", "ActionGeo") for field in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
]  # fmt: skip
GDELT_INTEGERS = {"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "IsRootEvent", "QuadClass",
                  "NumMentions", "NumSources", "NumArticles", "Actor1Geo_Type",
                  "Actor2Geo_Type", "ActionGeo_Type", "DATEADDED"}
GDELT_FLOATS = {"FractionDate", "GoldsteinScale", "AvgTone", "Actor1Geo_Lat", "Actor1Geo_Long",
                "Actor2Geo_Lat", "Actor2Geo_Long", "ActionGeo_Lat", "ActionGeo_Long"}
ICEWS_COLUMNS = [
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
    "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
    "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude",
    "Longitude",
]
# POLECAT's weekly files on Harvard Dataverse (doi:10.7910/DVN/AJGVIT), in file order.
POLECAT_COLUMNS = [
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code",
    "Contexts", "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector",
    "Actor Sectors", "Actor Title", "Actor Name Raw", "Wikipedia Actor ID", "Recipient Name",
    "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID", "Placename", "City",
    "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename",
    "Feature Type", "Source", "Publication Date", "Story People", "Story Organizations",
    "Story Locations", "Language", "Version",
]


def read(folder: Path, name: str) -> pd.DataFrame:
    """A file read back the way docs/formats.md tells users to: with dtypes.json."""
    spec = json.loads((folder / "dtypes.json").read_text(encoding="utf-8"))[name]
    return pd.read_csv(folder / name, **spec)


@pytest.fixture(scope="module")
def gdelt(ingested: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export(ingested, tmp_path_factory.mktemp("gdelt"), "gdelt")


def test_gdelt_columns_are_the_codebooks_in_order_with_its_types() -> None:
    assert [c.name for c in event_columns()] == GDELT_COLUMNS
    assert {c.name for c in event_columns() if c.dtype == "Int64"} == GDELT_INTEGERS
    assert {c.name for c in event_columns() if c.dtype == "float64"} == GDELT_FLOATS


def test_gdelt_reads_back_with_the_published_names_and_types(gdelt: Path) -> None:
    dtypes = {name: "Int64" if name in GDELT_INTEGERS else
              "float64" if name in GDELT_FLOATS else "string" for name in GDELT_COLUMNS}
    frame = pd.read_csv(gdelt / "gdelt.export.tsv", sep="\t", header=None,
                        names=GDELT_COLUMNS, dtype=dtypes, quoting=csv.QUOTE_NONE)
    with (gdelt / "gdelt.export.tsv").open(encoding="utf-8") as handle:
        assert all(line.count("\t") == 60 for line in handle)
    assert len(frame) > 50 and frame["GLOBALEVENTID"].is_unique
    assert frame.equals(read(gdelt, "gdelt.export.tsv"))
    assert set(frame["QuadClass"]) <= {1, 2, 3, 4}
    assert frame["GoldsteinScale"].between(-10, 10).all()
    assert (frame["EventRootCode"] == frame["EventCode"].str[:2]).all()
    assert frame["EventCode"].str.startswith("0").any()  # "087", not 87
    assert (frame["SQLDATE"] // 100 == frame["MonthYear"]).all()
    assert (frame["NumArticles"] <= frame["NumMentions"]).all()
    assert frame["DATEADDED"].astype(str).str.len().eq(14).all()
    baghdad = frame[frame["ActionGeo_FullName"].str.startswith("Baghdad", na=False)]
    assert set(baghdad["ActionGeo_CountryCode"]) == {"IZ"}  # FIPS 10-4, not ISO
    assert set(baghdad["ActionGeo_Type"]) == {4}


def test_gdelt_quad_class_and_goldstein_follow_cameo(gdelt: Path) -> None:
    frame = read(gdelt, "gdelt.export.tsv")
    roots = frame["EventRootCode"].astype(int)
    expected = roots.map(lambda r: 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4)
    assert (frame["QuadClass"] == expected).all()
    visits = frame[frame["EventCode"] == "042"]
    assert visits.empty or (visits["GoldsteinScale"] == 1.9).all()


def test_gdelt_counts_reports_and_cites_every_source(gdelt: Path) -> None:
    frame = read(gdelt, "gdelt.export.tsv")
    sources = read(gdelt, "gdelt.sources.tsv")
    assert frame["NumArticles"].max() >= 3
    widest = frame.loc[frame["NumArticles"].idxmax()]
    cited = sources[sources["GLOBALEVENTID"] == widest["GLOBALEVENTID"]]
    assert cited["doc_id"].nunique() == widest["NumArticles"]
    assert cited["publisher"].notna().all() and cited["title"].notna().all()


def test_icews_reads_back_with_its_columns_first(ingested: str, tmp_path: Path) -> None:
    frame = read(export(ingested, tmp_path, "icews"), "icews.tsv")
    assert list(frame.columns[:20]) == ICEWS_COLUMNS
    assert list(frame.columns[20:]) == ["Headline", "URL", "Redshank ID", "Auxiliary"]
    assert frame["CAMEO Code"].dtype == "string" and frame["CAMEO Code"].str.len().ge(2).all()
    assert frame["Event ID"].dtype == "Int64" and frame["Event ID"].is_unique
    assert frame["Intensity"].dtype == "float64"
    assert frame["Event Text"].notna().all()
    assert "Star Tribune (New York Times)" in set(frame["Publisher"])


def test_polecat_reads_back_with_its_columns_first(ingested: str, tmp_path: Path) -> None:
    frame = read(export(ingested, tmp_path, "polecat"), "polecat.tsv")
    assert list(frame.columns[:40]) == POLECAT_COLUMNS
    assert list(frame.columns[40:]) == ["Headline", "URL", "Auxiliary"]
    assert frame["Quad Code"].dtype == "Int64" and frame["GeoNames ID"].dtype == "Int64"
    assert set(frame["Event Type"]) <= {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE",
                                        "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
                                        "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
                                        "COERCE", "ASSAULT"}
    assert frame["Source"].notna().any() and frame["Headline"].notna().any()


def test_csv_keeps_codes_as_strings_with_the_dtype_map(ingested: str, tmp_path: Path) -> None:
    folder = export(ingested, tmp_path, "csv")
    frame = read(folder, "events.csv")
    assert frame["cameo"].str.startswith("0").any()
    assert pd.read_csv(folder / "events.csv")["cameo"].dtype != object  # why the map exists
    assert frame["sentence_index"].dtype == "Int64" and frame["actor_inferred"].dtype == "boolean"
    assert frame["event_id"].is_unique and frame["title"].notna().any()


def test_merged_csv_has_one_row_per_cluster(ingested: str, tmp_path: Path) -> None:
    single = read(export(ingested, tmp_path / "single", "csv"), "events.csv")
    merged = read(export(ingested, tmp_path / "merged", "csv", "--merged"), "events.csv")
    assert len(merged) < len(single) and merged["id"].is_unique
    assert merged["reports"].max() >= 3
    assert merged["reports"].sum() >= single["doc_id"].groupby(single["cluster_id"]).nunique().sum()


def test_all_adds_hidden_events_to_every_format(ingested: str, tmp_path: Path) -> None:
    default = read(export(ingested, tmp_path / "default", "icews"), "icews.tsv")
    everything = read(export(ingested, tmp_path / "all", "icews", "--all"), "icews.tsv")
    assert len(everything) > len(default)
    assert set(default["Auxiliary"].dropna()) <= {"historical"}
    assert {"negated", "hypothetical", "future"} & set(everything["Auxiliary"].dropna())


def test_export_help_names_the_files_of_every_format(capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    text = capsys.readouterr().out
    for name in ("plover.jsonl", "polecat.tsv", "gdelt.export.tsv", "gdelt.sources.tsv",
                 "icews.tsv", "events.csv", "dtypes.json", "events, clusters"):
        assert name in text
