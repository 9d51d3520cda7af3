from decimal import Decimal

from phongtrao.plans.models import Plan
from phongtrao.testing import make_plan


def put_parts(client, plan, parts):
    return client.put(f"/api/plans/{plan.pk}/parts", parts, content_type="application/json")


def test_it_saves_every_part_and_keeps_row_ids_on_update(people):
    plan = make_plan(people)
    client = people.client(people.commune_officer)
    response = put_parts(
        client,
        plan,
        {
            "phases": [{"name": "Đợt 1", "start": "2023-03-01", "end": "2023-04-30"}],
            "targets": [
                {"text": "Quỹ vì người nghèo", "value": 134, "unit_of_measure": "triệu đồng", "comparator": ">"}
            ],
            "duties": [
                {
                    "assignee_text": "Hội Nông dân xã",
                    "text": "Hoàn thành 1 vườn mẫu",
                    "deadline": "2023-06-30",
                    "quantity": 1,
                    "quantity_unit": "vườn mẫu",
                    "place_unit": people.village.pk,
                }
            ],
            "recipients": [{"text": "UBND huyện"}],
            "reporting_duties": [
                {
                    "reporter_text": "Ban phát triển thôn",
                    "recipient_text": "Ban chỉ đạo xã",
                    "frequency": "weekly",
                    "weekday": 4,
                }
            ],
        },
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["targets"][0]["value"] == "134" and body["targets"][0]["comparator"] == ">"
    assert body["duties"][0]["place_unit"] == people.village.pk
    assert body["reports"] == [
        {
            "from": "Ban phát triển thôn",
            "to": "Ban chỉ đạo xã",
            "frequency": "weekly",
            "weekday": "Thứ Sáu",
            "weekday_number": 4,
            "day_of_month": None,
        }
    ]
    phase_id = body["phases"][0]["id"]
    again = put_parts(
        client, plan, {"phases": [{"id": phase_id, "name": "Đợt một", "start": "2023-03-01", "end": "2023-05-31"}]}
    ).json()
    assert again["phases"] == [
        {"id": phase_id, "name": "Đợt một", "start": "2023-03-01", "end": "2023-05-31", "tasks": None}
    ]
    assert again["recipients"] == ["UBND huyện"]  # parts not sent are left alone


def test_it_refuses_a_phase_outside_the_plan_period_and_saves_nothing(people):
    plan = make_plan(people)
    response = put_parts(
        people.client(people.commune_officer),
        plan,
        {
            "recipients": [{"text": "UBND huyện"}],
            "phases": [{"name": "Đợt 3", "start": "2023-09-02", "end": "2024-01-31"}],
        },
    )
    assert response.status_code == 422
    assert response.json()["errors"]["phases"] == [
        "Đợt thi đua, dòng 1: nằm ngoài thời gian thực hiện kế hoạch (01/03/2023 – 31/12/2023)."
    ]
    assert not Plan.objects.get().recipients.exists()


def test_it_refuses_a_target_without_a_value(people):
    plan = make_plan(people)
    response = put_parts(people.client(people.commune_officer), plan, {"targets": [{"text": "Tỷ lệ hộ nghèo"}]})
    assert response.status_code == 422
    assert response.json()["errors"]["targets"] == ["Chỉ tiêu, dòng 1: thiếu giá trị chỉ tiêu."]


def test_it_refuses_an_impossible_date_in_a_row(people):
    plan = make_plan(people)
    response = put_parts(
        people.client(people.commune_officer),
        plan,
        {"deadlines": [{"what": "Đăng ký công trình", "date": "2023-02-30"}]},
    )
    assert response.status_code == 422
    assert response.json()["errors"]["deadlines"] == [
        "Thời hạn, dòng 1: Hạn: ngày không hợp lệ (dùng dạng YYYY-MM-DD, ví dụ 2023-04-07)."
    ]


def test_the_edit_page_saves_header_and_rows_together(people):
    plan = make_plan(people)
    client = people.client(people.commune_officer)
    page = client.get(f"/plans/{plan.pk}/edit/")
    assert page.status_code == 200
    data = {
        "kind": "emulation",
        "issuer_name": "UBND xã Hồng Phong",
        "full_number": "7/KH-UBND",
        "place": "Hồng Phong",
        "issue_date": "2023-02-20",
        "title": "Kế hoạch thử đã sửa",
        "period_start": "2023-03-01",
        "period_end": "2023-12-31",
        "signer_title": "CHỦ TỊCH",
        "signer_name": "Nguyễn Văn A",
    }
    for part, formset in page.context["formsets"].items():  # what the browser sends for the blank rows
        data[f"{part}-TOTAL_FORMS"] = "1"
        data[f"{part}-INITIAL_FORMS"] = "0"
        blank = formset.forms[0]
        data.update(
            {
                blank[name].html_name: blank[name].value()
                for name in blank.fields
                if blank[name].value() not in (None, "")
            }
        )
    data.update(
        {
            "phases-0-name": "Đợt 1",
            "phases-0-start": "01/03/2023",
            "phases-0-end": "30/04/2023",
            "targets-0-text": "Có 61,5% số xã đạt chuẩn",
            "targets-0-value": "61,5",
            "targets-0-comparator": ">=",
            "recipients-0-text": "UBND huyện",
        }
    )
    response = client.post(f"/plans/{plan.pk}/edit/", data)
    assert response.status_code == 302, {p: f.errors for p, f in response.context["formsets"].items() if f.errors}
    plan.refresh_from_db()
    assert plan.title == "Kế hoạch thử đã sửa" and plan.full_number == "7/KH-UBND"
    assert [p.name for p in plan.phases.all()] == ["Đợt 1"]
    assert plan.targets.get().value == Decimal("61.5")
    assert 'value="61,5"' in client.get(f"/plans/{plan.pk}/edit/").content.decode()
    assert [r.text for r in plan.recipients.all()] == ["UBND huyện"]
    # a phase outside the period: the page shows the error and keeps the old rows
    data["phases-0-end"] = "31/01/2024"
    data["title"] = "Không được lưu"
    response = client.post(f"/plans/{plan.pk}/edit/", data)
    assert response.status_code == 200
    plan.refresh_from_db()
    assert plan.title == "Kế hoạch thử đã sửa"
    assert "nằm ngoài thời gian" in response.content.decode()


def test_the_edit_page_offers_only_the_plans_own_organisations_and_units(people):
    from phongtrao.orgs.services import organization_create

    mine = organization_create(unit=people.village, kind="ban_phat_trien_thon", name="Ban phát triển thôn Đông")
    theirs = organization_create(unit=people.other_commune, kind="nong_dan", name="Hội Nông dân xã Tân Lập")
    plan = make_plan(people)
    page = people.client(people.commune_officer).get(f"/plans/{plan.pk}/edit/")
    duties = page.context["formsets"]["duties"].forms[0]
    assert list(duties.fields["assignee_org"].queryset) == [mine]
    assert theirs.pk not in {u.pk for u in duties.fields["place_unit"].queryset}
    assert people.other_commune not in duties.fields["place_unit"].queryset


def test_it_refuses_rows_pointing_outside_the_plans_subtree(people):
    from phongtrao.orgs.services import organization_create

    theirs = organization_create(unit=people.other_commune, kind="nong_dan", name="Hội Nông dân xã Tân Lập")
    plan = make_plan(people)
    response = put_parts(
        people.client(people.commune_officer),
        plan,
        {
            "duties": [
                {
                    "assignee_text": "Hội Nông dân",
                    "text": "Vườn mẫu",
                    "assignee_org": theirs.pk,
                    "place_unit": people.other_commune.pk,
                }
            ],
            "targets": [{"text": "Chỉ tiêu", "value": 1, "scope_unit": people.district.pk}],
        },
    )
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert len(errors["duties"]) == 2 and "Xã Tân Lập không thuộc Xã Hồng Phong" in errors["duties"][0]
    assert "Huyện Đồi Chè không thuộc" in errors["targets"][0]
