"""Emulation and rewards: who pledged to take part in a plan's emulation and what they
committed to (đăng ký thi đua)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from phongtrao.accounts import permissions
from phongtrao.geo.models import AdminUnit, Level
from phongtrao.plans.models import Plan, SubjectKind
from phongtrao.ui.formatting import day_text
from phongtrao.ui.uploads import random_name


class PledgeStatus(models.TextChoices):
    REGISTERED = "registered", _("Đã đăng ký")
    WITHDRAWN = "withdrawn", _("Đã rút")


class PledgeQuerySet(models.QuerySet["Pledge"]):
    def live(self) -> PledgeQuerySet:
        return self.filter(status=PledgeStatus.REGISTERED)

    def for_list(self) -> PledgeQuerySet:
        return self.select_related("unit", "organization", "registered_by").order_by("unit__name", "subject_name")


class Pledge(models.Model):
    """A collective or an individual registers to take part in a plan's emulation, with
    what they commit to; public, as the emulation is."""

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="pledges")
    unit = models.ForeignKey(AdminUnit, verbose_name=_("thuộc đơn vị"), on_delete=models.PROTECT, related_name="+")
    organization = models.ForeignKey(
        "orgs.Organization",
        verbose_name=_("cơ quan, đoàn thể"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="pledges",
    )
    subject_kind = models.CharField(_("đối tượng"), max_length=12, choices=SubjectKind.choices)
    subject_name = models.CharField(_("tên tập thể, cá nhân"), max_length=200)
    commitments = models.TextField(_("nội dung đăng ký thi đua"))
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=PledgeStatus.choices, default=PledgeStatus.REGISTERED
    )
    reason = models.CharField(_("lý do rút"), max_length=255, blank=True)
    registered_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")
    registered_at = models.DateTimeField(_("ngày đăng ký"), auto_now_add=True)
    history = HistoricalRecords()

    objects = PledgeQuerySet.as_manager()

    class Meta:
        verbose_name = _("đăng ký thi đua")
        verbose_name_plural = _("đăng ký thi đua")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "unit", "subject_name"],
                condition=Q(status="registered"),
                name="one_live_pledge_per_subject",
            ),
            models.CheckConstraint(condition=~Q(commitments=""), name="pledge_has_commitments"),
            models.CheckConstraint(condition=Q(status="registered") | ~Q(reason=""), name="withdrawal_has_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.subject_name} – {self.plan}"


class ScoringScope(models.TextChoices):
    """Whom a line of the scoring sheet is for: a plan's reward standards differ for
    villages, organisations, enterprises and households (seed 002)."""

    ALL = "all", _("Mọi đối tượng")
    VILLAGE = "village", _("Thôn, tổ dân phố")
    ORGANIZATION = "organization", _("Cơ quan, đoàn thể")
    ENTERPRISE = "enterprise", _("Doanh nghiệp")
    INDIVIDUAL = "individual", _("Hộ gia đình, cá nhân")


class ScoringItemQuerySet(models.QuerySet["ScoringItem"]):
    def for_pledge(self, pledge) -> ScoringItemQuerySet:
        """The lines a subject is scored on: those for everyone and those for its kind."""
        return self.filter(plan_id=pledge.plan_id, applies_to__in=[ScoringScope.ALL, scope_of(pledge)])


def scope_of(pledge) -> str:
    if pledge.subject_kind == SubjectKind.INDIVIDUAL:
        return ScoringScope.INDIVIDUAL
    if pledge.organization_id is not None:
        return ScoringScope.ENTERPRISE if pledge.organization.kind == "doanh_nghiep" else ScoringScope.ORGANIZATION
    return ScoringScope.VILLAGE


class ScoringItem(models.Model):
    """One line of the plan's scoring sheet: a reward standard, or a part of one, the
    points it is worth, and whom it is for."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="scoring_items")
    order = models.PositiveSmallIntegerField(default=0)
    text = models.TextField(_("nội dung chấm điểm"))
    max_points = models.DecimalField(_("điểm tối đa"), max_digits=6, decimal_places=2)
    applies_to = models.CharField(
        _("áp dụng cho"), max_length=12, choices=ScoringScope.choices, default=ScoringScope.ALL
    )
    history = HistoricalRecords()

    objects = ScoringItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("mục chấm điểm")
        verbose_name_plural = _("mục chấm điểm")
        ordering = ["order", "pk"]
        constraints = [models.CheckConstraint(condition=Q(max_points__gt=0), name="scoring_item_points_positive")]

    def __str__(self) -> str:
        return f"{self.text[:60]} ({self.max_points})"


class CouncilMember(models.Model):
    """A member of the emulation and reward council (Hội đồng thi đua – khen thưởng) who
    scores the plan's subjects."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="council_members")
    user = models.ForeignKey("accounts.User", verbose_name=_("thành viên"), on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("chức danh trong hội đồng"), max_length=150, blank=True)
    appointed_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")
    appointed_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("thành viên hội đồng thi đua")
        verbose_name_plural = _("thành viên hội đồng thi đua")
        constraints = [models.UniqueConstraint(fields=["plan", "user"], name="council_member_once_per_plan")]

    def __str__(self) -> str:
        return str(self.user)


class Score(models.Model):
    """The points one council member gave one pledged subject on one item."""

    pledge = models.ForeignKey(Pledge, on_delete=models.PROTECT, related_name="scores")
    member = models.ForeignKey(CouncilMember, on_delete=models.PROTECT, related_name="scores")
    item = models.ForeignKey(ScoringItem, on_delete=models.PROTECT, related_name="scores")
    points = models.DecimalField(_("điểm"), max_digits=6, decimal_places=2)
    note = models.CharField(_("nhận xét"), max_length=255, blank=True)
    scored_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("điểm chấm")
        verbose_name_plural = _("điểm chấm")
        constraints = [
            models.UniqueConstraint(fields=["pledge", "member", "item"], name="one_score_per_member_and_item"),
            models.CheckConstraint(condition=Q(points__gte=0), name="score_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.member}: {self.pledge} {self.points}"


class ConflictOfInterest(models.Model):
    """A council member who must not score a subject: declared, or found when they tried."""

    member = models.ForeignKey(CouncilMember, on_delete=models.CASCADE, related_name="conflicts")
    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="conflicts")
    reason = models.CharField(_("lý do"), max_length=255)
    declared = models.BooleanField(_("tự khai"), default=False)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("xung đột lợi ích")
        verbose_name_plural = _("xung đột lợi ích")
        constraints = [models.UniqueConstraint(fields=["member", "pledge"], name="one_conflict_per_member_and_subject")]

    def __str__(self) -> str:
        return f"{self.member} – {self.pledge}: {self.reason}"


class RewardForm(models.Model):
    """A form of reward and the level whose chairman decides it (Giấy khen of the commune
    or district chairman, Bằng khen of the province chairman)."""

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("hình thức khen thưởng"), max_length=255)
    level = models.CharField(_("cấp quyết định"), max_length=10, choices=Level.choices)
    default_amount = models.DecimalField(
        _("tiền thưởng mặc định (đồng)"),
        max_digits=14,
        decimal_places=0,
        default=0,
        help_text=_("Theo quy định hiện hành của địa phương; mỗi quyết định ghi số tiền của nó."),
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("hình thức khen thưởng")
        verbose_name_plural = _("hình thức khen thưởng")
        ordering = ["order"]
        constraints = [models.CheckConstraint(condition=~Q(level="village"), name="reward_form_decided_above_village")]

    def __str__(self) -> str:
        return self.name


class RewardQuota(models.Model):
    """How many of one reward form the plan may give (số lượng khen thưởng)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="reward_quotas")
    reward_form = models.ForeignKey(RewardForm, on_delete=models.PROTECT, related_name="+")
    limit = models.PositiveIntegerField(_("số lượng tối đa"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("số lượng khen thưởng")
        verbose_name_plural = _("số lượng khen thưởng")
        constraints = [models.UniqueConstraint(fields=["plan", "reward_form"], name="one_quota_per_form")]

    def __str__(self) -> str:
        return f"{self.reward_form}: {self.limit}"


class NominationStatus(models.TextChoices):
    PENDING = "pending", _("Đang xét")
    RETURNED = "returned", _("Trả lại")
    APPROVED = "approved", _("Đã duyệt, chờ quyết định")
    AWARDED = "awarded", _("Đã có quyết định khen thưởng")


class NominationQuerySet(models.QuerySet["Nomination"]):
    def visible_to(self, user) -> NominationQuerySet:
        """Seen by those with a role over the subject's unit or over where it now waits."""
        return self.filter(
            permissions.scope_filter(user, permissions.VIEW, "pledge__unit")
            | permissions.scope_filter(user, permissions.VIEW, "at_unit")
        )

    def for_list(self) -> NominationQuerySet:
        return self.select_related("plan", "pledge", "pledge__unit", "reward_form", "at_unit").order_by("-proposed_at")

    def awaiting_decision_at(self, units: list[AdminUnit]) -> NominationQuerySet:
        """Waiting at these units to be approved or returned, the oldest first."""
        return self.filter(at_unit__in=units, status=NominationStatus.PENDING).for_list().order_by("proposed_at", "pk")

    def returned_to(self, units: list[AdminUnit]) -> NominationQuerySet:
        """Returned to the subjects of these units, to be completed and sent again."""
        return self.filter(pledge__unit__in=units, status=NominationStatus.RETURNED).for_list()


class Nomination(models.Model):
    """A pledged subject proposed for a reward form, travelling up the tree to the level
    that decides it, approved or returned with a reason at each level."""

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="nominations")
    pledge = models.ForeignKey(
        Pledge, verbose_name=_("tập thể, cá nhân"), on_delete=models.PROTECT, related_name="nominations"
    )
    reward_form = models.ForeignKey(RewardForm, verbose_name=_("hình thức"), on_delete=models.PROTECT, related_name="+")
    summary = models.TextField(_("tóm tắt thành tích"))
    at_unit = models.ForeignKey(AdminUnit, verbose_name=_("đang xét tại"), on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=NominationStatus.choices, default=NominationStatus.PENDING
    )
    reason = models.TextField(_("lý do trả lại"), blank=True)
    disclosed_on = models.DateField(_("ngày công khai"), null=True, blank=True)
    comment_until = models.DateField(_("lấy ý kiến đến ngày"), null=True, blank=True)
    # Incremented by every change: a decision names the version it saw, so an approval and
    # a return sent at the same moment cannot both be taken.
    version = models.PositiveIntegerField(default=1)
    proposed_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")
    proposed_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = NominationQuerySet.as_manager()

    class Meta:
        verbose_name = _("đề nghị khen thưởng")
        verbose_name_plural = _("đề nghị khen thưởng")
        constraints = [
            models.UniqueConstraint(fields=["pledge", "reward_form"], name="one_nomination_per_subject_and_form"),
            models.CheckConstraint(condition=~Q(status="returned") | ~Q(reason=""), name="return_has_reason"),
            models.CheckConstraint(
                condition=Q(disclosed_on__isnull=True) | Q(comment_until__gte=models.F("disclosed_on")),
                name="comment_period_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pledge.subject_name}: {self.reward_form}"


class NomineeComment(models.Model):
    """A citizen's comment on a published nominee (no account needed)."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="comments")
    name = models.CharField(_("họ tên"), max_length=100)
    text = models.TextField(_("ý kiến"))
    address_hash = models.CharField(max_length=64, editable=False)  # to limit a burst, not to identify
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ý kiến về người được đề nghị")
        verbose_name_plural = _("ý kiến về người được đề nghị")
        ordering = ["pk"]
        indexes = [models.Index(fields=["address_hash", "created_at"])]

    def __str__(self) -> str:
        return f"{self.name}: {self.text[:60]}"


class RewardDecision(models.Model):
    """A reward decision (quyết định khen thưởng) as issued: never edited; a mistake is put
    right by a new decision that corrects it."""

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="reward_decisions")
    issuer_unit = models.ForeignKey(
        AdminUnit, verbose_name=_("cấp quyết định"), on_delete=models.PROTECT, related_name="+"
    )
    reward_form = models.ForeignKey(RewardForm, verbose_name=_("hình thức"), on_delete=models.PROTECT, related_name="+")
    number = models.CharField(_("số"), max_length=20)
    symbol = models.CharField(_("ký hiệu"), max_length=50, default="QĐ-UBND")
    date = models.DateField(_("ngày ký"))
    year = models.PositiveSmallIntegerField(editable=False)  # of `date`: numbers start again each year
    signer_title = models.CharField(_("chức vụ người ký"), max_length=100)
    signer_name = models.CharField(_("người ký"), max_length=100)
    amount = models.DecimalField(_("tiền thưởng mỗi tập thể, cá nhân (đồng)"), max_digits=14, decimal_places=0)
    corrects = models.OneToOneField(
        "self",
        verbose_name=_("đính chính quyết định"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="corrected_by",
    )
    issued_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")
    issued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("quyết định khen thưởng")
        verbose_name_plural = _("quyết định khen thưởng")
        ordering = ["-date", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["issuer_unit", "symbol", "number", "year"], name="decision_number_unique"),
            models.CheckConstraint(condition=Q(amount__gte=0), name="decision_amount_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.number}/{self.symbol} ngày {day_text(self.date)}"


class Award(models.Model):
    """One collective or person rewarded by a decision, as written in it."""

    decision = models.ForeignKey(RewardDecision, on_delete=models.PROTECT, related_name="awards")
    nomination = models.ForeignKey(Nomination, on_delete=models.PROTECT, related_name="awards")
    subject_name = models.CharField(_("tập thể, cá nhân"), max_length=200)
    unit = models.ForeignKey(AdminUnit, on_delete=models.PROTECT, related_name="+")
    achievement = models.TextField(_("thành tích"))
    amount = models.DecimalField(_("tiền thưởng (đồng)"), max_digits=14, decimal_places=0)

    class Meta:
        verbose_name = _("khen thưởng")
        verbose_name_plural = _("khen thưởng")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["decision", "nomination"], name="award_once_per_decision")]

    def __str__(self) -> str:
        return f"{self.subject_name} – {self.decision}"


class ExemplarKind(models.TextChoices):
    COLLECTIVE = "collective", _("Tập thể tiêu biểu")
    INDIVIDUAL = "individual", _("Cá nhân tiêu biểu")
    HOUSEHOLD = "household", _("Hộ gia đình tiêu biểu")
    PRACTICE = "practice", _("Mô hình, cách làm hay")


class ExemplarQuerySet(models.QuerySet["Exemplar"]):
    def published(self) -> ExemplarQuerySet:
        return self.filter(published=True)

    def in_subtree(self, unit: AdminUnit) -> ExemplarQuerySet:
        return self.filter(unit__path__startswith=unit.path)

    def for_list(self) -> ExemplarQuerySet:
        return (
            self.select_related("unit", "plan")
            .prefetch_related(models.Prefetch("photos", queryset=ExemplarPhoto.objects.order_by("order", "pk")))
            .order_by("-created_at", "-pk")
        )


class Exemplar(models.Model):
    """An exemplary collective, person or good practice (điển hình tiên tiến) told with its
    story and photos, so that others can copy it; shown on the public portal once published."""

    unit = models.ForeignKey(AdminUnit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="exemplars")
    plan = models.ForeignKey(
        Plan,
        verbose_name=_("thuộc phong trào, kế hoạch"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="exemplars",
    )
    kind = models.CharField(_("loại"), max_length=12, choices=ExemplarKind.choices)
    title = models.CharField(_("tên điển hình, mô hình"), max_length=200)
    story = models.TextField(_("câu chuyện, cách làm"))
    published = models.BooleanField(_("công khai"), default=False)
    withdrawn_reason = models.CharField(_("lý do thôi công khai"), max_length=255, blank=True)
    created_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = ExemplarQuerySet.as_manager()

    class Meta:
        verbose_name = _("điển hình tiên tiến")
        verbose_name_plural = _("điển hình tiên tiến")
        constraints = [
            models.CheckConstraint(condition=~Q(title=""), name="exemplar_has_title"),
            models.CheckConstraint(condition=~Q(story=""), name="exemplar_has_story"),
        ]

    def __str__(self) -> str:
        return self.title


def exemplar_photo_path(instance: ExemplarPhoto, filename: str) -> str:
    return random_name("exemplars", filename)


class ExemplarPhoto(models.Model):
    """A photo, shrunk for the web, with a small copy for lists on a phone."""

    exemplar = models.ForeignKey(Exemplar, on_delete=models.CASCADE, related_name="photos")
    image = models.FileField(upload_to=exemplar_photo_path)
    thumbnail = models.FileField(upload_to=exemplar_photo_path)
    caption = models.CharField(_("chú thích"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("ảnh điển hình")
        verbose_name_plural = _("ảnh điển hình")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.caption or self.image.name
