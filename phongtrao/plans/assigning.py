"""Whom a duty reaches: "6/6 thôn", "các thôn", "Ban phát triển thôn" → every village of the
plan's unit; named villages → those; "Mặt trận Tổ quốc và các đoàn thể" → every mass
organisation; an organisation named on the duty → that one (at the village the duty
places it in, whose head reports on it too); a village named on the duty → that one; anything else (a
commune's own officials) → the plan's unit itself. A duty given to "UBND các xã" is carried
by the communes' own plans (the cascade), not itemised here."""

from __future__ import annotations

import re

from phongtrao.geo.models import AdminUnit, Level
from phongtrao.orgs.models import Organization
from phongtrao.text import fold

EVERY_VILLAGE = re.compile(
    r"\b(cac thon|\d+\s*/\s*\d+ thon|cac ban|thon, ban|ban phat trien thon|cac tieu khu|cac xom|to dan pho"
    r"|khu dan cu|thon tren dia ban)\b"
)
EVERY_ORGANISATION = re.compile(r"\b(cac doan the|to chuc chinh tri|cac to chuc doan the)\b")


def duty_targets(
    *,
    assignee_text: str,
    assignee_level: str,
    assignee_org: Organization | None,
    place_unit: AdminUnit | None,
    plan_unit: AdminUnit,
    villages: list[AdminUnit],
    organizations: list[Organization],
) -> list[tuple[AdminUnit, Organization | None]]:
    """(unit, organisation) pairs, each once, in the order the text names them."""
    if assignee_level and assignee_level != Level.VILLAGE:
        return []  # communes carry it in plans of their own
    text = fold(assignee_text)
    targets: list[tuple[AdminUnit, Organization | None]] = []
    named = [v for v in villages if re.search(rf"\b{re.escape(fold(v.name))}\b", text)]
    if named:
        targets += [(v, None) for v in named]
    elif assignee_level == Level.VILLAGE or EVERY_VILLAGE.search(text):
        targets += [(v, None) for v in villages]
    if EVERY_ORGANISATION.search(text):
        targets += [(o.unit, o) for o in organizations]
    if assignee_org is not None:  # in the village it works in, when the duty names one
        targets.append((place_unit or assignee_org.unit, assignee_org))
    if not targets:
        targets.append((place_unit or plan_unit, None))
    return list(dict.fromkeys(targets))
