from phongtrao.testing import PASSWORD


def test_it_locks_a_username_from_one_address_after_five_failures(people, settings):
    settings.AXES_FAILURE_LIMIT = 5
    client = people.client(None)
    for _attempt in range(5):
        client.post("/login/", {"username": "village_head", "password": "wrong"}, REMOTE_ADDR="10.0.0.1")
    locked = client.post("/login/", {"username": "village_head", "password": PASSWORD}, REMOTE_ADDR="10.0.0.1")
    assert locked.status_code == 429
    assert "Tạm khóa" in locked.content.decode()
    # a colleague in the same commune office (same address) can still log in
    other = people.client(None).post(
        "/login/", {"username": "commune_officer", "password": PASSWORD}, REMOTE_ADDR="10.0.0.1"
    )
    assert other.status_code == 302


def test_a_correct_login_works(people):
    response = people.client(None).post("/login/", {"username": "commune_officer", "password": PASSWORD})
    assert response.status_code == 302
