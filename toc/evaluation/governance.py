"""Which personal data an evaluation's indicators would process, under UK GDPR.

Read from what the model states: each indicator's measure, source, owner and
catalogue instrument. Health data (mental health and wellbeing measures, NHS,
GP or health-visiting records) is special category data (UK GDPR Article 9);
data about crimes, police incidents or offending is criminal offence data
(Article 10). Both need a condition beyond the lawful basis and a Data
Protection Impact Assessment. Words are matched whole, so a "healthy
relationship" is not health data but "mental health" is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from toc.evaluation.catalogue import Catalogue
from toc.model import Model, NodeType

# Constructs of catalogue measures that are data concerning health (mental health, wellbeing).
HEALTH_CONSTRUCTS = frozenset({"child-wellbeing", "parent-wellbeing", "parenting-stress"})
_HEALTH = re.compile(r"\b(health|NHS|GP|CAMHS|hospital|A&E|mental|wellbeing|well-being|depression|anxiety|"
                     r"health visit\w*|midwi\w*|school nurs\w*)\b", re.I)
_CRIME = re.compile(r"\b(police|crime|criminal|offen[cs]es?|offending|arrests?|convictions?|youth justice|"
                    r"probation|MARAC|domestic (?:abuse|violence) incidents?|domestic incidents?)\b", re.I)


@dataclass(frozen=True)
class SensitiveData:
    node: str
    indicator: str
    why: str  # the words or measure that make it so


@dataclass(frozen=True)
class DataProtection:
    health: tuple[SensitiveData, ...]  # Article 9: data concerning health
    criminal: tuple[SensitiveData, ...]  # Article 10: criminal offence data


def data_protection(model: Model, catalogue: Catalogue) -> DataProtection:
    """The indicators of outputs, outcomes and impacts whose data is special category (health) or
    criminal offence data when held about people (a published aggregate is not personal data)."""
    health, criminal = [], []
    for node in model.nodes.values():
        if not node.is_outcome_or_impact and node.type is not NodeType.OUTPUT:
            continue  # needs' figures are the context (usually published aggregates), not evaluation data
        for indicator in node.indicators:
            text = " ".join(filter(None, (indicator.measure, indicator.source, indicator.owner)))
            measure = catalogue.measures.get(indicator.instrument or "")
            if measure is not None and measure.construct in HEALTH_CONSTRUCTS:
                health.append(SensitiveData(node.id, indicator.id or "", measure.name or indicator.instrument))
            elif (match := _HEALTH.search(text)) is not None:
                health.append(SensitiveData(node.id, indicator.id or "", f'"{match.group()}"'))
            if (match := _CRIME.search(text)) is not None:
                criminal.append(SensitiveData(node.id, indicator.id or "", f'"{match.group()}"'))
    return DataProtection(tuple(health), tuple(criminal))
