from .entities import BuildingType, Estate, HomeType, Organisation
from .figures import (
    Direction,
    ImportBatch,
    KeyFigure,
    KeyFigureValue,
    Level,
    StatutoryRate,
    ValueKind,
)
from .flags import Flag, FlagEvent, FlagRule, FlagStatus, PeerGroup, RuleKind, Severity

__all__ = [
    "BuildingType",
    "Direction",
    "Estate",
    "Flag",
    "FlagEvent",
    "FlagRule",
    "FlagStatus",
    "HomeType",
    "ImportBatch",
    "KeyFigure",
    "KeyFigureValue",
    "Level",
    "Organisation",
    "PeerGroup",
    "RuleKind",
    "Severity",
    "StatutoryRate",
    "ValueKind",
]
