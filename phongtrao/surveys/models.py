"""Citizens' satisfaction with each content of a plan (khảo sát mức độ hài lòng).

Who answered and what they answered are kept apart: a `Ballot` records that a household
(or a one-time code) has answered, for refusing a second answer; a `Response` holds the
answers with the village only, under a random key, so that neither a time nor a
sequence number ties it to its ballot."""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from phongtrao.accounts import permissions
from phongtrao.geo.models import AdminUnit
from phongtrao.plans.models import PUBLISHED, Plan


class SurveyStatus(models.TextChoices):
    DRAFT = "draft", _("Đang soạn")
    OPEN = "open", _("Đang lấy ý kiến")
    CLOSED = "closed", _("Đã kết thúc")


class Identification(models.TextChoices):
    HOUSEHOLD = "household", _("Mã hộ gia đình")
    CODE = "code", _("Mã phiếu dùng một lần")


class Choice(models.TextChoices):
    SATISFIED = "satisfied", _("Hài lòng")
    UNSATISFIED = "unsatisfied", _("Chưa hài lòng")
    NO_OPINION = "no_opinion", _("Không có ý kiến")


class SurveyQuerySet(models.QuerySet["Survey"]):
    def visible_to(self, user) -> SurveyQuerySet:
        """Open and closed surveys of published plans are public; drafts belong to those
        with a role over the unit."""
        public = Q(plan__status__in=PUBLISHED) & ~Q(status=SurveyStatus.DRAFT)
        return self.filter(public | permissions.scope_filter(user, permissions.VIEW))

    def public(self) -> SurveyQuerySet:
        return self.filter(plan__status__in=PUBLISHED).exclude(status=SurveyStatus.DRAFT)

    def for_list(self) -> SurveyQuerySet:
        return self.select_related("plan", "unit").order_by("-opens_on", "-pk")


class Survey(models.Model):
    plan = models.ForeignKey(Plan, verbose_name=_("kế hoạch"), on_delete=models.PROTECT, related_name="surveys")
    unit = models.ForeignKey(
        AdminUnit, verbose_name=_("đơn vị khảo sát"), on_delete=models.PROTECT, related_name="surveys"
    )
    title = models.CharField(_("tên cuộc khảo sát"), max_length=255)
    introduction = models.TextField(_("lời giới thiệu"), blank=True)
    identification = models.CharField(
        _("cách nhận biết hộ trả lời"), max_length=10, choices=Identification.choices, default=Identification.HOUSEHOLD
    )
    target = models.ForeignKey(
        "plans.Target",
        verbose_name=_("chỉ tiêu của kế hoạch"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="surveys",
    )
    target_rate = models.DecimalField(_("tỷ lệ hài lòng cần đạt (%)"), max_digits=5, decimal_places=2, default=80)
    opens_on = models.DateField(_("từ ngày"))
    closes_on = models.DateField(_("đến ngày"))
    status = models.CharField(_("trạng thái"), max_length=8, choices=SurveyStatus.choices, default=SurveyStatus.DRAFT)
    created_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = SurveyQuerySet.as_manager()

    class Meta:
        verbose_name = _("cuộc khảo sát")
        verbose_name_plural = _("cuộc khảo sát")
        constraints = [
            models.CheckConstraint(condition=Q(opens_on__lte=models.F("closes_on")), name="survey_opens_before_close"),
            models.CheckConstraint(
                condition=Q(target_rate__gt=0) & Q(target_rate__lte=100), name="survey_target_is_a_rate"
            ),
            models.CheckConstraint(condition=~Q(title=""), name="survey_has_title"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return self.plan.status in PUBLISHED and self.status != SurveyStatus.DRAFT

    def is_answerable_on(self, day) -> bool:
        return self.status == SurveyStatus.OPEN and self.opens_on <= day <= self.closes_on

    @property
    def phase_label(self) -> str:
        """What a reader needs to know today: an open survey past its last day takes no
        answers any more, even before an official closes it."""
        today = timezone.localdate()
        if self.status == SurveyStatus.OPEN and today > self.closes_on:
            return _("Đã hết hạn trả lời")
        if self.status == SurveyStatus.OPEN and today < self.opens_on:
            return _("Chưa đến ngày trả lời")
        return self.get_status_display()


class Question(models.Model):
    """One content the households rate (an NTM content, often one criterion)."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(default=0)
    text = models.CharField(_("nội dung"), max_length=300)
    criterion = models.ForeignKey(
        "criteria.Criterion",
        verbose_name=_("tiêu chí"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("nội dung khảo sát")
        verbose_name_plural = _("nội dung khảo sát")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.text


class AccessCode(models.Model):
    """A slip handed to one household: answers once, counted in its village."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="codes")
    unit = models.ForeignKey(AdminUnit, verbose_name=_("thôn"), on_delete=models.PROTECT, related_name="+")
    code = models.CharField(_("mã phiếu"), max_length=12)
    used = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("mã phiếu")
        verbose_name_plural = _("mã phiếu")
        ordering = ["unit__name", "code"]
        constraints = [models.UniqueConstraint(fields=["survey", "code"], name="access_code_unique_in_survey")]

    def __str__(self) -> str:
        return self.code


class Ballot(models.Model):
    """That a household, or a code, has answered; never what it answered."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="ballots")
    household = models.ForeignKey("orgs.Household", null=True, on_delete=models.PROTECT, related_name="+")
    code = models.OneToOneField(AccessCode, null=True, on_delete=models.PROTECT, related_name="ballot")
    address_hash = models.CharField(max_length=64)
    entered_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("người nhập phiếu giấy"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "household"], condition=Q(household__isnull=False), name="one_ballot_per_household"
            ),
            models.CheckConstraint(
                condition=Q(household__isnull=True, code__isnull=False) | Q(household__isnull=False, code__isnull=True),
                name="ballot_has_household_or_code",
            ),
        ]
        indexes = [models.Index(fields=["address_hash", "received_at"])]

    def __str__(self) -> str:
        return f"{self.survey_id}: {self.household_id or self.code_id}"


class Response(models.Model):
    """One household's answers, {question id: choice}, with its village and nothing else."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    unit = models.ForeignKey(AdminUnit, on_delete=models.PROTECT, related_name="+")
    answers = models.JSONField()
    # Shown in public results: answers are published in groups (services._publish_when_enough)
    # so that public figures never move by one household's answers.
    published = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("phiếu trả lời")
        verbose_name_plural = _("phiếu trả lời")

    def __str__(self) -> str:
        return str(self.pk)


class RefusalReason(models.TextChoices):
    HOUSEHOLD_UNKNOWN = "household_unknown", _("Mã hộ không có trong thôn")
    HOUSEHOLD_ANSWERED = "household_answered", _("Hộ đã trả lời")
    CODE_UNKNOWN = "code_unknown", _("Mã phiếu không đúng")
    CODE_USED = "code_used", _("Mã phiếu đã dùng")
    BURST = "burst", _("Quá nhiều phiếu từ một địa chỉ")


class RefusedBallot(models.Model):
    """An answer refused as a possible stuffing of the ballot box, kept for the council."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="refusals")
    reason = models.CharField(max_length=20, choices=RefusalReason.choices)
    given = models.CharField(_("mã đã nhập"), max_length=40, blank=True)
    address_hash = models.CharField(max_length=64)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("phiếu bị từ chối")
        verbose_name_plural = _("phiếu bị từ chối")
        indexes = [models.Index(fields=["address_hash", "at"])]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} {self.given}"
