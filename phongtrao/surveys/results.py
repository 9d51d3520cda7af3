"""Results of a satisfaction survey: per content, over the survey's area and per unit
directly under it (the villages of a commune, the communes of a district), against the
target rate.

The rate is the share of "satisfied" among all answers to a content, "no opinion"
included: a household that could not say it is satisfied is not counted as satisfied.
In public, a unit with fewer answers than SURVEY_MIN_PUBLIC_GROUP is hidden; when
that would leave a single unit hidden, the next smallest is hidden too, or the
hidden one could be worked out from the total."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import Count

from phongtrao.geo.models import AdminUnit
from phongtrao.grouping import grouped
from phongtrao.orgs.models import Household
from phongtrao.surveys.models import Choice, Question, Response, Survey
from phongtrao.text import natural_key


def _percent(part: int, whole: int) -> Decimal | None:
    """One decimal, as the results are read out at a meeting."""
    if not whole:
        return None
    return (Decimal(100) * part / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass
class Tally:
    satisfied: int = 0
    unsatisfied: int = 0
    no_opinion: int = 0

    def add(self, choice: str) -> None:
        setattr(self, choice, getattr(self, choice) + 1)

    @property
    def total(self) -> int:
        return self.satisfied + self.unsatisfied + self.no_opinion

    @property
    def rate(self) -> Decimal | None:
        return _percent(self.satisfied, self.total)


@dataclass
class UnitRow:
    unit: AdminUnit
    households: int
    responses: int
    hidden: bool = False
    shields: bool = False  # hidden although it has answers enough, so that a small group cannot be worked out
    tallies: dict[int, Tally] = field(default_factory=dict)
    cells: list[Tally | None] = field(default_factory=list)
    labelled_cells: list[tuple[Question, Tally | None]] = field(default_factory=list)

    @property
    def participation(self) -> Decimal | None:
        return _percent(self.responses, self.households)


@dataclass
class ContentRow:
    question: Question
    tally: Tally
    target_rate: Decimal

    @property
    def meets(self) -> bool | None:
        rate = self.tally.rate
        return None if rate is None else rate >= self.target_rate


@dataclass
class SurveyResults:
    survey: Survey
    responses: int
    households: int
    contents: list[ContentRow]
    units: list[UnitRow]
    total_hidden: bool

    @property
    def meets_target(self) -> bool | None:
        """The Hà Trung target asks for the rate on each content: all must reach it."""
        verdicts = [row.meets for row in self.contents]
        if self.total_hidden or not verdicts or None in verdicts:
            return None
        return all(verdicts)


def _hide_small_groups(units: list[UnitRow], minimum: int) -> None:
    for row in units:
        row.hidden = 0 < row.responses < minimum
    hidden = [row for row in units if row.hidden]
    shown = sorted((row for row in units if not row.hidden and row.responses), key=lambda r: r.responses)
    if len(hidden) == 1 and shown:
        shown[0].hidden = shown[0].shields = True


def _group(survey: Survey, unit_id: int, path: str) -> int:
    """The unit directly under the survey's unit that holds this village (the village
    itself for a commune's survey, its commune for a district's); a village since merged
    out of the area stays a group of its own."""
    if not path.startswith(survey.unit.path):
        return unit_id
    return int(path[len(survey.unit.path) :].strip("/").split("/")[0])


def survey_results(survey: Survey, *, public: bool) -> SurveyResults:
    questions = list(survey.questions.all())
    groups = {u.pk: u for u in AdminUnit.objects.filter(parent=survey.unit).current()}
    households: dict[int, int] = {}
    counted = grouped(Household.objects.filter(unit__path__startswith=survey.unit.path), "unit_id", "unit__path")
    for row in counted.annotate(n=Count("pk")):
        key = _group(survey, row["unit_id"], row["unit__path"])
        households[key] = households.get(key, 0) + row["n"]
    rows: dict[int, UnitRow] = {
        pk: UnitRow(unit=unit, households=households.get(pk, 0), responses=0) for pk, unit in groups.items()
    }
    overall = {q.pk: Tally() for q in questions}
    counted_answers = Response.objects.filter(survey=survey, **({"published": True} if public else {}))
    answers = counted_answers.values_list("unit_id", "unit__path", "answers")
    for unit_id, path, chosen in answers.iterator(chunk_size=2000):
        key = _group(survey, unit_id, path)
        row = rows.get(key)
        if row is None:
            row = rows[key] = UnitRow(unit=AdminUnit.objects.get(pk=key), households=0, responses=0)
        row.responses += 1
        for question in questions:
            choice = chosen.get(str(question.pk))
            if choice in Choice.values:
                row.tallies.setdefault(question.pk, Tally()).add(choice)
                overall[question.pk].add(choice)
    units = sorted(rows.values(), key=lambda r: natural_key(r.unit.name))
    responses = sum(r.responses for r in units)
    total_hidden = False
    if public:
        minimum = settings.SURVEY_MIN_PUBLIC_GROUP
        _hide_small_groups(units, minimum)
        total_hidden = responses < minimum  # also when no answer is published yet
        for row in units:
            if row.hidden:
                row.tallies = {}
    for row in units:
        row.cells = [row.tallies.get(q.pk) for q in questions]
        row.labelled_cells = list(zip(questions, row.cells, strict=True))
    return SurveyResults(
        survey=survey,
        responses=responses,
        households=sum(households.values()),
        contents=[
            ContentRow(question=q, tally=Tally() if total_hidden else overall[q.pk], target_rate=survey.target_rate)
            for q in questions
        ],
        units=units,
        total_hidden=total_hidden,
    )
