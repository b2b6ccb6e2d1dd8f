"""Uploads are judged by their content: the six allowed kinds pass under their own names, and
every disguise, oversize or empty file is refused with a Danish message naming the file."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from network.files import names, types, uploads
from tests.network.file_samples import EXE, HTML, SVG, VALID, macro_docx, plain_zip, png, upload
from tests.network.file_samples import pdf as pdf_bytes
from tests.network.file_samples import xlsx as xlsx_bytes


def refusal(name, content):
    with pytest.raises(ValidationError) as refused:
        uploads.check(upload(name, content))
    return refused.value.messages


@pytest.mark.parametrize("extension", sorted(VALID))
def test_each_allowed_kind_is_recognised_by_its_content(extension):
    build, kind = VALID[extension]

    checked = uploads.check(upload(f"Referat fra mødet.{extension}", build()))

    assert checked.kind == kind
    assert checked.name == f"Referat fra mødet.{kind.extension}"


def test_the_browsers_claimed_type_is_ignored():
    disguised = SimpleUploadedFile("side.pdf", HTML, content_type="application/pdf")

    with pytest.raises(ValidationError):
        uploads.check(disguised)


@pytest.mark.parametrize(
    ("name", "content", "claimed"),
    [
        ("rapport.pdf", HTML, "PDF"),
        ("rapport.pdf", SVG, "PDF"),
        ("rapport.pdf", EXE, "PDF"),
        ("rapport.pdf", png(), "PDF"),
        ("budget.docx", png(), "DOCX"),
        ("budget.docx", plain_zip(), "DOCX"),
        ("budget.docx", macro_docx(), "DOCX"),
        ("budget.docx", xlsx_bytes(), "DOCX"),
        ("billede.png", pdf_bytes(), "PNG"),
        ("billede.jpeg", png(), "JPEG"),
    ],
    # Named by what they hold: zip files carry the time they were built, and every xdist
    # worker must collect the same test names.
    ids=[
        "html-as-pdf",
        "svg-as-pdf",
        "exe-as-pdf",
        "png-as-pdf",
        "png-as-docx",
        "zip-as-docx",
        "macro-docm-as-docx",
        "xlsx-as-docx",
        "pdf-as-png",
        "png-as-jpeg",
    ],
)
def test_a_file_whose_name_claims_another_kind_is_refused(name, content, claimed):
    assert refusal(name, content) == [
        f"„{name}“ er ikke en {claimed}-fil, selv om navnet siger det."
    ]


@pytest.mark.parametrize(
    ("name", "content"),
    [("side.html", HTML), ("tegning.svg", SVG), ("program.exe", EXE), ("pakke.zip", plain_zip())],
    ids=["html", "svg", "exe", "zip"],
)
def test_kinds_that_may_not_be_shared_are_refused(name, content):
    assert refusal(name, content) == [
        f"„{name}“ kan ikke deles: kun PDF, Word (docx), Excel (xlsx), PowerPoint (pptx), "
        "PNG og JPG er tilladt."
    ]


def test_a_png_header_followed_by_anything_else_is_not_an_image():
    content = png()[:16] + HTML

    assert refusal("billede.png", content) == [
        "„billede.png“ er ikke en PNG-fil, selv om navnet siger det."
    ]


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("referat", "referat.pdf"),
        ("Referat 12.3", "Referat 12.3.pdf"),
        ("program.exe", "program.exe.pdf"),
        ("REFERAT.PDF", "REFERAT.pdf"),
    ],
)
def test_a_name_not_claiming_an_allowed_kind_gets_the_detected_extension(name, shown):
    assert uploads.check(upload(name, pdf_bytes())).name == shown


def test_jpeg_is_named_jpg():
    _, kind = VALID["jpg"]

    checked = uploads.check(upload("foto.jpeg", VALID["jpg"][0]()))

    assert (checked.name, checked.kind) == ("foto.jpg", kind)


def test_a_file_over_the_limit_is_refused(settings):
    settings.NETWORK_MAX_UPLOAD_BYTES = 1024
    content = pdf_bytes() + b"%" * 2000

    assert refusal("stor.pdf", content) == [
        "„stor.pdf“ er for stor (2,2\xa0KB). En fil må højst fylde 1,0\xa0KB."
    ]


def test_a_file_at_the_limit_is_accepted(settings):
    content = pdf_bytes()
    settings.NETWORK_MAX_UPLOAD_BYTES = len(content)

    assert uploads.check(upload("præcis.pdf", content)).kind == types.PDF


def test_an_empty_file_is_refused():
    assert refusal("tom.pdf", b"") == ["„tom.pdf“ er tom."]


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\x\\rapport.pdf", "rapport.pdf"),
        ("rapport\r\nSet-Cookie: x=1.pdf", "rapportSet-Cookie: x=1.pdf"),
        ("faktura\u202efdp.exe", "fakturafdp.exe"),
        ("  mange   mellemrum\u00a0og\u2028linjer .pdf ", "mange mellemrum og linjer .pdf"),
        ("...", ""),
        ("e\u0301ble.pdf", "éble.pdf"),
    ],
)
def test_names_are_cleaned_of_paths_and_invisible_characters(raw, cleaned):
    assert names.clean(raw) == cleaned


def test_a_very_long_name_is_shortened_and_keeps_its_extension():
    checked = uploads.check(upload("å" * 300 + ".pdf", pdf_bytes()))

    assert checked.name == "å" * names.MAX_STEM_LENGTH + ".pdf"


@pytest.mark.parametrize(
    ("name", "header"),
    [
        ("rapport.pdf", "attachment; filename=\"rapport.pdf\"; filename*=UTF-8''rapport.pdf"),
        (
            'sag "nr. 7".pdf',
            "attachment; filename=\"sag _nr. 7_.pdf\"; filename*=UTF-8''sag%20%22nr.%207%22.pdf",
        ),
        (
            "Årsrapport for Ærø.pdf",
            'attachment; filename="Arsrapport for _r_.pdf"; '
            "filename*=UTF-8''%C3%85rsrapport%20for%20%C3%86r%C3%B8.pdf",
        ),
        (
            "a\r\nb\\c/d;e.pdf",
            "attachment; filename=\"a_b_c_d_e.pdf\"; filename*=UTF-8''a%0D%0Ab%5Cc%2Fd%3Be.pdf",
        ),
        (
            "x\u202efdp.exe",
            "attachment; filename=\"x_fdp.exe\"; filename*=UTF-8''x%E2%80%AEfdp.exe",
        ),
    ],
)
def test_the_download_header_is_safe_for_any_name(name, header):
    assert names.content_disposition(name) == header
