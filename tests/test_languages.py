"""The interface's language: the menu's switch is remembered, the login page
can switch too, an English facilitator reads English menus, and the scripts'
catalogue of an English séance is English. Forms keep ISO dates."""

from datetime import date
from html import unescape

from django.conf import settings
from django.core import mail
from django.urls import reverse

from abaque.meetings.models import Meeting


def switch(client, language, next_url="/"):
    return client.post("/i18n/setlang/", {"language": language, "next": next_url})


def test_the_switch_is_remembered_in_a_cookie_and_the_next_page_is_english(client_in):
    page = client_in.get("/seances/").content.decode()
    assert '<html lang="fr">' in page and ">Séances</a>" in page

    response = switch(client_in, "en", "/seances/")
    assert response.status_code == 302 and response["Location"] == "/seances/"
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "en" and int(cookie["max-age"]) == settings.LANGUAGE_COOKIE_AGE

    page = client_in.get("/seances/").content.decode()
    assert '<html lang="en">' in page
    assert ">Sessions</a>" in page and ">Participatory processes</a>" in page and ">My account</a>" in page
    assert "Log out" in page and "Se déconnecter" not in page

    switch(client_in, "fr", "/seances/")
    assert '<html lang="fr">' in client_in.get("/seances/").content.decode()


def test_the_login_page_switches_language(client, db):
    login_url = reverse("login")
    page = client.get(login_url).content.decode()
    assert 'action="/i18n/setlang/"' in page and 'value="en"' in page  # the switch, before logging in
    switch(client, "en", login_url)
    page = unescape(client.get(login_url).content.decode())
    assert '<html lang="en">' in page and "Log in" in page and "Forgotten password?" in page
    assert "Mot de passe oublié" not in page


def test_an_english_facilitator_reads_english_menus_and_messages(client_in, structure, colleague):
    client_in.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = unescape(client_in.get(reverse("members")).content.decode())
    assert "<h1>Members" in page and "Invite a member" in page
    assert "Administrators</strong> manage the members" in page
    assert "Administrateur" not in page  # the roles' choices are translated too
    response = client_in.post(reverse("members"), {"invite": "1", "name": "Zoé Petit", "email": "", "role": "reader"})
    page = unescape(client_in.get(response["Location"]).content.decode())
    assert "Invitation created: pass the link below on to Zoé Petit." in page
    assert "reader · valid until" in page


def test_the_invitation_e_mail_is_in_the_language_of_the_inviter(client_in, structure):
    client_in.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client_in.post(reverse("members"), {"invite": "1", "name": "Zoé", "email": "zoe@pnr.fr", "role": "facilitator"})
    (sent,) = mail.outbox
    assert sent.subject == f"Invitation to join {structure.name}"
    assert sent.body.startswith("Hello Zoé,") and "(facilitator)" in sent.body and "It is valid until " in sent.body


def test_the_scripts_of_an_english_seance_get_the_english_catalogue(client, meeting):
    meeting.language = "en"
    meeting.save()
    english = client.get(f"/i18n/js/{meeting.language}/")
    assert english.status_code == 200 and english["Content-Type"].startswith("text/javascript")
    text = english.content.decode()
    assert "Phone vote kept." in text and "%(n)s characters left" in text
    french = client.get("/i18n/js/fr/").content.decode()
    assert "Phone vote kept." not in french
    assert "const v = (n > 1);" in french and "const v = (n != 1);" in text  # each language's plural rule
    assert client.get("/i18n/js/de/").status_code == 404


def test_every_page_loads_the_catalogue_of_its_language_before_its_scripts(client_in):
    client_in.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client_in.get("/seances/").content.decode()
    assert page.index('src="/i18n/js/en/"') < page.index("abaque/js/forms.js")


def test_the_seance_form_keeps_iso_dates_in_english(client_in, meeting):
    meeting.date = date(2026, 12, 1)
    meeting.save()
    client_in.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client_in.get(f"/seances/{meeting.pk}/modifier/").content.decode()
    assert 'type="date"' in page and 'value="2026-12-01"' in page
    response = client_in.post(
        "/seances/nouvelle/",
        {
            "title": "An English séance",
            "date": "2026-12-03",
            "place": "Town hall",
            "territory": "PNR",
            "question": "How could we, together, …?",
            "language": "en",
            "mode": "nominative",
            "scale_variant": "standard",
            "display": "names",
        },
    )
    assert response.status_code == 302
    assert Meeting.objects.get(title="An English séance").date == date(2026, 12, 3)
