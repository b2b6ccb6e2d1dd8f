from .assessments import Assessment, AssessmentPolicy, OrganisationAssessment
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
from .flags import (
    Evaluation,
    Flag,
    FlagCase,
    FlagEvent,
    FlagRule,
    FlagStatus,
    PeerGroup,
    RuleKind,
    Severity,
)
from .notes import NoteReply, NoteStatus, StyrelseNote
from .peers import PeerStatistic, SizeClass

__all__ = [
    "Assessment",
    "AssessmentPolicy",
    "BuildingType",
    "Direction",
    "Estate",
    "Evaluation",
    "Flag",
    "FlagCase",
    "FlagEvent",
    "FlagRule",
    "FlagStatus",
    "HomeType",
    "ImportBatch",
    "KeyFigure",
    "KeyFigureValue",
    "Level",
    "NoteReply",
    "NoteStatus",
    "Organisation",
    "OrganisationAssessment",
    "PeerGroup",
    "PeerStatistic",
    "RuleKind",
    "Severity",
    "SizeClass",
    "StatutoryRate",
    "StyrelseNote",
    "ValueKind",
]
