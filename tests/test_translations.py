"""Every string a person reads is marked for translation, and every
catalogue is complete and up to date.

The msgids are the French texts (see abaque/messages.py), so an unmarked
string is one that reads as French outside a translation call:
- in a template, any visible text or reading attribute with letters outside
  {% translate %} / {% blocktranslate %} (the words of ALLOWED_WORDS aside);
- in Python and JavaScript, a string literal that looks French (an accent,
  a guillemet, a French word) outside gettext and its kin.
Each case of the parametrisation is one app (or the project's own files),
so that each app can be finished on its own."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from abaque import scale
from abaque.messages import APPS, PROJECT, catalogues, folder

SRC = folder(PROJECT)
SCOPES = (*APPS, PROJECT)

# Words that read the same in both languages: names, formats, units.
ALLOWED_WORDS = {
    "Abaque",
    "Régnier",
    "Colorvote",
    "Pol",
    "is",
    "QR",
    "CSV",
    "PDF",
    "ODT",
    "XLSX",
    "JSON",
    "SMTP",
    "HTTPS",
    "URL",
    "OK",
    "FR",
    "EN",
    "Wi",
    "Fi",
    "Français",
    "English",
    "CC",
    "BY",
}
# Files whose French is data, not interface: the demo séance, its debate and its démarche.
DATA_FILES = {"meetings/demo.py", "debate/demo.py", "plans/demo.py"}
# A person's data download (the right of access) is a data format: its keys stay
# the same in every language, so that a program reading it never breaks.
PERSONAL_DATA_KEY = "a JSON key of a person's data download, stable in every language"
# Strings checked by hand and not user-facing: "path:text" with the reason.
ALLOWED_STRINGS: dict[str, str] = {
    # scale.py is the one source of truth of the scale's texts: each French
    # label and name has its English beside it (label_in, name_in, variant_label).
    **{f"scale.py:{lv.label}": "scale.py holds its English beside it" for lv in scale.LEVELS},
    **{f"scale.py:{lv.name}": "scale.py holds its English beside it" for lv in scale.LEVELS},
    **{f"scale.py:{text}": "scale.py holds its English beside it" for text in scale.VARIANT_LABELS.values()},
    # A language's name in the switch is written in that language (an autonym).
    "settings.py:Français": "the language's own name, the same whatever the interface's language",
    # short_date spells the French months itself (Django's « jan. » is not the
    # Imprimerie nationale's « janv. ») and only when French is active.
    **{
        f"templatetags/abaque.py:{month}": "French months, used only in French"
        for month in ("janv.", "févr.", "juil.", "août", "sept.", "déc.")
    },
    "meetings/importing.py:nom et prenom": "a header word recognised in a pasted list, never shown",
    "meetings/importing.py:acteur social ou culturel": "a category word recognised in a pasted list, never shown",
    "plans/urls.py:actions/depuis-les-items/": "a URL path, the same in every language",
    "plans/urls.py:actions/retenir-les-premieres/": "a URL path, the same in every language",
    "reports/views/personal.py:séance": PERSONAL_DATA_KEY,
    "reports/views/personal.py:catégorie": PERSONAL_DATA_KEY,
    "reports/views/personal.py:lié à un téléphone le": PERSONAL_DATA_KEY,
    "reports/views/personal.py:items proposés": PERSONAL_DATA_KEY,
    "reports/views/personal.py:modifié le": PERSONAL_DATA_KEY,
    "reports/views/personal.py:état": PERSONAL_DATA_KEY,
    "reports/views/personal.py:envoyé le": PERSONAL_DATA_KEY,
    "transfer/management/commands/backup.py:--avec-cle": "a command-line option's name, typed as is",
}

MARKERS = {
    "_",
    "gettext",
    "gettext_lazy",
    "ngettext",
    "ngettext_lazy",
    "pgettext",
    "pgettext_lazy",
    "npgettext",
    "npgettext_lazy",
    "gettext_noop",
    "N_",
    "interpolate",
}
FRENCH = re.compile(
    r"[àâçéèêëîïôûùüÿœæÀÂÇÉÈÊËÎÏÔÛÙÜŸŒÆ«»]"
    r"|\b(?:le|la|les|des|du|une|est|sont|et|pour|pas|vous|votre|vos|aucun|aucune|avec|dans|sur|ce|cette|ces|qui|que|ou|au|aux|mon|ma|mes|nous)\b"
)
LETTERS = re.compile(r"[A-Za-zÀ-ÿŒœ]{2,}")


def files_of(scope: str, suffixes: tuple[str, ...]) -> list[Path]:
    base = folder(scope)
    found = []
    for path in sorted(base.rglob("*")):
        rel = path.relative_to(base)
        if path.suffix not in suffixes or not path.is_file():
            continue
        if {"migrations", "vendor", "locale", "__pycache__"} & set(rel.parts):
            continue
        if scope == PROJECT and rel.parts[0] in APPS:
            continue
        found.append(path)
    return found


def label(path: Path) -> str:
    return str(path.relative_to(SRC))


# ---------------------------------------------------------------- templates

TEMPLATE_COMMENT = re.compile(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}|{#.*?#}", re.S)
BLOCK_TRANSLATE = re.compile(r"{%\s*blocktrans(?:late)?\b.*?{%\s*endblocktrans(?:late)?\s*%}", re.S)
TRANSLATE = re.compile(r"{%\s*trans(?:late)?\s.*?%}", re.S)
CLASS_BLOCK = re.compile(r"{%\s*block\s+\w*class\w*\s*%}.*?{%\s*endblock\b.*?%}", re.S)  # CSS classes
TEMPLATE_CODE = re.compile(r"{%.*?%}|{{.*?}}", re.S)
SCRIPT_STYLE = re.compile(r"<(script|style)\b.*?</\1>", re.S | re.I)
READ_ATTRIBUTES = re.compile(
    r"""\b(title|aria-label|aria-description|placeholder|alt|data-confirm|label)\s*=\s*("[^"]*"|'[^']*')""", re.I
)
TAG = re.compile(r"<[^>]*>", re.S)
ENTITY = re.compile(r"&[#\w]+;")


def readable(text: str) -> bool:
    words = LETTERS.findall(ENTITY.sub(" ", text))
    return any(word not in ALLOWED_WORDS for word in words)


def unmarked_in_template(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    text = TEMPLATE_COMMENT.sub("", text)
    text = CLASS_BLOCK.sub("", text)
    text = BLOCK_TRANSLATE.sub("", text)
    text = TRANSLATE.sub("", text)
    text = SCRIPT_STYLE.sub("", text)
    found = []
    for match in READ_ATTRIBUTES.finditer(text):
        value = TEMPLATE_CODE.sub("", match.group(2)[1:-1])
        if readable(value):
            found.append(f'{match.group(1)}="{value.strip()}"')
    if path.suffix == ".html":
        text = TAG.sub(" ", TEMPLATE_CODE.sub(" ", text))
    else:  # a text e-mail: every line is read
        text = TEMPLATE_CODE.sub(" ", text)
    found += [line.strip() for line in text.splitlines() if readable(line)]
    return found


# ---------------------------------------------------------------- Python


def call_name(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def is_log(node: ast.Call) -> bool:
    func = node.func
    return isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in ("log", "logger")


def unmarked_in_python(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and (call_name(node) in MARKERS or is_log(node)):
            skipped.update(id(sub) for arg in node.args for sub in ast.walk(arg))
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):  # docstrings
            skipped.update(id(sub) for sub in ast.walk(body[0]))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped:
            if FRENCH.search(node.value):
                found.append(node.value.strip()[:100])
    return found


# ---------------------------------------------------------------- JavaScript

JS_COMMENT = re.compile(r"/\*.*?\*/|(?<![:\\])//[^\n]*", re.S)
JS_STRING = re.compile(
    r"""(\b(?:gettext|ngettext|pgettext|interpolate)\s*\(\s*)?("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`)"""
)


_JS_LITERAL = r"""(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')"""
# The second text of ngettext (the plural) and of pgettext (after the context) is marked too.
JS_SECOND_ARGUMENT = re.compile(rf"\b(?:ngettext|pgettext)\s*\(\s*{_JS_LITERAL}\s*,\s*{_JS_LITERAL}")


def unmarked_in_javascript(path: Path) -> list[str]:
    text = JS_COMMENT.sub("", path.read_text(encoding="utf-8"))
    text = JS_SECOND_ARGUMENT.sub("gettext(", text)
    found = []
    for match in JS_STRING.finditer(text):
        marked, literal = match.groups()
        if not marked and FRENCH.search(literal):
            found.append(literal[:100])
    return found


def unmarked(scope: str) -> list[str]:
    found = []
    checks = (
        ((".html", ".txt"), unmarked_in_template),
        ((".py",), unmarked_in_python),
        ((".js",), unmarked_in_javascript),
    )
    for suffixes, check in checks:
        for path in files_of(scope, suffixes):
            rel = str(path.relative_to(folder(PROJECT)))
            if rel in DATA_FILES or rel == "messages.py":
                continue
            found += [f"{rel}: {text}" for text in check(path) if f"{rel}:{text}" not in ALLOWED_STRINGS]
    return found


@pytest.mark.parametrize("scope", SCOPES)
def test_every_readable_string_is_marked_for_translation(scope):
    found = unmarked(scope)
    assert not found, f"{len(found)} strings not marked for translation in {scope}:\n" + "\n".join(found)


def test_the_check_finds_an_unmarked_string(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        '{% load i18n %}<p>{% translate "Séances" %}</p><button title="Supprimer">×</button>\n<p>Annuler</p>\n'
        "{% blocktranslate %}Bonjour {{ name }}{% endblocktranslate %}<span>{{ x }} · PDF</span>"
    )
    assert unmarked_in_template(page) == ['title="Supprimer"', "Annuler"]
    module = tmp_path / "m.py"
    module.write_text('"""Docstring à part."""\nA = _("Déjà marqué")\nB = "Pas encore marqué"\nC = "css-class"\n')
    assert unmarked_in_python(module) == ["Pas encore marqué"]
    script = tmp_path / "s.js"
    script.write_text(
        'const a = gettext("Envoyé"); const b = "Hors ligne : réessai"; // « commentaire »\n'
        'const c = ngettext("%(n)s caractère", "%(n)s caractères", n); const d = "Déjà vu";\n'
    )
    assert unmarked_in_javascript(script) == ['"Hors ligne : réessai"', '"Déjà vu"']


# ---------------------------------------------------------------- catalogues

needs_gettext = pytest.mark.skipif(
    shutil.which("msgfmt") is None and not os.environ.get("CI"),
    reason="gettext is not installed (.ci/run installs it)",
)


def statistics(po: Path) -> str:
    done = subprocess.run(
        ["msgfmt", "--statistics", "--check-format", "-o", os.devnull, str(po)],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stderr.strip()


@needs_gettext
@pytest.mark.parametrize("scope", SCOPES)
def test_catalogues_have_no_untranslated_or_fuzzy_entry(scope):
    for po in catalogues(scope):
        figures = statistics(po)
        assert "untranslated" not in figures and "fuzzy" not in figures, f"{label(po)}: {figures}"


@needs_gettext
def test_catalogues_are_made_from_the_current_source(tmp_path):
    """`make messages` on a copy of the source changes no catalogue: every
    marked string is in its catalogue, and every .mo is compiled from its .po."""
    copy = tmp_path / "abaque"
    shutil.copytree(SRC, copy, ignore=shutil.ignore_patterns("__pycache__"))
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "ABAQUE_DATA_DIR": str(tmp_path / "data")}
    subprocess.run([sys.executable, "-m", "abaque.messages"], cwd=tmp_path, env=env, check=True, capture_output=True)
    changed = [
        str(made.relative_to(copy))
        for made in sorted(copy.rglob("locale/*/LC_MESSAGES/*.[pm]o"))
        if not (SRC / made.relative_to(copy)).exists()
        or (SRC / made.relative_to(copy)).read_bytes() != made.read_bytes()
    ]
    assert not changed, "run `make messages`, then translate: " + ", ".join(changed)


def test_a_text_has_one_translation_across_the_catalogues():
    """Django merges the catalogues (the project's first, then each app's):
    a French text translated two ways would read one way everywhere, the
    other catalogue's choice silently lost. The same text, the same English."""
    import gettext

    seen: dict[str, tuple[str, str]] = {}
    clashes = []
    for mo in sorted(SRC.rglob("locale/en/LC_MESSAGES/django.mo")):
        with mo.open("rb") as file:
            catalogue = gettext.GNUTranslations(file)._catalog  # type: ignore[attr-defined]
        for msgid, msgstr in catalogue.items():
            if not msgid:
                continue  # the header
            where = str(mo.relative_to(SRC)).split("/locale")[0] or "abaque"
            if msgid in seen and seen[msgid][1] != msgstr:
                clashes.append(f"{msgid!r}: {seen[msgid][0]} {seen[msgid][1]!r}, {where} {msgstr!r}")
            seen.setdefault(msgid, (where, msgstr))
    assert not clashes, f"{len(clashes)} texts translated two ways:\n" + "\n".join(clashes)
