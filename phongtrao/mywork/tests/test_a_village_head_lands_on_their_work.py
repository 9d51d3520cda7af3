"""A village head logs in and lands on what is theirs to do: the open call, the next
Saturday, the reports owed, a returned registration with its reason and the button to
fix and resend it; nothing of the neighbouring village."""

from django.urls import reverse

from phongtrao.registrations.services import registration_return
from phongtrao.reports.models import Report
from phongtrao.testing import PASSWORD, register
from phongtrao.workdays.models import WorkDay


def test_logging_in_lands_on_my_work(people, client):
    response = client.post(reverse("login"), {"username": "village_head", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("mywork:index")
    assert client.get("/")["Location"] == reverse("mywork:index")


def test_a_village_head_sees_what_to_do_and_where_to_tap(people, running_plan):
    registration = register(people, running_plan)
    registration_return(
        user=people.commune_officer, registration=registration, version=registration.version, reason="Ghi rõ số người"
    )
    page = people.client(people.village_head).get(reverse("mywork:index")).content.decode()

    assert "Đăng ký phần việc tháng này" in page
    assert reverse("registrations:register", args=[running_plan.call.pk]) in page
    assert "Ghi rõ số người" in page and reverse("registrations:edit", args=[registration.pk]) in page
    assert "Phát quang đường trục thôn" in page and "Nạo vét mương" not in page
    own_days = WorkDay.objects.filter(unit=people.village)
    assert any(reverse("workdays:workday", args=[d.pk]) in page for d in own_days)
    assert not any(
        reverse("workdays:workday", args=[d.pk]) in page for d in WorkDay.objects.filter(unit=people.other_village)
    )
    own_reports = Report.objects.filter(unit=people.village)
    assert own_reports and all(reverse("reports:report", args=[r.pk]) in page for r in own_reports)
    assert not any(
        reverse("reports:report", args=[r.pk]) in page for r in Report.objects.filter(unit=people.other_village)
    )


def test_the_neighbouring_village_and_an_outsider_see_none_of_it(people, running_plan):
    registration = register(people, running_plan)
    registration_return(
        user=people.commune_officer, registration=registration, version=registration.version, reason="Ghi rõ số người"
    )
    for user in (people.other_village_head, people.outsider):
        page = people.client(user).get(reverse("mywork:index")).content.decode()
        assert "Ghi rõ số người" not in page
        assert reverse("registrations:edit", args=[registration.pk]) not in page
        assert "Phát quang đường trục thôn" not in page
    outsider = people.client(people.outsider).get(reverse("mywork:index")).content.decode()
    assert "Đăng ký phần việc tháng này" not in outsider


def test_a_visitor_is_asked_to_log_in(people, client):
    assert client.get(reverse("mywork:index"))["Location"].startswith(reverse("login"))
    assert client.get("/api/my-work").status_code == 401
