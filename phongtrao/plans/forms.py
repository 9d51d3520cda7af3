from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from phongtrao.bounds import DOCUMENT_BYTES, ID_MAX
from phongtrao.geo.models import AdminUnit
from phongtrao.orgs.models import Organization
from phongtrao.plans.models import Frequency, Plan, PlanKind, Weekday
from phongtrao.plans.services import PARTS
from phongtrao.ui.fields import DayField, MultipleUploadField, UploadField, VietnameseDecimalField
from phongtrao.ui.formatting import number_text


class PlanHeaderForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại kế hoạch"), choices=PlanKind.choices)
    issuer_name = forms.CharField(label=_("Cơ quan ban hành"), max_length=255)
    full_number = forms.CharField(
        label=_("Số, ký hiệu"),
        max_length=70,
        required=False,
        help_text=_("Ví dụ 42/KH-UBND; để trống số nếu chưa cấp: /KH-UBND"),
    )
    place = forms.CharField(label=_("Địa danh"), max_length=100, required=False)
    issue_date = DayField(required=False, label=_("Ngày ban hành"))
    title = forms.CharField(label=_("Trích yếu"), widget=forms.Textarea(attrs={"rows": 2}))
    theme = forms.CharField(label=_("Chủ đề"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    preamble = forms.CharField(label=_("Căn cứ, mở đầu"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    purposes = forms.CharField(label=_("Mục đích"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    requirements = forms.CharField(label=_("Yêu cầu"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    period_start = DayField(required=False, label=_("Thực hiện từ ngày"))
    period_end = DayField(required=False, label=_("Đến ngày"))
    signer_authority = forms.CharField(
        label=_("Thẩm quyền ký"), max_length=100, required=False, help_text=_("TM. ỦY BAN NHÂN DÂN; KT. CHỦ TỊCH")
    )
    signer_title = forms.CharField(label=_("Chức vụ người ký"), max_length=100, required=False)
    signer_name = forms.CharField(label=_("Người ký"), max_length=100, required=False)
    recurrence_frequency = forms.ChoiceField(
        label=_("Hoạt động lặp lại"), required=False, choices=[("", "—"), *Frequency.choices]
    )
    recurrence_weekday = forms.TypedChoiceField(
        label=_("vào"), required=False, coerce=int, empty_value=None, choices=[("", "—"), *Weekday.choices]
    )
    recurrence_skip = forms.CharField(
        label=_("trừ những ngày"), max_length=100, required=False, help_text=_("Ví dụ: ngày nghỉ Lễ, Tết")
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and start > end:
            self.add_error("period_end", _("Ngày kết thúc phải sau ngày bắt đầu."))
        return data

    @staticmethod
    def initial_for(plan: Plan) -> dict:
        initial = {name: getattr(plan, name) for name in PlanHeaderForm.base_fields if hasattr(plan, name)}
        initial["full_number"] = plan.full_number if (plan.number or plan.symbol) else ""
        if plan.symbol and not plan.number:
            initial["full_number"] = ("-" if "/" in plan.symbol else "/") + plan.symbol
        return initial


class PlanCreateForm(PlanHeaderForm):
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=None)

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.order_fields(["unit"])


class DeriveForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị xây dựng kế hoạch thực hiện"), queryset=AdminUnit.objects.none())

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = AdminUnit.objects.filter(pk__in=[u.pk for u in units]).order_by("depth", "name")


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


# Which columns of each part the edit page shows; the API can set all of them.
PAGE_PART_FIELDS = {
    "sections": ["label", "depth", "heading", "text"],
    "phases": ["name", "start", "end", "tasks"],
    "targets": ["text", "value", "unit_of_measure", "comparator", "due_date", "scope_unit"],
    "duties": [
        "assignee_text",
        "assignee_org",
        "assignee_level",
        "text",
        "deadline",
        "place_unit",
        "quantity",
        "quantity_unit",
        "status",
    ],
    "deadlines": ["what", "date"],
    "reporting_duties": ["reporter_text", "recipient_text", "frequency", "weekday"],
    "emulation_subjects": ["kind", "text"],
    "reward_standards": ["subject", "text"],
    "reward_forms": ["name"],
    "recipients": ["text"],
    "references": ["role", "number", "date", "issuer", "title"],
}


class PartRowForm(forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, unit: AdminUnit, **kwargs):
        super().__init__(*args, **kwargs)
        # a row may only point at organisations and units of the plan's own subtree
        for name, field in self.fields.items():
            if name == "assignee_org":
                field.queryset = Organization.objects.in_subtree(unit).order_by("unit__depth", "name")
            elif name in ("place_unit", "scope_unit"):
                field.queryset = AdminUnit.objects.in_subtree(unit).order_by("depth", "name")


def _part_form(part: str) -> type[forms.Form]:
    model = PARTS[part][0]
    widgets = {}
    for name in PAGE_PART_FIELDS[part]:
        field = model._meta.get_field(name)
        if field.get_internal_type() == "DateField":
            widgets[name] = DayField.widget
        elif field.get_internal_type() == "TextField":
            widgets[name] = forms.Textarea(attrs={"rows": 2})
    fields = forms.fields_for_model(model, fields=PAGE_PART_FIELDS[part], widgets=widgets)
    for field in fields.values():
        if isinstance(field, forms.DateField):
            field.input_formats = DayField.input_formats
        elif isinstance(field, forms.DecimalField):
            # "61,5" as Vietnamese write it, typed on a phone's decimal keypad
            field.localize = True
            field.widget = forms.TextInput(attrs={"inputmode": "decimal"})
            field.widget.is_localized = True
    return type(f"{model.__name__}RowForm", (PartRowForm,), fields)


PART_FORMSETS = {part: forms.formset_factory(_part_form(part), extra=1, can_delete=True) for part in PAGE_PART_FIELDS}


def part_formsets(*, unit: AdminUnit, rows: dict[str, list[dict]], data=None) -> dict[str, forms.BaseFormSet]:
    formsets = {}
    for part, formset_class in PART_FORMSETS.items():
        model = PARTS[part][0]
        defaults = {f: model._meta.get_field(f).get_default() for f in PAGE_PART_FIELDS[part]}
        initial = [
            {
                **({"id": row["id"]} if row.get("id") else {}),
                **{f: _shown(row[f] if row.get(f) is not None else defaults[f]) for f in PAGE_PART_FIELDS[part]},
            }
            for row in rows.get(part, [])
        ]
        formsets[part] = formset_class(data, initial=initial, prefix=part, form_kwargs={"unit": unit})
        formsets[part].label = PARTS[part][2]
    return formsets


def plan_rows(plan: Plan) -> dict[str, list[dict]]:
    """The plan's parts as rows for the edit page's formsets."""
    return {
        part: [
            {"id": obj.pk, **{f: getattr(obj, f) for f in PAGE_PART_FIELDS[part]}} for obj in getattr(plan, part).all()
        ]
        for part in PAGE_PART_FIELDS
    }


def _shown(value):
    """Decimals without their stored trailing zeros: 74, not 74.0000."""
    if isinstance(value, Decimal):
        return value.normalize() if value != value.to_integral_value() else value.quantize(Decimal(1))
    return value


def rows_from(formset: forms.BaseFormSet) -> list[dict]:
    rows = []
    for form in formset.forms:
        data = form.cleaned_data
        if not data or data.get("DELETE") or not form.has_changed() and not data.get("id"):
            continue
        rows.append({k: v for k, v in data.items() if k != "DELETE" and not (k == "id" and v is None)})
    return rows


def apply_errors(form: forms.Form, exc: ValidationError) -> None:
    """Service errors name model fields; those the form has go beside them."""
    for field, messages in exc.message_dict.items():
        target = field if field in form.fields else None
        for message in messages:
            form.add_error(target, message)


class AllocationForm(forms.Form):
    def __init__(self, *args, units=(), values=None, **kwargs):
        super().__init__(*args, **kwargs)
        values = values or {}
        for unit in units:
            given = values.get(unit.pk)
            self.fields[f"unit_{unit.pk}"] = VietnameseDecimalField(
                label=unit.name,
                required=False,
                min_value=0,
                max_digits=20,
                decimal_places=4,
                initial=None if given is None else number_text(given),
            )
        self.units = {f"unit_{u.pk}": u for u in units}

    def values(self):
        return {self.units[name]: value for name, value in self.cleaned_data.items()}


class ImportUploadForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị ban hành kế hoạch"), queryset=AdminUnit.objects.none())
    file = UploadField(
        max_bytes=DOCUMENT_BYTES,
        label=_("Văn bản (.docx, .pdf, .txt)"),
        help_text=_("Tệp Word, PDF (kể cả bản quét) hoặc văn bản; tối đa 10 MB."),
    )

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class ImportUnitForm(forms.Form):
    unit = forms.ModelChoiceField(queryset=AdminUnit.objects.none(), widget=forms.HiddenInput)

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class ProgressForm(forms.Form):
    date = DayField(label=_("Ngày"))
    percent = forms.IntegerField(
        label=_("Hoàn thành (%)"), min_value=0, max_value=100, widget=forms.NumberInput(attrs={"inputmode": "numeric"})
    )
    note = forms.CharField(label=_("Nội dung đã làm"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    evidence = MultipleUploadField(
        max_bytes=DOCUMENT_BYTES,
        label=_("Ảnh, tài liệu minh chứng"),
        required=False,
        help_text=_("Ảnh, PDF, Word hoặc Excel; mỗi tệp tối đa 10 MB; ảnh được thu nhỏ."),
    )

    def __init__(self, *args, assignments=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.assignments = list(assignments)
        if len(self.assignments) > 1:  # a commune officer may record for any of its villages
            self.fields["assignment"] = forms.TypedChoiceField(
                label=_("Đơn vị"), choices=[(a.pk, a.assignee) for a in self.assignments], coerce=int
            )
            self.order_fields(["assignment"])

    def chosen_assignment(self):
        """The item the step is for: the one chosen, or the reader's only one."""
        if "assignment" in self.cleaned_data:
            return next(a for a in self.assignments if a.pk == self.cleaned_data["assignment"])
        return self.assignments[0] if self.assignments else None


class DutyFilterForm(forms.Form):
    """Duties of one organisation (?org=) or one village (?unit=)."""

    org = forms.IntegerField(required=False, min_value=1, max_value=ID_MAX)
    unit = forms.IntegerField(required=False, min_value=1, max_value=ID_MAX)
