"""Targets and parameters of the synthetic country (domain brief §2 and §8).

Where a parameter deviates from the brief, the comment says why; docs/synthetic-data.md lists
every simplification.
"""

import datetime

from monitoring.key_figures_data import STATUTORY_RATES

YEARS = tuple(sorted(STATUTORY_RATES))
FIRST_YEAR, LAST_YEAR = YEARS[0], YEARS[-1]
# The flag run the data is made for; facts dated after it (accounts, meetings) are unknown.
EVALUATION_DATE = datetime.date(2025, 9, 30)

# Homes by region in 2024 (regionskode: homes), and the four big cities (kommunekode: homes).
REGION_HOMES = {1084: 217_801, 1085: 76_149, 1083: 121_728, 1082: 124_282, 1081: 56_992}
CITY_HOMES = {101: 60_000, 751: 50_000, 851: 33_000, 461: 25_000}
HOVEDSTADEN, SJAELLAND, SYDDANMARK, MIDTJYLLAND, NORDJYLLAND = 1084, 1085, 1083, 1082, 1081

# Organisations: lognormal homes with median 300 and p90 ≈ 2,500 (sigma 1.66); the largest
# land in the largest municipalities, so Hovedstaden's are larger.
ORG_SIGMA = 1.66
ORG_MAX_HOMES = 20_000
# Estates: lognormal with median 40 and mean 80 (sigma = sqrt(2 ln 2)).
ESTATE_MEAN_HOMES = 80
ESTATE_SIGMA = 1.18
ESTATE_MAX_HOMES = 2_000
NEIGHBOUR_SHARE = 0.10

# Back in time: organisation mergers, new and merged estates per year after the first year.
ORG_MERGERS_PER_YEAR = 3
NEW_ESTATES_PER_YEAR = 20
ESTATE_MERGERS_PER_YEAR = 5

HOME_TYPES = ("family", "elderly", "youth")
HOME_TYPE_SHARES = (0.85, 0.074, 0.076)
HOME_SIZE_M2 = {"family": 79.0, "elderly": 65.0, "youth": 40.0}
SCHEME_A_SHARE = 0.87

# Rent per m² for family homes in 2021 by region; factors by home type; new builds pay more.
RENT_2021 = {HOVEDSTADEN: 920, SJAELLAND: 870, MIDTJYLLAND: 780, NORDJYLLAND: 760, SYDDANMARK: 740}
RENT_TYPE_FACTOR = {"family": 1.0, "elderly": 1.30, "youth": 1.12}
RENT_CLIP = (450.0, 1_600.0)

# Vacancy: probability that an estate has no vacancy at all (zero inflation) by region.
VACANCY_P0 = {HOVEDSTADEN: 0.97, MIDTJYLLAND: 0.75, NORDJYLLAND: 0.75}
VACANCY_P0_DEFAULT = 0.85
# Sector level by year (0.26 % in 2018, 0.31 % in 2020, 0.65 % in 2024); Nordjylland and
# Midtjylland rise more from 2022 (estate_figures).
VACANCY_YEAR_FACTOR = {
    2015: 0.87,
    2016: 0.83,
    2017: 0.79,
    2018: 0.75,
    2019: 0.82,
    2020: 0.9,
    2021: 1.05,
    2022: 1.35,
    2023: 1.9,
    2024: 2.6,
}

# Turnover (moveouts ÷ homes) by home type, regional shift in percentage points.
TURNOVER = {"family": 0.104, "elderly": 0.15, "youth": 0.399}
TURNOVER_REGION_SHIFT = {NORDJYLLAND: 0.02, HOVEDSTADEN: -0.02}

# Annual result in % of the rent roll. The brief says N(0, 1.5 %); with that spread 9 % of
# estates would carry an accumulated deficit above 2 % (R08) and 10 % would have three deficit
# years running (R09). Estates budget for a small surplus, so: N(0.6, 1.0), and a deficit is
# repaid at half a year (recovered in ≈ 3 years).
RESULT_MEAN_PCT, RESULT_SD_PCT, DEFICIT_REPAYMENT = 0.6, 1.0, 0.5
DISTRESS_SHARE = 0.025  # of estates have one distress episode of 2–5 years in the period

# Efficiency: the brief says mean 82, sd 9; sd 9 puts 9 % below 70 (R11 gul), so sd 7.
# Published in the styringsrapport from 2017, so missing before.
EFFICIENCY_MEAN, EFFICIENCY_SD, EFFICIENCY_FROM = 82.0, 7.0, 2017

# Funds as multiples of the statutory ceiling. The brief's IQR 0.5–2.0 of the free fund would
# put 25 % of organisations under half the ceiling (R01 gul); the lower half is kept tighter.
FREE_FUND_MEDIAN, FREE_FUND_SIGMA_LOW, FREE_FUND_SIGMA_HIGH = 1.1, 0.3, 0.9
FREE_FUND_NEGATIVE_SHARE = 0.015
# Working capital: median 0.8 × ceiling, sd ≈ 0.35 (organisation and year): ≈ 1 % below 0.
WORKING_CAPITAL_MEDIAN = 0.8

# Median 4,500 across all organisations, those under 300 lme included.
ADMIN_FEE_BASE_2024, ADMIN_FEE_SIGMA, ADMIN_FEE_SMALL_PREMIUM = 4_300, 0.14, 0.15

# Governance: accounts due 5 months after year end; meetings in the autumn after.
ACCOUNTS_LATE_SHARE, ACCOUNTS_MISSING_SHARE = 0.05, 0.02
# Meetings held: the brief says 95 %; 97.5 % keeps organisations rød at the target 3–6 %.
MEETING_HELD_SHARE = 0.975
QUALIFIED_SHARE = 0.01
# ≈ 1 % of optional cells are empty: most in a few entities' figures that stay missing year
# after year (a figure an organisation does not collect), the rest at random.
CHRONIC_GAP_SHARE = 0.008
CHRONIC_GAP_YEARLY = 0.9
RANDOM_GAP_SHARE = 0.003

# Correlation of an entity's yearly deviation with the year before (AR(1), generator/persistence.py),
# per figure family; docs/synthetic-data.md gives the reasons.
PERSISTENCE = {
    "vacancy": 0.8,  # hard-to-let estates stay hard to let; a vacancy often spans new year
    "turnover": 0.5,  # the mix of tenants drifts; the move-outs themselves stay a binomial draw
    "losses": 0.7,  # move-out and vacancy losses follow the tenants and the lettings
    "provisions": 0.8,  # PPV provisions follow a multi-year maintenance plan
    "efficiency": 0.8,  # the cost base changes slowly
    "arrears": 0.7,  # the same households fall behind year after year
    "result": 0.3,  # budgets are set to balance, so a surplus or deficit is mostly one-off
    "context": 0.7,  # refurbishment, other provisions, residents' employment
    "admin_fee": 0.9,  # fees are budgeted and indexed, changed by decision only
    "funds": 0.85,  # fund balances are stocks that move by a year's flows
}
