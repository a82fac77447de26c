"""The first start: a one-time link creates the facilitator account."""

from django.contrib.auth import get_user_model

from abaque.accounts import first_account


def test_the_one_time_link_creates_the_first_account_and_then_expires(client, db):
    path = first_account.first_account_path()
    assert path.startswith("/bienvenue/")
    response = client.post(
        path,
        {
            "structure_name": "Parc naturel régional Scarpe-Escaut",
            "structure_kind": "parc",
            "username": "claire",
            "first_name": "Claire Morel",
            "email": "",
            "password1": "Abaque-en-Scarpe-2026",
            "password2": "Abaque-en-Scarpe-2026",
        },
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(username="claire")
    assert user.is_superuser
    membership = user.memberships.get()
    assert (membership.structure.name, membership.structure.kind) == ("Parc naturel régional Scarpe-Escaut", "parc")
    assert membership.role == "admin"
    assert client.get(path).status_code == 404
    assert first_account.first_account_path() is None


def test_a_wrong_token_answers_404(client, db):
    first_account.first_account_path()
    assert client.get("/bienvenue/not-the-token/").status_code == 404


def test_no_link_once_an_account_exists(facilitator):
    assert first_account.first_account_path() is None


def test_a_weak_password_is_flagged_under_the_first_password_field(client, db):
    path = first_account.first_account_path()
    form = {"username": "claire", "first_name": "Claire Morel", "email": "", "password1": "123", "password2": "123"}
    response = client.post(path, form)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "password1" in errors and "password2" not in errors
    mismatch = client.post(path, {**form, "password1": "Abaque-en-Scarpe-2026", "password2": "autre-chose-2026"})
    assert "password2" in mismatch.context["form"].errors  # a mismatch stays under the confirmation
