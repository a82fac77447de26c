"""Every page of the URL table's world, read as its administrator: ids are
unique and every id an ARIA attribute or a label points to exists. axe only
flags these as « to review » in the browser, so they are checked here."""

from html.parser import HTMLParser

from django.test import Client

from tests.accounts.test_url_walk import EXPECTED, TABLE, path_for, url_patterns, world  # noqa: F401

REFERENCES = ("aria-describedby", "aria-labelledby", "aria-controls", "for")


class References(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.duplicates, self.pointed = set(), set(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            (self.duplicates if attrs["id"] in self.ids else self.ids).add(attrs["id"])
        for name in REFERENCES:
            for target in (attrs.get(name) or "").split():
                self.pointed.append((name, target))


def test_ids_are_unique_and_every_reference_exists(world):  # noqa: F811 (the fixture imported above)
    ids, objects, users, tokens = world
    client = Client()
    client.force_login(users["admin"])
    wrong, read = [], 0
    for name, pattern in url_patterns():
        if name in ("logout", "set_language") or EXPECTED[TABLE[name]][0] not in ("ok", "public"):
            continue
        response = client.get(path_for(name, pattern, ids, objects, tokens))
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        parser = References()
        parser.feed(response.content.decode())
        read += 1
        wrong += [f"{name}: id « {d} » twice" for d in sorted(parser.duplicates)]
        wrong += [f"{name}: {attr}={t} points to nothing" for attr, t in parser.pointed if t not in parser.ids]
    assert read > 50
    assert wrong == [], "\n".join(wrong)
