"""What a changed flag rule would do, before it is saved: the rule evaluated with every other
active rule on the stored figures, in memory, for the newest year.

Both sides are computed the same way (the rules as saved, then with the change), so the
comparison does not depend on whether the last evaluation has run; nothing is written.
"""

from dataclasses import dataclass

import pandas as pd

from . import assessment
from .evaluation import evaluation_date, load_dataset
from .models import Assessment, FlagRule
from .rules import engine
from .rules.dataset import ESTATE, ORGANISATION
from .rules.spec import RED, RuleSpec


@dataclass(frozen=True)
class Preview:
    year: int | None
    flags_before: int = 0
    flags_after: int = 0
    red_after: int = 0
    organisations_red_before: frozenset = frozenset()
    organisations_red_after: frozenset = frozenset()

    @property
    def newly_red(self):
        return len(self.organisations_red_after - self.organisations_red_before)

    @property
    def no_longer_red(self):
        return len(self.organisations_red_before - self.organisations_red_after)


def preview(rule, combined_rules):
    """The effect of `rule` (an unsaved FlagRule; `combined_rules` its members' codes) in the
    newest year with figures, against the rules as they are saved."""
    saved = list(
        FlagRule.objects.active().select_related("figure").prefetch_related("combined_rules")
    )
    previous_code = _saved_code(rule, saved)
    before = [RuleSpec.from_rule(r) for r in saved]
    after = [spec for spec in before if spec.code not in (previous_code, rule.code)]
    if rule.active:
        after.append(RuleSpec.from_rule(rule, combined_rules))
    data, _ = load_dataset(evaluation_date())
    years = data.values[ORGANISATION].index.get_level_values("year")
    if not len(years):
        return Preview(year=None)
    year = int(years.max())
    flags_before = _flags(before, data)
    flags_after = _flags(after, data)
    code = rule.code
    mine_after = flags_after[(flags_after["rule"] == code) & (flags_after["year"] == year)]
    mine_before = flags_before[
        (flags_before["rule"] == previous_code) & (flags_before["year"] == year)
    ]
    return Preview(
        year=year,
        flags_before=len(mine_before),
        flags_after=len(mine_after),
        red_after=int((mine_after["severity"] == RED).sum()),
        organisations_red_before=_red_organisations(flags_before, data, year),
        organisations_red_after=_red_organisations(flags_after, data, year),
    )


def _saved_code(rule, saved):
    """The code the rule has as saved (an editor may be changing it)."""
    return next((r.code for r in saved if rule.pk and r.pk == rule.pk), rule.code)


def _flags(specs, data):
    flags = engine.evaluate(specs, data)
    return flags.astype({"year": "int64", "severity": "int64"})


def _red_organisations(flags, data, year):
    """The organisations whose assessment (the roll-up of their own and estates' flags) is
    rød in `year`, given `flags` of every year (persistence counts earlier years)."""
    frame = pd.DataFrame(
        {
            "rule": flags["rule"],
            "severity": flags["severity"].map({RED: "red", 1: "yellow"}),
            "organisation": flags["organisation"].astype("int64"),
            "estate": flags["entity"].where(flags["level"] == ESTATE).astype(float),
            "year": flags["year"],
        }
    )
    frame = frame[frame["year"] <= year]
    organisations = pd.DataFrame(
        {"organisation": data.entities[ORGANISATION].index.astype("int64"), "year": year}
    )
    result = assessment.assess(frame, data.entities[ESTATE], organisations, assessment.policy())
    return frozenset(result.loc[result["assessment"] == Assessment.RED, "organisation"].tolist())
