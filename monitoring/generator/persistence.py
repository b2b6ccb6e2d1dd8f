"""Year-to-year memory: each entity's figures wander around its own level as a stationary AR(1)
process, so a year resembles the year before without being a copy of it. The autocorrelation
per figure family, and why, are in config.PERSISTENCE and docs/synthetic-data.md."""

import numpy as np

from .panel import YEARS

# The logistic curve with this slope stays within 0.01 of the normal distribution function.
LOGISTIC_SLOPE = 1.702


def ar1(rng, n, sd, rho):
    """(n, years) noise with standard deviation `sd` every year and correlation `rho` between
    an entity's consecutive years (0: independent years, 1: the same every year)."""
    shocks = rng.normal(0, sd, (n, len(YEARS)))
    noise = np.empty_like(shocks)
    noise[:, 0] = shocks[:, 0]
    innovation = np.sqrt(1 - rho**2)
    for t in range(1, len(YEARS)):  # each year builds on the last: one vectorised step a year
        noise[:, t] = rho * noise[:, t - 1] + innovation * shocks[:, t]
    return noise


def uniform(rng, n, rho):
    """(n, years) draws that are uniform each year but correlated year to year like `ar1`: an
    estate that had vacant homes last year is likelier to have some again."""
    return 1 / (1 + np.exp(-LOGISTIC_SLOPE * ar1(rng, n, 1.0, rho)))
