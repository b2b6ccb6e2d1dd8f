"""The synthetic country: import layouts, sizes and distributions, determinism, and the planted
patterns with the values that make the default rules fire. The country is generated once per
module (a few seconds) and read back with pandas, as the importer will."""

import re

import numpy as np
import pandas as pd
import pytest
from django.core.management import CommandError, call_command

from monitoring.generator import config, planted
from monitoring.generator.geography import MUNICIPALITIES_CSV
from monitoring.key_figures_data import KEY_FIGURES, STATUTORY_RATES

SEED = 7
YEARS = range(2015, 2025)
TEXT = {"org_no": str, "estate_no": str}
IMPORTED = [code for code, *_, derived, _ in KEY_FIGURES if not derived]
DERIVED = [code for code, *_, derived, _ in KEY_FIGURES if derived]
LEVELS = {code: levels for code, _, _, levels, *_ in KEY_FIGURES}
KINDS = {code: kind for code, _, _, _, _, kind, *_ in KEY_FIGURES}


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory):
    directory = tmp_path_factory.mktemp("country")
    call_command(
        "generate_keyfigures", "--seed", str(SEED), "--years", "2015-2024", "--out", str(directory)
    )
    return directory


@pytest.fixture(scope="module")
def raw(out_dir):
    """Every key-figure file as text, exactly as written."""
    return {
        y: pd.read_csv(out_dir / f"key_figures_{y}.csv", dtype=str, keep_default_na=False)
        for y in YEARS
    }


@pytest.fixture(scope="module")
def figures(out_dir):
    frames = [pd.read_csv(out_dir / f"key_figures_{y}.csv", dtype=TEXT) for y in YEARS]
    return pd.concat(frames, ignore_index=True).fillna({"estate_no": ""})


@pytest.fixture(scope="module")
def orgs(out_dir):
    return pd.read_csv(out_dir / "organisations.csv", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def estates(out_dir):
    return pd.read_csv(out_dir / "estates.csv", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def estate_rows(figures, estates):
    """Estate-year rows with their location, region and home type, and the derived figures."""
    municipalities = pd.read_csv(MUNICIPALITIES_CSV)
    region = dict(
        zip(municipalities["kommunekode"].astype(str), municipalities["regionskode"], strict=True)
    )
    master = estates.drop_duplicates(["org_no", "estate_no"], keep="last").set_index(
        ["org_no", "estate_no"]
    )
    rows = figures[figures["level"] == "estate"].join(
        master[["municipality_code", "home_type"]], on=["org_no", "estate_no"]
    )
    rows["region"] = rows["municipality_code"].map(region)
    rows["vacancy_rate_pct"] = rows["vacant_homes"] / rows["homes"] * 100
    rows["turnover_pct"] = rows["moveouts"] / rows["homes"] * 100
    rent_roll = rows["rent_per_m2"] * rows["area_m2"]
    rows["annual_result_pct"] = rows["annual_result_kr"] / rent_roll * 100
    rows["accumulated_deficit_pct"] = rows["accumulated_deficit_kr"] / rent_roll * 100
    rows["size_class"] = pd.cut(rows["homes"], [0, 24, 99, 299, np.inf], labels=False)
    return rows


def value(rows, org_no, estate_no, year, code):
    row = rows[
        (rows["org_no"] == org_no) & (rows["estate_no"] == estate_no) & (rows["year"] == year)
    ]
    assert len(row) == 1, (org_no, estate_no, year)
    return row[code].iloc[0]


# Layouts


def test_key_figure_files_have_the_import_columns_and_no_derived_codes(raw):
    for frame in raw.values():
        assert list(frame.columns) == ["year", "level", "org_no", "estate_no", *IMPORTED]
        assert not set(DERIVED) & set(frame.columns)


def test_keys_are_zero_padded_and_levels_fill_only_their_own_figures(raw):
    for year, frame in raw.items():
        assert (frame["year"] == str(year)).all()
        assert frame["org_no"].str.fullmatch(r"\d{4}").all()
        is_org = frame["level"] == "org"
        assert set(frame["level"]) == {"org", "estate"}
        assert (frame.loc[is_org, "estate_no"] == "").all()
        assert frame.loc[~is_org, "estate_no"].str.fullmatch(r"\d{3}").all()
        assert not frame.duplicated(["org_no", "estate_no"]).any()
        for code in IMPORTED:
            if "O" not in LEVELS[code]:
                assert (frame.loc[is_org, code] == "").all(), code
            if "A" not in LEVELS[code]:
                assert (frame.loc[~is_org, code] == "").all(), code
        for code in ("homes", "area_m2"):
            assert (frame.loc[~is_org, code] != "").all()
        assert (frame.loc[is_org, "tenancy_units"] != "").all()


def test_cells_are_in_the_import_formats(raw):
    patterns = {
        "count": r"\d+",
        "bool": r"true|false",
        "date": r"\d{4}-\d{2}-\d{2}",
        "decimal": r"-?\d+(\.\d{1,2})?",
    }
    frame = raw[2024]
    for code in IMPORTED:
        cells = frame.loc[frame[code] != "", code]
        assert len(cells), code
        assert cells.str.fullmatch(patterns[KINDS[code]]).all(), code


def test_about_one_percent_of_optional_cells_are_empty(raw):
    frame = raw[2020]
    estates = frame[(frame["level"] == "estate") & ~frame["org_no"].str.startswith("99")]
    share = (
        estates[["rent_per_m2", "moveouts", "arrears_pct", "ppv_provision_per_m2"]] == ""
    ).mean()
    assert share.between(0.003, 0.03).all()


def test_entity_files_follow_the_layouts(orgs, estates):
    assert list(orgs.columns[:4]) == ["org_no", "name", "seat_municipality_code", "address"]
    assert {
        "postcode",
        "city",
        "cvr",
        "fiscal_year_end",
        "valid_from",
        "valid_to",
        "merged_into_org_no",
    } <= set(orgs.columns)
    assert list(estates.columns) == [
        "org_no", "estate_no", "name", "municipality_code", "homes", "area_m2", "year_built",
        "home_type", "building_type", "maintenance_scheme", "valid_from", "valid_to", "merged_into",
    ]  # fmt: skip
    assert orgs["org_no"].str.fullmatch(r"\d{4}").all() and orgs["org_no"].is_unique
    assert estates["estate_no"].str.fullmatch(r"\d{3}").all()
    assert not estates.duplicated(["org_no", "estate_no"]).any()
    assert set(estates["home_type"]) <= {"family", "elderly", "youth", "mixed"}
    assert set(estates["building_type"]) <= {"block", "low_rise", "mixed"}
    assert set(estates["maintenance_scheme"]) <= {"A", "B"}
    assert set(estates["org_no"]) <= set(orgs["org_no"])
    merged = estates[estates["merged_into"] != ""]
    assert merged["merged_into"].str.fullmatch(r"\d{4}-\d{3}").all()
    assert set(merged["merged_into"]) <= set(estates["org_no"] + "-" + estates["estate_no"])


def test_every_key_figure_row_has_an_entity_valid_that_year(figures, orgs, estates):
    keys = set(zip(estates["org_no"], estates["estate_no"], strict=True))
    rows = figures[figures["level"] == "estate"]
    assert set(zip(rows["org_no"], rows["estate_no"], strict=True)) <= keys
    assert set(figures["org_no"]) <= set(orgs["org_no"])
    ended = estates[estates["valid_to"] != ""]
    last = dict(
        zip(
            ended["org_no"] + ended["estate_no"], ended["valid_to"].str[:4].astype(int), strict=True
        )
    )
    years = rows.groupby(rows["org_no"] + rows["estate_no"])["year"].max()
    assert all(years[key] <= year for key, year in last.items() if key in years.index)


# Sizes and distributions


def test_country_has_the_brief_scale(figures, orgs):
    in_2024 = figures[figures["year"] == 2024]
    assert 470 <= (in_2024["level"] == "org").sum() <= 530
    assert 520 <= (figures[figures["year"] == 2015]["level"] == "org").sum() <= 545
    assert 7_000 <= (in_2024["level"] == "estate").sum() <= 8_000
    assert abs(in_2024["homes"].sum() / 597_000 - 1) < 0.10
    municipalities = pd.read_csv(MUNICIPALITIES_CSV)
    active = orgs[orgs["valid_to"] == ""]
    assert set(active["seat_municipality_code"]) == set(municipalities["kommunekode"].astype(str))


def test_homes_are_spread_as_in_the_brief(estate_rows, orgs):
    rows = estate_rows[estate_rows["year"] == 2024]
    homes = rows["homes"].sum()
    share = rows.groupby("region")["homes"].sum() / homes
    for region, target in config.REGION_HOMES.items():
        assert abs(share[region] - target / sum(config.REGION_HOMES.values())) < 0.02
    by_type = rows.groupby("home_type")["homes"].sum() / homes
    assert 0.80 < by_type["family"] < 0.90 and 0.05 < by_type["youth"] < 0.10
    assert 30 <= rows["homes"].median() <= 50 and 65 <= rows["homes"].mean() <= 95
    seat = dict(zip(orgs["org_no"], orgs["seat_municipality_code"], strict=True))
    elsewhere = rows["municipality_code"] != rows["org_no"].map(seat)
    assert 0.06 < elsewhere.mean() < 0.14


def test_figures_have_sane_levels(estate_rows, figures):
    rows = estate_rows
    by_year = rows.groupby("year")
    vacancy = by_year["vacant_homes"].sum() / by_year["homes"].sum() * 100
    assert 0.15 < vacancy[2018] < 0.4 and vacancy[2024] > 1.5 * vacancy[2018]
    assert (rows["vacant_homes"] == 0).mean() > 0.8
    turnover = rows[rows["year"] == 2019]
    assert 0.10 < turnover["moveouts"].sum() / turnover["homes"].sum() < 0.16
    assert 800 < rows[rows["year"] == 2023]["rent_per_m2"].mean() < 1_000
    assert rows["rent_per_m2"].dropna().between(*config.RENT_CLIP).all()
    assert 78 < rows["efficiency_score"].mean() < 86
    assert rows.loc[rows["year"] < config.EFFICIENCY_FROM, "efficiency_score"].isna().all()
    assert 80 < rows["ppv_provision_per_m2"].median() < 120
    assert 0.5 < rows["arrears_pct"].median() < 1.1
    assert 0.6 < rows["has_estate_board"].mean() < 0.8
    organisations = figures[figures["level"] == "org"]
    assert (
        4_000 < organisations[organisations["year"] == 2024]["admin_fee_per_unit"].median() < 5_000
    )


def test_absolute_rules_fire_on_few_entities(estate_rows, figures):
    """R03, R08, R11, R01 and R02 by their §6 definitions, on the random entities."""
    rows = estate_rows[~estate_rows["org_no"].str.startswith("99")]
    large = rows[rows["homes"] >= 20]
    assert large.groupby("year")["vacancy_rate_pct"].apply(lambda s: (s > 2).mean()).max() < 0.10
    assert large.groupby("year")["vacancy_rate_pct"].apply(lambda s: (s > 5).mean()).max() < 0.02
    assert (rows["accumulated_deficit_pct"] > 2).mean() < 0.04
    assert (rows["efficiency_score"] < 70).mean() < 0.06
    assert (rows["efficiency_score"] < 60).mean() < 0.01
    organisations = figures[(figures["level"] == "org") & ~figures["org_no"].str.startswith("99")]
    ceiling = organisations["year"].map(lambda y: STATUTORY_RATES[y][1])
    assert (organisations["disp_fund_free_per_unit"] < 0.5 * ceiling).mean() < 0.05
    assert (organisations["disp_fund_free_per_unit"] < 0).mean() < 0.03
    assert (organisations["working_capital_per_unit"] < 0).mean() < 0.03


# Determinism


def test_same_seed_gives_identical_bytes_and_another_seed_does_not(out_dir, tmp_path):
    call_command(
        "generate_keyfigures",
        "--seed",
        str(SEED),
        "--years",
        "2015-2024",
        "--out",
        str(tmp_path / "again"),
    )
    for path in out_dir.iterdir():
        assert (tmp_path / "again" / path.name).read_bytes() == path.read_bytes(), path.name
    call_command(
        "generate_keyfigures",
        "--seed",
        str(SEED + 1),
        "--years",
        "2024",
        "--out",
        str(tmp_path / "other"),
    )
    assert (tmp_path / "other" / "key_figures_2024.csv").read_bytes() != (
        out_dir / "key_figures_2024.csv"
    ).read_bytes()
    assert not (tmp_path / "other" / "key_figures_2023.csv").exists()


def test_years_without_statutory_rates_are_refused(tmp_path):
    with pytest.raises(CommandError, match="2030"):
        call_command("generate_keyfigures", "--years", "2024-2030", "--out", str(tmp_path))
    with pytest.raises(CommandError):
        call_command("generate_keyfigures", "--years", "last", "--out", str(tmp_path))


def test_an_early_period_lists_its_organisations_and_the_ones_they_merged_into(tmp_path):
    call_command(
        "generate_keyfigures", "--seed", str(SEED), "--years", "2016-2017", "--out", str(tmp_path)
    )
    orgs = pd.read_csv(tmp_path / "organisations.csv", dtype=str, keep_default_na=False)
    merged_into = set(orgs["merged_into_org_no"]) - {""}
    assert merged_into, "the period saw mergers"
    assert merged_into <= set(orgs["org_no"])
    assert (orgs["valid_to"] == "").any()


# Planted patterns


def test_planted_patterns_file_lists_every_pattern(out_dir):
    rows = pd.read_csv(out_dir / "planted_patterns.csv", dtype=str, keep_default_na=False)
    assert list(rows.columns) == [
        "pattern_id",
        "org_no",
        "estate_no",
        "year",
        "rule_id",
        "severity",
        "expect",
    ]
    ids = {f"P{n:02d}" for n in range(1, 15)} | {"N1", "N2", "N3"}
    assert set(rows["pattern_id"]) == ids
    assert set(rows["expect"]) == {"fire", "silent"}
    fire = rows[rows["expect"] == "fire"]
    assert set(fire["severity"]) == {"gul", "rød"}
    assert ("P13", "9913", "001", "2024", "R16", "rød") in set(
        fire.drop(columns="expect").itertuples(index=False, name=None)
    )
    assert (rows.loc[rows["expect"] == "silent", "severity"] == "").all()


@pytest.mark.parametrize("pattern", planted.PATTERNS, ids=lambda p: p.pattern_id)
def test_planted_trajectories_are_in_the_files(pattern, figures, estate_rows):
    estate_no = "" if pattern.estate_no is None else f"{pattern.estate_no:03d}"
    rows = figures if pattern.estate_no is None else estate_rows
    for code, by_year in pattern.figures.items():
        for year, expected in by_year.items():
            actual = value(rows, pattern.org_no, estate_no, year, code)
            if code.endswith("_date"):
                assert (pd.isna(actual) and expected is None) or actual == expected, (code, year)
            else:
                assert actual == pytest.approx(float(expected), abs=0.01), (code, year)


def test_planted_entities_sit_where_the_brief_puts_them(orgs, estates, figures):
    seat = dict(zip(orgs["org_no"], orgs["seat_municipality_code"], strict=True))
    assert [seat[n] for n in ("9901", "9902", "9904", "9905", "9911", "9913", "9914")] == [
        "851", "101", "751", "461", "860", "730", "101",
    ]  # fmt: skip
    estate = estates.set_index(["org_no", "estate_no"])
    assert estate.loc[("9903", "001"), ["municipality_code", "homes"]].tolist() == ["773", "60"]
    assert estate.loc[("9904", "001"), ["home_type", "homes"]].tolist() == ["youth", "120"]
    assert estate.loc[("9906", "001"), "year_built"] == "1968"
    assert estate.loc[("9914", "003"), ["municipality_code", "homes"]].tolist() == ["185", "50"]
    units = figures[(figures["org_no"] == "9910") & (figures["level"] == "org")]["tenancy_units"]
    assert (units == 1_200).all()


def test_merger_and_new_estate_controls(orgs, estates, figures):
    merged = orgs.set_index("org_no").loc["9916"]
    assert (merged["valid_to"], merged["merged_into_org_no"]) == ("2020-12-31", "9917")
    assert figures.loc[figures["org_no"] == "9916", "year"].max() == 2020
    old = estates[estates["org_no"] == "9916"]
    assert (old["valid_to"] == "2020-12-31").all()
    assert set(old["merged_into"]) == {"9917-005", "9917-006"}
    new = estates.set_index(["org_no", "estate_no"])
    assert new.loc[("9917", "005"), "valid_from"] == "2021-01-01"
    assert new.loc[("9917", "010"), ["valid_from", "year_built"]].tolist() == ["2023-01-01", "2023"]
    rows = figures[(figures["org_no"] == "9917") & (figures["estate_no"] == "010")]
    assert rows["year"].tolist() == [2023, 2024]


def _percentile(values, q):
    return float(np.percentile(values.dropna(), q))  # linear interpolation, as §6 says


def test_peer_patterns_clear_their_peer_thresholds_with_margin(estate_rows, figures):
    rows = estate_rows
    this = rows["year"] == 2024
    peers = rows[this & (rows["region"] == 1082) & (rows["size_class"] == 2)]
    assert value(rows, "9904", "001", 2024, "vacancy_loss_per_m2") > 2 * _percentile(
        peers["vacancy_loss_per_m2"], 97.5
    )
    for org_no, year, region in (("9905", 2023, 1083), ("9913", 2024, 1082)):
        peers = rows[
            (rows["year"] == year) & (rows["region"] == region) & (rows["home_type"] == "family")
        ]
        assert value(rows, org_no, "001", year, "turnover_pct") > 1.3 * _percentile(
            peers["turnover_pct"], 90
        )
    peers = rows[(rows["year"] == 2024) & (rows["region"] == 1081) & (rows["home_type"] == "youth")]
    assert value(rows, "9915", "001", 2024, "turnover_pct") < _percentile(peers["turnover_pct"], 75)
    peers = rows[this & (rows["region"] == 1084) & (rows["home_type"] == "family")]
    assert value(rows, "9908", "001", 2024, "rent_per_m2") > 1.15 * _percentile(
        peers["rent_per_m2"], 90
    )
    for year in range(2020, 2025):
        peers = rows[(rows["year"] == year) & (rows["size_class"] == 1)]
        assert 5 < 0.5 * _percentile(peers["ppv_provision_per_m2"], 10)
        assert 4_000 < 0.5 * _percentile(peers["ppv_saved_per_home"], 10)
    organisations = figures[figures["level"] == "org"]
    for year in (2022, 2023, 2024):
        peers = organisations[
            (organisations["year"] == year) & organisations["tenancy_units"].between(500, 1_999)
        ]
        assert 8_200 > 1.3 * _percentile(peers["admin_fee_per_unit"], 90)


def test_planted_absolute_values_cross_the_rule_limits(estate_rows, figures):
    rows = estate_rows
    assert value(rows, "9903", "001", 2023, "vacancy_rate_pct") > 3
    assert value(rows, "9903", "001", 2024, "vacancy_rate_pct") > 6
    assert value(rows, "9913", "001", 2024, "vacancy_rate_pct") == pytest.approx(100 / 30)
    assert value(rows, "9914", "003", 2024, "vacancy_rate_pct") == 8
    assert value(rows, "9907", "001", 2021, "accumulated_deficit_pct") == pytest.approx(4, abs=0.01)
    assert value(rows, "9913", "001", 2024, "accumulated_deficit_pct") == pytest.approx(5, abs=0.01)
    assert value(rows, "9915", "001", 2024, "vacancy_rate_pct") == 1.5
    ceiling = STATUTORY_RATES[2022][1]
    assert value(figures, "9901", "", 2022, "disp_fund_free_per_unit") < 0.5 * ceiling * 0.95
    assert value(figures, "9911", "", 2023, "accounts_received_date") > "2024-06-30"
    assert pd.isna(value(figures, "9911", "", 2024, "accounts_received_date"))
    assert not re.search("9916", " ".join(figures.loc[figures["year"] > 2020, "org_no"]))
