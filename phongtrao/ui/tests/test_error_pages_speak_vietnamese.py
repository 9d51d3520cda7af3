"""A refusal is a page of the site, in Vietnamese, fit for a phone, with a way back: 403,
404, 409 and 500 alike, never Django's bare English ones."""

from __future__ import annotations

from django.template.loader import render_to_string

from phongtrao.testing import make_plan

SITE = ('name="viewport"', 'href="/"', "/portal/", 'class="top"')


def test_not_found_and_forbidden_are_pages_of_the_site(people):
    missing = people.client(None).get("/plans/999999/")
    assert missing.status_code == 404
    html = missing.content.decode()
    assert "Không tìm thấy trang này" in html and all(piece in html for piece in SITE)
    draft = make_plan(people)
    refused = people.client(people.commune_viewer).post(f"/plans/{draft.pk}/issue/")
    assert refused.status_code == 403
    html = refused.content.decode()
    assert "Bạn không có quyền làm việc này" in html and all(piece in html for piece in SITE)


def test_a_collision_and_a_server_error_are_pages_of_the_site():
    conflict = render_to_string("409.html", {"detail": "Đăng ký này vừa được người khác xử lý."})
    assert "Người khác vừa làm trước" in conflict and "vừa được người khác xử lý" in conflict
    crashed = render_to_string("500.html")  # rendered without a request, as Django does
    assert "Hệ thống gặp lỗi" in crashed and 'name="viewport"' in crashed and 'href="/"' in crashed
