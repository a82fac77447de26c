"""Members: invitations by a personal link, roles, removal, own account, password reset."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.utils import timezone

from abaque.accounts.models import Invitation, Membership
from tests.conftest import PASSWORD, build_meeting, make_member


def test_an_administrator_invites_and_the_link_is_shown_to_copy(client_in, structure):
    response = client_in.post("/membres/", {"invite": "1", "name": "Jeanne Lefort", "email": "", "role": "reader"})
    assert response.status_code == 302
    invitation = Invitation.objects.get(structure=structure)
    assert len(invitation.token) >= 40 and invitation.role == "reader"
    page = client_in.get("/membres/").content.decode()
    assert f"/invitation/{invitation.token}/" in page
    assert not mail.outbox


def test_the_invitation_is_sent_by_email_when_an_address_is_given(client_in, structure):
    client_in.post(
        "/membres/", {"invite": "1", "name": "Jeanne Lefort", "email": "jeanne@cc.fr", "role": "facilitator"}
    )
    invitation = Invitation.objects.get(structure=structure)
    assert mail.outbox[0].to == ["jeanne@cc.fr"]
    assert invitation.token in mail.outbox[0].body


def test_the_invitee_chooses_a_password_and_joins_with_the_role(structure, facilitator):
    invitation = Invitation.objects.create(structure=structure, name="Jeanne", role="reader", invited_by=facilitator)
    client = Client()
    response = client.post(
        f"/invitation/{invitation.token}/",
        {"username": "jeanne", "new_password1": "Scarpe-Escaut-2026", "new_password2": "Scarpe-Escaut-2026"},
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(username="jeanne")
    assert user.check_password("Scarpe-Escaut-2026") and user.first_name == "Jeanne"
    assert Membership.objects.get(user=user, structure=structure).role == "reader"
    assert Client().get(f"/invitation/{invitation.token}/").status_code == 404  # used once


def test_an_expired_or_unknown_invitation_answers_404(structure, facilitator):
    invitation = Invitation.objects.create(
        structure=structure, name="J", invited_by=facilitator, expires_at=timezone.now() - timedelta(minutes=1)
    )
    assert Client().get(f"/invitation/{invitation.token}/").status_code == 404
    assert Client().get("/invitation/nimporte-quoi/").status_code == 404


def test_someone_already_known_joins_a_second_structure(structure, facilitator, outsider):
    invitation = Invitation.objects.create(structure=structure, name="Autre", invited_by=facilitator)
    client = Client()
    client.force_login(outsider)
    assert client.post(f"/invitation/{invitation.token}/").status_code == 302
    assert outsider.memberships.count() == 2


def test_removing_a_member_keeps_their_seances_with_the_structure(client_in, structure, colleague):
    meeting = build_meeting(colleague)
    assert meeting.structure == structure
    membership = structure.memberships.get(user=colleague)
    assert client_in.post(f"/membres/{membership.pk}/retirer/").status_code == 302
    assert not structure.memberships.filter(user=colleague).exists()
    meeting.refresh_from_db()
    assert meeting.structure == structure
    assert client_in.get(f"/seances/{meeting.pk}/").status_code == 200


def test_the_last_administrator_cannot_be_removed_or_demoted(client_in, structure, facilitator):
    own = structure.memberships.get(user=facilitator)
    client_in.post(f"/membres/{own.pk}/retirer/")
    client_in.post(f"/membres/{own.pk}/role/", {"role": "reader"})
    own.refresh_from_db()
    assert own.role == "admin"


def test_an_administrator_changes_a_role(client_in, structure, reader):
    membership = structure.memberships.get(user=reader)
    client_in.post(f"/membres/{membership.pk}/role/", {"role": "facilitator"})
    membership.refresh_from_db()
    assert membership.role == "facilitator"


def test_only_administrators_see_the_members_page(structure, colleague):
    client = Client()
    client.force_login(colleague)
    assert client.get("/membres/").status_code == 403


def test_each_person_changes_their_name_and_email(client_in, facilitator):
    client_in.post("/compte/", {"first_name": "Claire M.", "email": "claire@pnr.fr"})
    facilitator.refresh_from_db()
    assert (facilitator.first_name, facilitator.email) == ("Claire M.", "claire@pnr.fr")


def test_password_reset_sends_a_french_email_with_a_working_link(facilitator):
    client = Client()
    assert client.post("/mot-de-passe-oublie/", {"email": "animatrice@pnr.fr"}).status_code == 302
    body = mail.outbox[0].body
    assert "nouveau mot de passe" in body
    link = next(word for word in body.split() if "/mot-de-passe-oublie/" in word)
    path = link.split("://", 1)[1].split("/", 1)[1]
    page = client.get("/" + path, follow=True)
    assert page.status_code == 200
    response = client.post(
        page.redirect_chain[-1][0], {"new_password1": "Nouveau-Parc-2027", "new_password2": "Nouveau-Parc-2027"}
    )
    assert response.status_code == 302
    facilitator.refresh_from_db()
    assert facilitator.check_password("Nouveau-Parc-2027") and not facilitator.check_password(PASSWORD)


def test_a_member_of_two_structures_is_invited_to_neither_by_a_stranger(structure, outsider):
    make_member(structure, "reader", "lectrice2")
    client = Client()
    client.force_login(outsider)
    assert client.post(f"/membres/{structure.memberships.first().pk}/retirer/").status_code == 404
