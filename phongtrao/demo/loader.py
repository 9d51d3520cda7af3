"""Loads the demo: the official unit lists, the seed communes' villages and
organisations, demo users at every level, and the seed plans with their parents.
Run twice, it changes nothing the second time."""

from __future__ import annotations

import datetime as dt
import io
import json
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw

from phongtrao import docparse
from phongtrao.accounts.models import Membership, Role, User
from phongtrao.accounts.services import membership_grant
from phongtrao.contributions import services as contributions_services
from phongtrao.criteria import services as criteria_services
from phongtrao.criteria.models import CriteriaSet, Criterion, Garden
from phongtrao.geo.models import AdminUnit, Listing
from phongtrao.geo.services import villages_import_csv
from phongtrao.indicators import services as indicator_services
from phongtrao.indicators.models import Indicator
from phongtrao.orgs.models import Official, Organization, Position
from phongtrao.orgs.services import household_save, official_create, organization_create
from phongtrao.plans import importing
from phongtrao.plans import services as plan_services
from phongtrao.plans import services as plans_services
from phongtrao.plans.models import Plan
from phongtrao.registrations import services as registrations_services
from phongtrao.rewards import services as exemplar_services
from phongtrao.rewards import services as reward_services
from phongtrao.rewards.models import RewardForm
from phongtrao.surveys import services as survey_services
from phongtrao.units.services import units_load_official
from phongtrao.workdays import services as workdays_services

DEMO_DIR = settings.DATA_DIR / "demo"
SEEDS_DIR = settings.DATA_DIR / "seeds"
DEMO_PASSWORD = "phongtrao-demo"

# username, full name, role, unit path (names from the province down), title
DEMO_USERS = [
    ("huyen.binhgia", "Hoàng Văn Nam", Role.APPROVER, ["Tỉnh Lạng Sơn", "Huyện Bình Gia"], "Phòng NN và PTNT huyện"),
    (
        "xa.hongthai",
        "Nông Thị Hoa",
        Role.OFFICER,
        ["Tỉnh Lạng Sơn", "Huyện Bình Gia", "Xã Hồng Thái"],
        "Công chức Địa chính – Nông nghiệp – Xây dựng và Môi trường",
    ),
    (
        "chutich.hongthai",
        "Lương Hoàng Đụng",
        Role.APPROVER,
        ["Tỉnh Lạng Sơn", "Huyện Bình Gia", "Xã Hồng Thái"],
        "Chủ tịch UBND xã",
    ),
    (
        "thon.banhuan",
        "Hoàng Văn Sáng",
        Role.REPORTER,
        ["Tỉnh Lạng Sơn", "Huyện Bình Gia", "Xã Hồng Thái", "Thôn Bản Huấn"],
        "Trưởng thôn",
    ),
    (
        "thon.nain",
        "Lộc Văn Tùng",
        Role.REPORTER,
        ["Tỉnh Lạng Sơn", "Huyện Bình Gia", "Xã Hồng Thái", "Thôn Nà Ín"],
        "Trưởng thôn",
    ),
    (
        "xa.camha",
        "Lê Văn Sơn",
        Role.APPROVER,
        ["Tỉnh Hà Tĩnh", "Huyện Cẩm Xuyên", "Xã Cẩm Hà"],
        "Trưởng Ban chỉ đạo NTM xã",
    ),
    (
        "tt.hatrung",
        "Cù Văn Hân",
        Role.APPROVER,
        ["Tỉnh Thanh Hóa", "Huyện Hà Trung", "Thị trấn Hà Trung"],
        "Chủ tịch UBND thị trấn",
    ),
    (
        "xa.khanhcu",
        "Vũ Bình Minh",
        Role.APPROVER,
        ["Tỉnh Ninh Bình", "Huyện Yên Khánh", "Xã Khánh Cư"],
        "Chủ tịch UBND xã",
    ),
    (
        "huyen.tamduong",
        "Cao Trang Trọng",
        Role.APPROVER,
        ["Tỉnh Lai Châu", "Huyện Tam Đường"],
        "Phó Chủ tịch UBND huyện",
    ),
    ("xa.binhlu", "Lò Văn Hùng", Role.APPROVER, ["Tỉnh Lai Châu", "Huyện Tam Đường", "Xã Bình Lư"], "Chủ tịch UBND xã"),
    ("tinh.laichau", "Nguyễn Thị Lan", Role.VIEWER, ["Tỉnh Lai Châu"], "Sở Nông nghiệp và Môi trường"),
    ("tinh.langson", "Hoàng Thị Mai", Role.ADMIN, ["Tỉnh Lạng Sơn"], "Văn phòng Điều phối nông thôn mới tỉnh"),
]

SIGNERS = [
    (["Tỉnh Lạng Sơn", "Huyện Bình Gia", "Xã Hồng Thái"], "Lương Hoàng Đụng", Position.CHAIRMAN, "Chủ tịch UBND xã"),
    (
        ["Tỉnh Hà Tĩnh", "Huyện Cẩm Xuyên", "Xã Cẩm Hà"],
        "Lê Văn Sơn",
        Position.PARTY_SECRETARY,
        "Bí thư Đảng ủy kiêm Trưởng Ban chỉ đạo NTM xã",
    ),
    (
        ["Tỉnh Thanh Hóa", "Huyện Hà Trung", "Thị trấn Hà Trung"],
        "Cù Văn Hân",
        Position.CHAIRMAN,
        "Chủ tịch UBND thị trấn",
    ),
    (["Tỉnh Ninh Bình", "Huyện Yên Khánh", "Xã Khánh Cư"], "Vũ Bình Minh", Position.CHAIRMAN, "Chủ tịch UBND xã"),
    (["Tỉnh Lai Châu", "Huyện Tam Đường"], "Cao Trang Trọng", Position.VICE_CHAIRMAN, "Phó Chủ tịch UBND huyện"),
]


def _read(name: str) -> dict:
    return json.loads((DEMO_DIR / name).read_text(encoding="utf-8"))


def find_unit(names: list[str]) -> AdminUnit:
    """A unit of the pre-2025 tree by its names from the province down."""
    parent = None
    for name in names:
        units = AdminUnit.objects.filter(name=name, parent=parent)
        if parent is None:
            units = units.filter(listing=Listing.PRE_2025)
        parent = units.get()
    return parent


class DemoLoader:
    def __init__(self, log=print):
        self.log = log
        self.units_data = _read("units.json")
        self.plans_data = _read("plans.json")
        self.keys: dict[str, Plan] = {}

    def run(self) -> None:
        report = units_load_official(data_dir=settings.DATA_DIR)
        self.log(f"Đơn vị hành chính: {report.summary()}")
        with transaction.atomic():
            self.admin = self._admin()
            self._villages_and_organisations()
            self._users()
            self._plans()
            self._derived()
            self._activities()
            self._pledges()
            self._satisfaction_survey()
            self._exemplars()

    def _admin(self) -> User:
        admin = User.objects.filter(username="admin").first()
        if admin is None:
            admin = User.objects.create_superuser(
                "admin", "admin@example.invalid", DEMO_PASSWORD, full_name="Quản trị hệ thống"
            )
        return admin

    def _villages_and_organisations(self) -> None:
        for entry in self.units_data["communes"]:
            commune = find_unit([entry["province"], entry["district"], entry["commune"]])
            csv_text = "Tên thôn\n" + "\n".join(entry["villages"]) + "\n"
            result = villages_import_csv(commune=commune, raw=csv_text.encode("utf-8"))
            if result.created:
                self.log(f"{commune}: thêm {len(result.created)} thôn")
            self._organisations(commune, self.units_data["commune_organizations"])
            for village in commune.children.all():
                if not Organization.objects.filter(unit=village, kind="ban_phat_trien_thon").exists():
                    organization_create(
                        unit=village,
                        kind="ban_phat_trien_thon",
                        name=f"Ban phát triển {village.name.lower()[0]}{village.name[1:]}",
                    )
        for entry in self.units_data["districts"]:
            self._organisations(
                find_unit([entry["province"], entry["district"]]), self.units_data["district_organizations"]
            )
        for names, full_name, position, detail in SIGNERS:
            unit = find_unit(names)
            if not Official.objects.filter(unit=unit, full_name=full_name).exists():
                official_create(
                    unit=unit,
                    full_name=full_name,
                    position=position,
                    position_detail=detail,
                    organization=unit.organizations.filter(kind="ubnd").first(),
                )

    @staticmethod
    def _organisations(unit: AdminUnit, templates: list[list[str]]) -> None:
        for kind, pattern in templates:
            name = pattern.format(short=_unit_phrase(unit), name=unit.name)
            if not Organization.objects.filter(unit=unit, name=name).exists():
                organization_create(unit=unit, kind=kind, name=name)

    def _users(self) -> None:
        for username, full_name, role, names, title in DEMO_USERS:
            user = User.objects.filter(username=username).first()
            if user is None:
                user = User.objects.create_user(username, password=DEMO_PASSWORD, full_name=full_name)
            unit = find_unit(names)
            if not Membership.objects.active().filter(user=user, unit=unit, role=role).exists():
                membership_grant(user=user, unit=unit, role=role, title=title)

    def _plans(self) -> None:
        for spec in self.plans_data["plans"]:
            unit = find_unit(spec["unit"])
            existing = Plan.objects.filter(unit=unit, title=plan_title(spec)).first()
            if existing is not None:
                self.keys[spec["key"]] = existing
                continue
            self.keys[spec["key"]] = self._plan(spec, unit)
            self.log(f"Kế hoạch: {spec['key']}")

    def _plan(self, spec: dict, unit: AdminUnit) -> Plan:
        if spec.get("seed"):
            return self._seed_plan(spec, unit)
        header = {
            k: spec.get(k)
            for k in (
                "kind",
                "place",
                "theme",
                "purposes",
                "requirements",
                "signer_authority",
                "signer_title",
                "signer_name",
            )
            if spec.get(k) is not None
        }
        for key in ("issue_date", "period_start", "period_end"):
            header[key] = dt.date.fromisoformat(spec[key]) if spec.get(key) else None
        header["full_number"] = spec.get("full_number", "")
        parts = {part: [self._row(part, row, unit, None) for row in rows] for part, rows in spec["parts"].items()}
        plan = plan_services.plan_import(
            user=self.admin,
            unit=unit,
            header={"title": spec["title"], "issuer_name": spec["issuer_name"], **header},
            parts=parts,
        )
        return plan_services.plan_register_issued(user=self.admin, plan=plan)

    def _seed_plan(self, spec: dict, unit: AdminUnit) -> Plan:
        """A seed plan is read from its text exactly as the import page reads a
        document; the demo then adds the links a document gives only in words."""
        parsed = read_seed(spec["seed"])
        header = importing.header_from(parsed)
        parts = importing.parts_from(parsed)
        parent = self.keys.get(spec.get("parent"))
        for duty in parts["duties"]:
            extra = spec.get("duties", {}).get(duty["assignee_text"], {})
            duty.update(self._row("duties", extra, unit, parent))
        for index, extra in spec.get("targets", {}).items():
            parts["targets"][int(index)].update(self._row("targets", extra, unit, parent))
        plan = plan_services.plan_import(user=self.admin, unit=unit, header=header, parts=parts)
        if spec.get("issuer_org"):
            plan.issuer = unit.organizations.filter(kind=spec["issuer_org"]).first()
            plan.save(update_fields=["issuer"])
        return plan_services.plan_register_issued(user=self.admin, plan=plan)

    def _row(self, part: str, row: dict, unit: AdminUnit, parent: Plan | None) -> dict:
        row = dict(row)
        for key in ("date", "start", "end", "deadline", "due_date"):
            if row.get(key):
                row[key] = dt.date.fromisoformat(row[key])
        for key in ("value", "quantity"):
            if row.get(key) is not None:
                row[key] = Decimal(row[key])
        if "org" in row:
            org = row.pop("org")
            row["assignee_org"] = (
                unit.organizations.filter(kind=org).first() or Organization.objects.filter(name=org).first()
            )
        if "position" in row:
            row["assignee_position"] = row.pop("position")
        if "place_village" in row:
            row["place_unit"] = unit.children.get(name=row.pop("place_village"))
        if "scope_village" in row:
            row["scope_unit"] = unit.children.get(name=row.pop("scope_village"))
        if "implements_parent_duty" in row:
            row["from_parent_duty"] = list(parent.duties.all())[row.pop("implements_parent_duty")]
        if "implements_parent_target" in row:
            row["allocated_from"] = list(parent.targets.all())[row.pop("implements_parent_target")]
        return row

    def _activities(self) -> None:
        """Hồng Thái's Saturday table (seed 000's BIỂU) with two villages' registrations,
        and its 2023 calendar rotating over the six villages."""
        plan = self.keys["seed-000"]
        if plan.registration_calls.exists():
            return
        form = read_seed("000_3b73d6c918d70f28.txt")["forms"][0]
        call = registrations_services.call_create(
            user=self.admin,
            plan=plan,
            title=form["title"],
            kind="activity",
            registrants="villages",
        )
        villages = {v.name: v for v in plan.unit.children.all()}
        examples = [
            (
                "Thôn Bản Huấn",
                "Nạo vét tuyến mương giao thông tại khu dân cư thôn Bản Huấn",
                "Thôn Bản Huấn",
                "Đề nghị hỗ trợ nhân lực cùng tham gia",
                [("people", "", 25, "người"), ("tool", "cuốc", 20, "cái")],
            ),
            (
                "Thôn Nà Ín",
                "Làm mới đường giao thông nông thôn (dài 500m, rộng 2,5m)",
                "Thôn Nà Ín",
                "Đề nghị hỗ trợ nhân lực cùng tham gia đổ bê tông đường",
                [
                    ("people", "", 30, "người"),
                    ("material", "cát", 5, "m³"),
                    ("material", "sỏi", 5, "m³"),
                    ("tool", "xẻng", 20, "cái"),
                ],
            ),
        ]
        for village, content, place, support, lines in examples:
            registration = registrations_services.registration_submit(
                user=self.admin,
                call=call,
                unit=villages[village],
                content=content,
                place=place,
                support_requested=support,
                lines=[
                    {"kind": k, "description": d, "quantity": Decimal(q), "unit_of_measure": u} for k, d, q, u in lines
                ],
            )
            if village == "Thôn Nà Ín":
                registrations_services.registration_confirm(user=self.admin, registration=registration, version=1)
        days = workdays_services.workdays_generate(
            user=self.admin, plan=plan, start=dt.date(2023, 4, 8), end=dt.date(2023, 12, 31)
        )
        # and the coming months', so that a village head trying the demo today has a next
        # Saturday to register for and to see on “Việc của tôi”
        this_month = timezone.localdate().replace(day=1)
        coming = workdays_services.workdays_generate(
            user=self.admin, plan=plan, start=this_month, end=this_month + dt.timedelta(days=180)
        )
        self.log(f"Hồng Thái: {len(days)} ngày thứ Bảy năm 2023, {len(coming)} ngày sắp tới, 2 đăng ký")
        self._garden_progress()
        self._poverty_fund()
        self._ntm_standard()
        self._current_criteria()
        self._model_gardens()

    def _ntm_standard(self) -> None:
        """Tam Đường (seed 004) aims at 61,5% of its communes meeting the NTM standard in 2020:
        8 of its 13 communes recorded as meeting it, rolled up to the district at once."""
        for path in sorted((settings.DATA_DIR / "criteria").glob("*.json")):
            criteria_services.criteria_set_load(data=json.loads(path.read_text(encoding="utf-8")))
        indicator, _created = Indicator.objects.get_or_create(
            code="xa-dat-chuan-ntm",
            defaults={
                "name": "Xã đạt chuẩn nông thôn mới",
                "value_type": "boolean",
                "aggregation": "count_achieving",
                "achieving_threshold": Decimal(1),
            },
        )
        plan = self.keys["seed-004"]
        target = plan.targets.filter(text__startswith="Có 61,5%").first()
        if target is not None:
            target.indicator = indicator
            target.save(update_fields=["indicator"])
        communes = sorted(plan.unit.children.all(), key=lambda u: u.name)
        for n, commune in enumerate(communes):
            indicator_services.value_record(
                user=self.admin,
                indicator=indicator,
                unit=commune,
                period_kind="year",
                day=dt.date(2020, 12, 31),
                value=Decimal(1 if n < 8 else 0),
            )

    def _current_criteria(self) -> None:
        """Xã Tân Văn (formed on 01/07/2025 from Hồng Thái and its neighbours) assessed against
        the 2026–2030 set: the province places it in a group and it records its criteria.
        The group and the states are illustrations, not Lạng Sơn's decisions; no indicator
        levels are made up (the decision's table is entered by a province, see the README)."""
        current = CriteriaSet.objects.get(code="ntm-xa-2026-2030")
        province = AdminUnit.objects.current().filter(name="Tỉnh Lạng Sơn", parent=None).first()
        tan_van = AdminUnit.objects.in_subtree(province).filter(name="Xã Tân Văn").first() if province else None
        if tan_van is None:
            return
        keeper = User.objects.get(username="tinh.langson")
        # the province of the current list is a unit of its own beside the pre-2025 one
        if not Membership.objects.active().filter(user=keeper, unit=province).exists():
            membership_grant(
                user=keeper, unit=province, role=Role.ADMIN, title="Văn phòng Điều phối nông thôn mới tỉnh"
            )
        criteria_services.commune_groups_set(
            user=keeper,
            criteria_set=current,
            groups={tan_van: current.groups.get(number=3)},
            basis="Dữ liệu minh họa",
        )
        day = min(dt.date(2026, 10, 15), timezone.localdate())
        states = {1: "achieved", 2: "not_yet", 3: "not_yet", 4: "achieved", 5: "achieved", 6: "not_yet"}
        states |= {8: "not_yet", 9: "achieved", 10: "achieved"}
        for criterion in current.criteria.filter(number__in=states):
            criteria_services.criterion_status_set(
                user=keeper, unit=tan_van, criterion=criterion, state=states[criterion.number], date=day
            )
        self.log(f"Tân Văn: {current.name}, {current.groups.get(number=3)}, 5/10 tiêu chí đạt")

    def _model_gardens(self) -> None:
        """Cẩm Hà (seed 001): its two model gardens assessed against Hà Tĩnh's garden set:
        Thành Xuân's (the youth union's) done by 25/6/2022, Tiến Thắng's (the farmers' union's)
        still short of its products and landscape."""
        garden_set = CriteriaSet.objects.get(code="ha-tinh-vuon-mau")
        commune = find_unit(["Tỉnh Hà Tĩnh", "Huyện Cẩm Xuyên", "Xã Cẩm Hà"])
        assessed = {
            ("Thôn Thành Xuân", "Đoàn xã"): {1: "achieved", 2: "achieved", 3: "achieved", 4: "achieved"},
            ("Thôn Tiến Thắng", "Hội Nông dân xã"): {1: "achieved", 2: "achieved", 3: "not_yet", 4: "not_yet"},
        }
        for (village_name, keeper), states in assessed.items():
            village = commune.children.get(name=village_name)
            name = f"Vườn mẫu thôn {village_name.removeprefix('Thôn ')}"
            garden = Garden.objects.filter(unit=village, name=name).first() or criteria_services.garden_create(
                user=self.admin, village=village, name=name, keeper=keeper, criteria_set=garden_set
            )
            for criterion in garden_set.criteria.all():
                criteria_services.criterion_status_set(
                    user=self.admin,
                    unit=village,
                    garden=garden,
                    criterion=criterion,
                    state=states[criterion.number],
                    date=dt.date(2022, 6, 28),
                )

    def _garden_progress(self) -> None:
        """Cẩm Hà (seed 001): the model gardens of the youth and farmers' unions, reported."""
        plan = self.keys["seed-001"]
        steps = {
            "Đoàn xã": [
                (dt.date(2022, 4, 2), 30, "Ra quân cải tạo vườn, phát quang, làm hàng rào xanh"),
                (dt.date(2022, 5, 14), 70, "Trồng rau, cây ăn quả; làm lối đi trong vườn"),
                (dt.date(2022, 6, 25), 100, "Hoàn thành vườn mẫu tại thôn Thành Xuân, đề nghị xã kiểm tra"),
            ],
            "Hội Nông dân xã": [
                (dt.date(2022, 4, 16), 40, "Quy hoạch lại vườn hộ, cải tạo đất"),
                (dt.date(2022, 6, 18), 80, "Trồng cây, làm hệ thống tưới; còn biển tên vườn mẫu"),
            ],
        }
        for duty in plan.duties.filter(assignee_text__in=steps):
            for day, percent, note in steps[duty.assignee_text]:
                plans_services.duty_progress_add(user=self.admin, duty=duty, date=day, percent=percent, note=note)

    def _poverty_fund(self) -> None:
        """Tam Đường (seed 004): the "Vì người nghèo" fund toward its target of over 134 million đồng."""
        plan = self.keys["seed-004"]
        target = plan.targets.filter(text__contains="Vì người nghèo").first()
        fund = contributions_services.fund_create(
            user=self.admin,
            unit=plan.unit,
            name="Quỹ “Vì người nghèo” huyện Tam Đường",
            target=target.value if target else None,
            plan=plan,
        )
        binh_lu = plan.unit.children.get(name="Xã Bình Lư")
        gifts = [
            (plan.unit, "enterprise", "Công ty TNHH Chè Tam Đường", "money", 25_000_000, "", 0, "TĐ-001"),
            (plan.unit, "organization", "Cán bộ, công chức UBND huyện", "money", 18_500_000, "", 0, "TĐ-002"),
            (binh_lu, "household", "Hộ ông Lò Văn Pánh", "money", 500_000, "", 0, "BL-001"),
            (binh_lu, "person", "Bà Tao Thị Mai", "goods", 10, "10 bao gạo", 4_500_000, "BL-002"),
            (binh_lu, "household", "Nhân dân bản Nà Bỏ", "labour", 45, "", 0, ""),
        ]
        for unit, who_kind, who, kind, amount, description, value, receipt in gifts:
            contributions_services.contribution_record(
                user=self.admin,
                unit=unit,
                contributor_kind=who_kind,
                contributor_name=who,
                kind=kind,
                amount=Decimal(amount),
                description=description,
                value=Decimal(value),
                receipt_number=receipt,
                date=dt.date(2020, 10, 17),
                fund=fund if kind in ("money", "goods") else None,
                plan=plan,
            )

    def _pledges(self) -> None:
        """Hà Trung's emulation (seed 002): the tiểu khu and unions pledge in the plan's own
        words; the plan's reward standards become the scoring sheet; the chairman scores."""
        plan = self.keys["seed-002"]
        if plan.pledges.exists():
            return
        quarters = {v.name: v for v in plan.unit.children.all()}
        farmers = plan.unit.organizations.filter(kind="nong_dan").first()
        for unit, organization, kind, name, commitments in [
            (
                quarters["Tiểu khu 4"],
                None,
                "collective",
                "",
                "Xây dựng mô hình nhân dân hiến đất mở đường giao thông; tiểu khu sáng - xanh - sạch - đẹp - an toàn.",
            ),
            (
                quarters["Tiểu khu 1"],
                None,
                "collective",
                "",
                "Nhà văn hóa, điểm vui chơi công cộng thường xuyên dọn dẹp sạch sẽ; "
                "100% hộ giữ cảnh quan môi trường sống gọn gàng - sạch - đẹp.",
            ),
            (
                plan.unit,
                farmers,
                "collective",
                "",
                "Vận động hội viên hiến đất, góp ngày công làm đường; bảo đảm an toàn thực phẩm trong sản xuất.",
            ),
        ]:
            reward_services.pledge_register(
                user=self.admin,
                plan=plan,
                unit=unit,
                organization=organization,
                subject_kind=kind,
                subject_name=name,
                commitments=commitments,
            )
        chairman = User.objects.get(username="tt.hatrung")
        items = reward_services.scoring_sheet_set(
            user=self.admin, plan=plan, items=reward_services.scoring_sheet_proposal(plan)
        )
        reward_services.council_member_appoint(user=self.admin, plan=plan, member=chairman, title="Chủ tịch Hội đồng")
        for pledge, points in zip(plan.pledges.order_by("pk"), (9, 8, 7), strict=True):
            reward_services.scores_record(
                user=chairman, pledge=pledge, points={item.pk: Decimal(points) for item in items}
            )
        # Tiểu khu 4 goes up to the district for its chairman's Giấy khen; Tiểu khu 1 gets the town's.
        forms = {form.level: form for form in RewardForm.objects.all()}
        for quarter, level in (("Tiểu khu 4", "district"), ("Tiểu khu 1", "commune")):
            nomination = reward_services.nomination_propose(
                user=chairman, pledge=plan.pledges.get(unit__name=quarter), reward_form=forms[level]
            )
            reward_services.nomination_decide(user=chairman, nomination=nomination, approve=True)
        town_form = forms["commune"]
        reward_services.nominations_disclose(
            user=chairman,
            nominations=list(plan.nominations.filter(reward_form=town_form)),
            day=dt.date(2023, 9, 15),
            days=7,
        )
        reward_services.reward_decision_issue(
            user=chairman,
            plan=plan,
            reward_form=town_form,
            nominations=list(plan.nominations.filter(reward_form=town_form)),
            number="125",
            date=dt.date(2023, 9, 29),
            signer_title="CHỦ TỊCH",
            signer_name="Cù Văn Hân",
            amount=Decimal(300_000),
        )

    def _satisfaction_survey(self) -> None:
        """Hà Trung's target: at least 80% of citizens satisfied with each NTM content.
        The survey is open now, so that the phone form can be tried; households of nine
        tiểu khu have answered, Tiểu khu 10 too few to be shown in public."""
        plan = self.keys["seed-002"]
        if plan.surveys.exists():
            return
        town = plan.unit
        chairman = User.objects.get(username="tt.hatrung")
        for number, quarter in enumerate(town.children.order_by("pk"), start=1):
            for n in range(1, 9):
                household_save(
                    user=chairman, village=quarter, code=f"TK{number}-{n:02d}", head_name=f"Hộ số {n} {quarter.name}"
                )
        criteria = Criterion.objects.filter(
            criteria_set__code="ntm-xa-2021-2025", number__in=[2, 3, 4, 5, 6, 15, 17, 19]
        )
        today = timezone.localdate()
        survey = survey_services.survey_create(
            user=chairman,
            plan=plan,
            unit=town,
            title="Khảo sát mức độ hài lòng của người dân đối với kết quả xây dựng nông thôn mới",
            introduction="Mỗi hộ gia đình cho biết mức độ hài lòng với từng nội dung; ý kiến không ghi tên.",
            opens_on=today - dt.timedelta(days=10),
            closes_on=today + dt.timedelta(days=20),
            questions=survey_services.criteria_questions(criteria),
        )
        survey_services.survey_open(user=chairman, survey=survey)
        questions = list(survey.questions.select_related("criterion"))
        for number, quarter in enumerate(town.children.order_by("pk"), start=1):
            for n in range(1, 4 if number == 10 else 7):
                serial = number * 10 + n
                survey_services.survey_answer(
                    survey=survey,
                    choices={q.pk: _demo_choice(q.criterion.number, serial) for q in questions},
                    address=f"demo-{serial}",
                    village=quarter,
                    household_code=f"TK{number}-{n:02d}",
                )
        self.log(f"Khảo sát mức độ hài lòng: {survey.responses.count()} phiếu")

    def _exemplars(self) -> None:
        plan = self.keys["seed-002"]
        if plan.exemplars.exists():
            return
        chairman = User.objects.get(username="tt.hatrung")
        quarters = {v.name: v for v in plan.unit.children.all()}
        for unit, kind, title, story in [
            (
                quarters["Tiểu khu 4"],
                "practice",
                "Nhân dân Tiểu khu 4 hiến đất mở rộng đường giao thông",
                "Ban phát triển tiểu khu họp từng nhóm hộ hai bên tuyến, đo đạc công khai, "
                "ghi tên từng hộ hiến đất lên bảng tin. 23 hộ hiến 410 m² đất, góp 160 ngày công; "
                "tuyến đường rộng 5 m hoàn thành trước kế hoạch một tháng.",
            ),
            (
                quarters["Tiểu khu 1"],
                "collective",
                "Tiểu khu 1 sáng - xanh - sạch - đẹp - an toàn",
                "Mỗi chiều thứ Bảy các hộ cùng dọn vệ sinh đường làng, chăm tuyến hoa trước nhà văn hóa; "
                "100% hộ phân loại rác tại nguồn.",
            ),
        ]:
            exemplar = exemplar_services.exemplar_create(
                user=chairman,
                unit=unit,
                kind=kind,
                title=title,
                story=story,
                plan=plan,
                photos=[("minh-hoa.png", _illustration(title), "Ảnh minh họa")],
            )
            exemplar_services.exemplar_publish(user=chairman, exemplar=exemplar)

    def _derived(self) -> None:
        for spec in self.plans_data["derived"]:
            parent = self.keys[spec["parent"]]
            commune = parent.unit.children.get(name=spec["commune"])
            if Plan.objects.filter(unit=commune, parent=parent).exists():
                continue
            targets = {t.text: t for t in parent.targets.all()}
            for text, value in spec.get("allocations", {}).items():
                plan_services.target_allocate(user=self.admin, target=targets[text], values={commune: Decimal(value)})
            child = plan_services.plan_derive(user=self.admin, parent=parent, unit=commune)
            if spec.get("issue"):
                plan_services.plan_update(
                    user=self.admin,
                    plan=child,
                    number=spec["number"],
                    symbol="KH-UBND",
                    issue_date=dt.date.fromisoformat(spec["issue_date"]),
                    period_start=dt.date(2020, 3, 2),
                    signer_authority="TM. ỦY BAN NHÂN DÂN",
                    signer_title="CHỦ TỊCH",
                    signer_name=spec["signer_name"],
                )
                plan_services.plan_issue(user=self.admin, plan=child)
            self.log(f"Kế hoạch thực hiện của {commune}")


def _demo_choice(criterion: int, serial: int) -> str:
    """A fixed spread of answers: environment (criterion 17) falls short of 80%."""
    if criterion == 17 and serial % 3 == 0:
        return "unsatisfied"
    if criterion == 15 and serial % 13 == 0:
        return "no_opinion"
    return "unsatisfied" if serial % 11 == 0 else "satisfied"


def _illustration(title: str) -> bytes:
    """A drawn picture standing in for the photos a commune would upload."""
    image = Image.new("RGB", (960, 640), (170, 210, 240))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 380, 960, 640), fill=(90, 160, 70))
    draw.polygon([(430, 380), (530, 380), (760, 640), (200, 640)], fill=(150, 150, 150))
    for x in range(40, 960, 90):
        draw.ellipse((x, 420, x + 30, 450), fill=(230, 80, 120))
    draw.text((20, 20), f"Ảnh minh họa – {title}"[:80], fill=(20, 20, 20))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def read_seed(name: str) -> dict:
    return docparse.parse_text((SEEDS_DIR / name).read_text(encoding="utf-8"))


def plan_title(spec: dict) -> str:
    """How a demo plan is found again: its unit and its title (read from its seed text)."""
    return spec["title"] if "title" in spec else importing.header_from(read_seed(spec["seed"]))["title"]


def _unit_phrase(unit: AdminUnit) -> str:
    """ "xã Hồng Thái", "thị trấn Hà Trung": the unit as named after an organisation."""
    return unit.name[0].lower() + unit.name[1:]


def demo_logins() -> list[tuple[str, str, str]]:
    rows = [("admin", "Quản trị hệ thống (toàn quyền, trang /admin/)", "")]
    for username, full_name, role, names, title in DEMO_USERS:
        rows.append((username, f"{full_name} — {title}", f"{Role(role).label} · {' › '.join(names[1:] or names)}"))
    return rows


def seed_plan_ids() -> dict[str, int]:
    """The seed file stem → the plan's id, for exporting the API documents."""
    data = _read("plans.json")
    found = {}
    for spec in data["plans"]:
        if spec.get("seed"):
            plan = Plan.objects.filter(unit=find_unit(spec["unit"]), title=plan_title(spec)).first()
            if plan is not None:
                found[Path(spec["seed"]).stem] = plan.pk
    return found
