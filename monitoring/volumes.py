"""How loud the default rules are: the share of estates with a red flag and the share of a
year's flags that are new cases. The volume tests and the benchmark report them; the planted
test organisations (99NN) are left out, they are flagged on purpose."""

from monitoring import reporting_duty
from monitoring.models import Estate, Flag, Severity
from monitoring.rules.dataset import ESTATE

PLANTED_PREFIX = "99"


def _flags(year):
    return Flag.objects.filter(year=year, is_current=True).exclude(
        organisation__org_no__startswith=PLANTED_PREFIX
    )


def new_case_share(year):
    """The share of the year's flags that open a case: nothing flagged by the same rule for
    the same entity the year before."""
    flags = _flags(year)
    total = flags.count()
    return flags.filter(case__first_year=year).count() / total if total else 0.0


def red_estate_share(year):
    """The share of the estates valid in the register that year with at least one red flag."""
    valid = reporting_duty.valid_in(reporting_duty.register(ESTATE), year).index
    estates = (
        Estate.objects.filter(pk__in=list(valid))
        .exclude(organisation__org_no__startswith=PLANTED_PREFIX)
        .count()
    )
    red = _flags(year).filter(severity=Severity.RED, estate__isnull=False)
    return red.values("estate").distinct().count() / estates if estates else 0.0


def report(year):
    return (
        f"{year}: {red_estate_share(year):.1%} of estates red, "
        f"{new_case_share(year):.1%} of flags new cases"
    )
