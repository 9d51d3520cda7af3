"""Who has registered for a call, who is late, who is missing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone

from phongtrao.geo.models import AdminUnit
from phongtrao.orgs.models import MASS_ORGANISATIONS, Organization
from phongtrao.registrations.models import (
    Mobilised,
    Registrants,
    Registration,
    RegistrationCall,
    RegistrationStatus,
)
from phongtrao.text import natural_key


@dataclass
class RegistrantRow:
    name: str
    unit: AdminUnit
    organization: Organization | None
    registrations: list[Registration] = field(default_factory=list)

    @property
    def live(self) -> list[Registration]:
        return [
            r for r in self.registrations if r.status in (RegistrationStatus.SUBMITTED, RegistrationStatus.CONFIRMED)
        ]

    @property
    def missing(self) -> bool:
        return not self.live


@dataclass
class CallOverview:
    call: RegistrationCall
    rows: list[RegistrantRow]
    today: dt.date

    @property
    def missing(self) -> list[RegistrantRow]:
        return [r for r in self.rows if r.missing]

    @property
    def overdue(self) -> bool:
        return bool(self.call.deadline and self.today > self.call.deadline)

    @property
    def late(self) -> list[Registration]:
        return [reg for row in self.rows for reg in row.registrations if reg.late]

    @property
    def mobilised(self) -> Mobilised:
        """What the registrations still standing (sent or confirmed) mobilise in all."""
        return sum((reg.mobilised for row in self.rows for reg in row.live), Mobilised())


def call_overview(call: RegistrationCall, today: dt.date | None = None) -> CallOverview:
    """Every expected registrant with its registrations and their lines, in four queries."""
    plan_unit = call.plan.unit
    rows: dict[tuple[int, int | None], RegistrantRow] = {}
    if call.registrants in (Registrants.VILLAGES, Registrants.BOTH):
        for village in AdminUnit.objects.filter(parent=plan_unit, level="village"):
            rows[(village.pk, None)] = RegistrantRow(village.name, village, None)
    if call.registrants in (Registrants.ORGANIZATIONS, Registrants.BOTH):
        for org in Organization.objects.filter(unit=plan_unit, kind__in=MASS_ORGANISATIONS).select_related("unit"):
            rows[(plan_unit.pk, org.pk)] = RegistrantRow(org.name, org.unit, org)
    registrations = call.registrations.select_related("unit", "organization").prefetch_related("lines")
    for registration in registrations.order_by("submitted_at"):
        key = (registration.unit_id, registration.organization_id)
        if key not in rows:
            rows[key] = RegistrantRow(registration.registrant, registration.unit, registration.organization)
        rows[key].registrations.append(registration)
    ordered = sorted(rows.values(), key=lambda r: (r.organization is not None, natural_key(r.name)))
    return CallOverview(call=call, rows=ordered, today=today or timezone.localdate())
