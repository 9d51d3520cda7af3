"""A plan's page starts with what the reader has to do on it, before the document text
(folded on phones); the fragment follows the plan's own sight rules."""

from django.urls import reverse

from phongtrao.testing import make_plan, register


def test_the_village_head_finds_the_register_button_first(people, running_plan):
    page = people.client(people.village_head).get(reverse("plans:detail", args=[running_plan.pk])).content.decode()
    fragment_url = reverse("mywork:plan_actions", args=[running_plan.pk])
    assert page.index(fragment_url) < page.index('<details class="document" data-open-wide')
    assert '<article class="document">' not in page  # the text comes when it is opened
    assert reverse("plans:document", args=[running_plan.pk]) in page

    actions = people.client(people.village_head).get(fragment_url).content.decode()
    assert reverse("registrations:register", args=[running_plan.call.pk]) in actions
    assert "Phát quang đường trục thôn" in actions and "Nạo vét mương" not in actions


def test_the_commune_finds_what_waits_for_it_there(people, running_plan):
    registration = register(people, running_plan)
    fragment_url = reverse("mywork:plan_actions", args=[running_plan.pk])
    actions = people.client(people.commune_officer).get(fragment_url).content.decode()
    assert reverse("registrations:registration", args=[registration.pk]) in actions


def test_a_reader_without_work_there_gets_nothing_and_an_outsider_no_draft(people, running_plan):
    fragment_url = reverse("mywork:plan_actions", args=[running_plan.pk])
    assert "work-items" not in people.client(people.commune_viewer).get(fragment_url).content.decode()
    assert "work-items" not in people.client(people.outsider).get(fragment_url).content.decode()
    draft = make_plan(people, title="Dự thảo")
    assert people.client(people.outsider).get(reverse("mywork:plan_actions", args=[draft.pk])).status_code == 404
    assert people.client(None).get(reverse("mywork:plan_actions", args=[draft.pk])).status_code == 404
