from phongtrao.accounts.models import ApiToken
from phongtrao.accounts.services import api_token_revoke
from phongtrao.testing import PASSWORD, make_plan


def test_a_token_reads_and_writes_like_its_owner(people):
    draft = make_plan(people, title="Dự thảo xã")
    secret = people.token(people.commune_officer)
    client = people.client(None)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    assert client.get(f"/api/plans/{draft.pk}").status_code == 404
    assert client.get(f"/api/plans/{draft.pk}", **auth).status_code == 200
    response = client.patch(f"/api/plans/{draft.pk}", {"theme": "Chủ đề mới"}, content_type="application/json", **auth)
    assert response.status_code == 200 and response.json()["theme"] == "Chủ đề mới"
    assert ApiToken.objects.get().last_used_at is not None


def test_a_revoked_or_wrong_token_is_refused(people):
    draft = make_plan(people)
    secret = people.token(people.commune_officer)
    client = people.client(None)
    assert (
        client.patch(
            f"/api/plans/{draft.pk}",
            {"theme": "x"},
            content_type="application/json",
            HTTP_AUTHORIZATION="Bearer pt_wrong",
        ).status_code
        == 401
    )
    api_token_revoke(token=ApiToken.objects.get())
    # On a public read too: a caller who sends a token means to be someone, and is told
    # the token no longer works rather than served as an anonymous visitor.
    refused = client.get(f"/api/plans/{draft.pk}", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert refused.status_code == 401 and refused.json() == {
        "detail": "Cần đăng nhập hoặc khóa API còn hiệu lực.",
        "errors": {},
    }
    assert client.get("/api/plans", HTTP_AUTHORIZATION="Basic eDp5").status_code == 401


def test_only_the_digest_is_stored_and_tokens_are_managed_on_the_account_page(people):
    client = people.client(people.commune_officer)
    response = client.post("/me/tokens/", {"name": "phần mềm của huyện"}, follow=True)
    token = ApiToken.objects.get(user=people.commune_officer)
    page = response.content.decode()
    assert "pt_" in page and token.digest not in page
    assert people.client(people.outsider).post(f"/me/tokens/{token.pk}/revoke/").status_code == 404
    assert client.post(f"/me/tokens/{token.pk}/revoke/").status_code == 302


def test_a_village_head_changes_a_password_and_is_not_offered_api_keys(people):
    head = people.client(people.village_head)
    page = head.get("/me/").content.decode()
    assert "/me/password/" in page and "Khóa API" not in page
    assert head.post("/me/tokens/", {"name": "điện thoại"}).status_code == 403
    assert not ApiToken.objects.filter(user=people.village_head).exists()
    changed = head.post(
        "/me/password/",
        {"old_password": PASSWORD, "new_password1": "nuoc-chay-da-mon-2026", "new_password2": "nuoc-chay-da-mon-2026"},
    )
    assert changed.status_code == 302
    people.village_head.refresh_from_db()
    assert people.village_head.check_password("nuoc-chay-da-mon-2026")


def test_session_writes_to_the_api_need_the_csrf_token(people):
    from django.test import Client

    draft = make_plan(people)
    client = Client(enforce_csrf_checks=True)
    client.force_login(people.commune_officer)
    assert client.patch(f"/api/plans/{draft.pk}", {"theme": "x"}, content_type="application/json").status_code == 403
