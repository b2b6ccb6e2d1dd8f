"""Demo content files: front matter, body and sections read as written, numbered files in order,
and a file that is not closed properly named in the error."""

import pytest

from portal import front_matter

THREAD = """---
title: "Et spørgsmål: hvad nu?"
by: mette
days_ago: 12
was: |-
  Første udgave.
  Med to linjer.
---
Første linje
anden linje.

- et punkt

--- reply ---
by: karen
quotes: 0
solution: true
---
Et svar.

--- reply ---
by: ole
---
Tak!
"""


def test_front_matter_body_and_sections_are_read_as_written(tmp_path):
    path = tmp_path / "1-spoergsmaal.md"
    path.write_text(THREAD, encoding="utf-8")
    content = front_matter.read(path)
    assert content.meta == {
        "title": "Et spørgsmål: hvad nu?",
        "by": "mette",
        "days_ago": 12,
        "was": "Første udgave.\nMed to linjer.",
    }
    assert content.body == "Første linje\nanden linje.\n\n- et punkt"
    assert [(s.name, s.meta, s.body) for s in content.sections] == [
        ("reply", {"by": "karen", "quotes": 0, "solution": True}, "Et svar."),
        ("reply", {"by": "ole"}, "Tak!"),
    ]


def test_numbered_files_come_in_the_order_of_their_numbers_and_others_are_left_out(tmp_path):
    for name in ("10-sidst.md", "2-midt.md", "1-foerst.md", "README.md", "noter.md"):
        (tmp_path / name).write_text("---\n---\n", encoding="utf-8")
    assert [key for key, _path in front_matter.numbered(tmp_path, "*.md")] == [
        "foerst",
        "midt",
        "sidst",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ingen front matter.\n",
        "---\ntitle: Aldrig lukket\nTekst.\n",
        THREAD.replace("quotes: 0\nsolution: true\n---\n", ""),
    ],
)
def test_a_file_without_closed_front_matter_is_named_in_the_error(tmp_path, text):
    path = tmp_path / "1-forkert.md"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="1-forkert.md"):
        front_matter.read(path)
