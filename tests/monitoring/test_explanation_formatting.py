"""Every number in a flag's explanation goes through the one formatter of figures: a rule of each
kind, with a template naming every placeholder, over values with many decimals, must write each
value of its figure with exactly the figure's decimals and Danish separators, a change in percent
with one decimal, a year as a year and a deadline as a date; never a raw float ("4800.0",
"2.4691199999999997")."""

import re

import pytest
from monitoring_fixtures import built_once, fetched_anew
from rules_data import estates, evaluate, organisation, put

from monitoring.models import Flag, FlagRule, KeyFigure, RuleKind

pytestmark = pytest.mark.django_db

YEARS = (2021, 2022, 2023, 2024)
PLACEHOLDERS = (
    "value",
    "threshold",
    "prev_value",
    "change",
    "peer_median",
    "q1",
    "q3",
    "percentile",
    "peers",
    "n_years",
    "year",
    "prev_year",
    "deadline",
)
EVERY_PLACEHOLDER = " ".join(f"{name}=[{{{name}}}]" for name in PLACEHOLDERS)
MISSING = "–"


def danish(places):
    """A number as Danes write it with exactly `places` decimals ("1.234,5")."""
    return r"-?\d{1,3}(?:\.\d{3})*" + (rf",\d{{{places}}}" if places else "")


QUANTITY = r"\d{1,3}(?:\.\d{3})*(?:,\d)?"
YEAR = r"\d{4}"
DATE = r"\d{1,2}\. [a-zæøå]+ \d{4}"
# What a number must never look like in Danish text: a decimal point (not a thousands dot before
# three digits), an exponent, or more than two decimals.
RAW = re.compile(r"\d\.(?!\d{3}(?!\d))\d|\d[eE][-+]?\d|,\d{3}")

# (code, kind, figure, other fields): one rule of every kind, each with every placeholder.
RULES = [
    ("XABS", RuleKind.ABSOLUTE, "vacancy_rate_pct", {"yellow_threshold": 2.26}),
    ("XPEER", RuleKind.PEER, "rent_per_m2", {"yellow_percentile": 90}),
    ("XCHG", RuleKind.CHANGE, "vacancy_rate_pct", {"minimum_change": 0.3}),
    ("XCHGP", RuleKind.CHANGE, "rent_per_m2", {"minimum_change": 4, "change_in_percent": True}),
    ("XTRT", RuleKind.TREND, "vacancy_rate_pct", {"yellow_threshold": 1.5, "years": 2}),
    ("XTRW", RuleKind.TREND, "vacancy_rate_pct", {"years": 2}),
    (
        "XCMBF",
        RuleKind.COMBINATION,
        "rent_per_m2",
        {"yellow_percentile": 80, "options": {"growth_over_sector_median": 0.5}},
    ),
    (
        "XMISS",
        RuleKind.MISSING,
        None,
        {"level": "org", "options": {"required": {"org": ["tenancy_units"]}}},
    ),
]
IN_PERCENT = {"XCHGP", "XCMBF"}


@pytest.fixture(scope="module")
def built_explanations(django_db_setup, django_db_blocker):
    yield from built_once(django_db_blocker, build_explanations)


@pytest.fixture
def explanations(db, built_explanations):
    return fetched_anew(built_explanations)


def build_explanations():
    """The newest explanation of each rule, the default rules' included, over 40 estates' four
    years of values with many decimals."""
    figures = {figure.code: figure for figure in KeyFigure.objects.all()}
    for code, kind, figure, fields in RULES:
        fields = dict(fields)
        FlagRule.objects.create(
            code=code,
            name=f"Regel {code}",
            kind=kind,
            figure=figures.get(figure),
            level=fields.pop("level", "estate"),
            explanation=EVERY_PLACEHOLDER,
            **fields,
        )
    combined = FlagRule.objects.create(
        code="XCMBR",
        name="Regel XCMBR",
        kind=RuleKind.COMBINATION,
        level="estate",
        minimum_rules=2,
        explanation=EVERY_PLACEHOLDER,
    )
    combined.combined_rules.set(FlagRule.objects.filter(code__in=["XABS", "XPEER", "XCHG"]))
    owner = organisation("0001")
    for number, estate in enumerate(estates(owner, 40), start=1):
        for step, year in enumerate(YEARS, start=1):
            put(
                estate,
                year,
                vacancy_rate_pct=0.123456789 * number * step / 3 + 0.0371,
                rent_per_m2=(800 + 3.7777 * number) * (1 + 0.0123 * step * number / 7),
            )
    put(owner, 2024, disp_fund_free_per_unit=1234.5678)
    evaluate()
    return {
        flag.rule.code: flag
        for flag in Flag.objects.current().select_related("rule__figure").order_by("year", "pk")
    }


def placeholders(explanation):
    return dict(re.findall(r"(\w+)=\[([^\]]*)\]", explanation))


def expected_pattern(code, name, figure):
    if name in ("value", "threshold", "prev_value", "peer_median", "q1", "q3") and figure:
        return danish(figure.decimals)
    if name == "change":
        return danish(1 if code in IN_PERCENT else figure.decimals)
    if name in ("year", "prev_year"):
        return YEAR
    if name == "deadline":
        return DATE
    return QUANTITY


def test_a_rule_of_every_kind_writes_every_number_with_its_figures_decimals(explanations):
    codes = [code for code, *_rest in RULES] + ["XCMBR"]
    assert sorted(code for code in explanations if code.startswith("X")) == sorted(codes), (
        "every rule kind flags something"
    )
    for code in codes:
        flag = explanations[code]
        texts = placeholders(flag.explanation)
        assert sorted(texts) == sorted(PLACEHOLDERS), flag.explanation
        for name, text in texts.items():
            if text == MISSING:
                continue
            pattern = expected_pattern(code, name, flag.rule.figure)
            assert re.fullmatch(pattern, text), f"{code} {{{name}}} reads {text!r}"


def test_the_values_of_the_figure_are_there_not_only_dashes(explanations):
    """The check above skips dashes: make sure it saw the numbers it is about."""
    assert placeholders(explanations["XABS"].explanation)["value"] != MISSING
    assert placeholders(explanations["XABS"].explanation)["threshold"] == "2,3"
    assert placeholders(explanations["XPEER"].explanation)["peer_median"] != MISSING
    assert placeholders(explanations["XCHG"].explanation)["change"] != MISSING
    assert placeholders(explanations["XCHGP"].explanation)["change"] != MISSING
    assert placeholders(explanations["XTRW"].explanation)["prev_value"] != MISSING
    assert placeholders(explanations["XCMBR"].explanation)["value"] in ("2", "3")
    assert placeholders(explanations["XMISS"].explanation)["deadline"] == "30. juni 2025"


def test_no_explanation_of_any_rule_holds_a_raw_number(explanations):
    texts = list(Flag.objects.values_list("rule__code", "explanation"))
    assert {code for code, _text in texts} >= {"R03", "R14"}, "default rules fired too"
    for code, text in texts:
        assert not RAW.search(text), f"{code}: {text!r}"
