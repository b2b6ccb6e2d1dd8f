"""Danish by default, English on request: the English catalogue is complete and pages use it.

Danish is the source language of every string, so locale/en/LC_MESSAGES/django.po is the only
catalogue; a string missing from it, or left untranslated or fuzzy, shows up Danish in English.
"""

import ast
import datetime
import re
import shutil
from dataclasses import dataclass, field

import pytest
from django.conf import settings
from django.core.management import call_command

pytestmark = pytest.mark.page_tree_once("guidance_index", "news_index")

WHAT_TO_DO = (
    "run `make messages`, translate the new entries in locale/en/LC_MESSAGES/django.po "
    "(fill every msgstr, keep the %(name)s placeholders and HTML, remove each '#, fuzzy' "
    "flag once its translation is checked), then `make translations`"
)
ENGLISH_CATALOGUE = settings.BASE_DIR / "locale" / "en" / "LC_MESSAGES" / "django.po"
# What `make messages` leaves out; keep in step with the Makefile.
IGNORED_BY_MAKEMESSAGES = [".venv", "node_modules", "static", "bench"]
PLACEHOLDER = re.compile(r"%\([^)]+\)[sd]|%%|\{[a-z_]+\}")
ENGLISH_SKIP_LINK = "Skip to content"
DANISH_SKIP_LINK = "Gå til sidens indhold"


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str = ""
    msgstrs: list[str] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)

    def problem(self):
        """Why this entry would not show English, or None if it will."""
        if "fuzzy" in self.flags:
            return "fuzzy"
        if not self.msgstrs or not all(self.msgstrs):
            return "untranslated"
        sources = [self.msgid] + [self.msgid_plural] * (len(self.msgstrs) - 1)
        for source, translation in zip(sources, self.msgstrs, strict=True):
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation)):
                return "placeholders differ"
        return None


def read_catalogue(path):
    """The live entries of a .po file (not the header, not obsolete `#~` ones)."""
    entries, entry, target = [], Entry(), None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if entry.msgid:
                entries.append(entry)
            entry, target = Entry(), None
        elif line.startswith("#,"):
            entry.flags.update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            append(entry, target, ast.literal_eval(line))
        else:
            keyword, text = line.split(" ", 1)
            target = keyword.split("[")[0]
            if target == "msgstr":
                entry.msgstrs.append("")
            append(entry, target, ast.literal_eval(text))
    return entries


def append(entry, target, text):
    if target == "msgstr":
        entry.msgstrs[-1] += text
    elif target in ("msgid", "msgid_plural"):
        setattr(entry, target, getattr(entry, target) + text)


def listing(entries):
    return "\n".join(f"  - {entry.msgid!r}" for entry in entries)


def test_english_catalogue_is_complete():
    entries = read_catalogue(ENGLISH_CATALOGUE)
    unfinished = {}
    for entry in entries:
        if problem := entry.problem():
            unfinished.setdefault(problem, []).append(entry)

    assert len(entries) > 500, "the English catalogue has lost its entries"
    assert not unfinished, (
        "The English catalogue is not finished:\n"
        + "\n".join(f"{problem}:\n{listing(found)}" for problem, found in unfinished.items())
        + f"\nTo fix it: {WHAT_TO_DO}."
    )


def test_english_catalogue_holds_every_string_in_the_code(tmp_path, settings, monkeypatch):
    """Run `make messages` on a copy of the sources; it must find no string the catalogue lacks."""
    copy = tmp_path / "portal"
    shutil.copytree(
        settings.BASE_DIR,
        copy,
        ignore=shutil.ignore_patterns(*IGNORED_BY_MAKEMESSAGES, ".git", "var", "media", "*.mo"),
    )
    monkeypatch.chdir(copy)
    settings.LOCALE_PATHS = [copy / "locale"]
    call_command(
        "makemessages",
        locale=["en"],
        ignore_patterns=IGNORED_BY_MAKEMESSAGES,
        no_obsolete=True,
        verbosity=0,
    )
    known = {entry.msgid for entry in read_catalogue(ENGLISH_CATALOGUE)}
    regenerated = read_catalogue(copy / "locale" / "en" / "LC_MESSAGES" / "django.po")

    missing = [entry for entry in regenerated if entry.msgid not in known]

    assert not missing, (
        f"{len(missing)} string(s) in the code are not in the English catalogue yet:\n"
        f"{listing(missing)}\nTo fix it: {WHAT_TO_DO}."
    )


@pytest.fixture
def compiled_english():
    """Pages read the compiled catalogue, which `make translations` (run by `make test`) builds."""
    compiled = ENGLISH_CATALOGUE.with_suffix(".mo")
    if not compiled.exists() or compiled.stat().st_mtime < ENGLISH_CATALOGUE.stat().st_mtime:
        pytest.fail(f"{compiled} is missing or older than the .po file: run `make translations`")


@pytest.fixture
def page_urls(home, make_guidance_page, make_news_page):
    """One address per kind of public page, with English that only that page shows."""
    guidance = make_guidance_page("Styringsdialogen", text="Styringsdialog i praksis.")
    make_news_page("Ny vejledning om styringsdialog")
    return {
        "home": ("/", "Latest news"),
        "guidance page": (guidance.url, "Last reviewed"),
        "search": ("/soeg/?q=styringsdialog", '2 results for "styringsdialog"'),
        "log-in page": ("/konto/login/", "Sign In"),
        "missing page": ("/findes-ikke/", "Page not found"),
    }


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["home", "guidance page", "search", "log-in page", "missing page"])
def test_pages_are_english_with_the_english_cookie(client, compiled_english, page_urls, kind):
    url, english = page_urls[kind]
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    html = client.get(url).content.decode()

    assert '<html lang="en">' in html
    assert ENGLISH_SKIP_LINK in html
    assert english in html
    assert DANISH_SKIP_LINK not in html
    assert ">Log in<" in html


def test_monitoring_is_english_with_the_english_cookie(
    client, compiled_english, home, monitoring_data, caseworker_kk, login
):
    login(client, caseworker_kk)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    html = client.get("/monitorering/").content.decode()

    assert "Supervision of my housing organisations" in html
    assert "Housing organisations by overall assessment, most material first" in html
    assert "Tilsyn med mine boligorganisationer" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("accept_language", [None, "en-GB,en;q=0.9"])
def test_danish_is_the_default_whatever_the_browser_asks_for(client, home, accept_language):
    headers = {"Accept-Language": accept_language} if accept_language else {}

    html = client.get("/", headers=headers).content.decode()

    assert '<html lang="da">' in html
    assert DANISH_SKIP_LINK in html
    assert ">Log ind<" in html


def test_language_switch_sets_the_cookie_and_goes_back(client, compiled_english, home):
    response = client.get("/sprog/en/", {"next": "/soeg/?q=tilsyn"})

    assert response.status_code == 302
    assert response["Location"] == "/soeg/?q=tilsyn"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert ENGLISH_SKIP_LINK in client.get("/").content.decode()

    client.get("/sprog/da/", {"next": "/"})

    assert DANISH_SKIP_LINK in client.get("/").content.decode()


def test_language_switch_links_back_to_the_page_it_is_on(client, make_guidance_page):
    page = make_guidance_page("Styringsdialogen")

    html = client.get(page.url).content.decode()

    assert f'href="/sprog/en/?next={page.url}"' in html


@pytest.mark.django_db
def test_language_switch_ignores_unknown_languages_and_foreign_addresses(client):
    response = client.get("/sprog/fr/", {"next": "https://example.org/"})

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_dates_follow_the_chosen_language(client, compiled_english, make_news_page):
    news = make_news_page("Ny vejledning", date=datetime.date(2026, 4, 1))

    danish = client.get(news.url).content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(news.url).content.decode()

    assert "1. april 2026" in danish
    assert "April 1, 2026" in english
