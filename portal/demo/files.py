"""Small real files for the demo's documents, attachments and libraries, built when loaded.

Each builder returns bytes that the upload check (network.files.uploads) recognises by content:
a one-page PDF with text, a workbook with figures, a Word document, a bar chart as PNG.
"""

import io
import zipfile
from xml.sax.saxutils import escape

import openpyxl
from openpyxl.styles import Font
from PIL import Image, ImageDraw, ImageFont

# A4 in points; the text starts at the top left margin.
PDF_PAGE = (595, 842)
PDF_MARGIN = 56
PDF_LEADING = 16


def _pdf_text(line):
    """A PDF string literal in WinAnsiEncoding, which has the Danish letters."""
    raw = line.encode("cp1252", "replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def pdf(title, lines):
    """One A4 page: the title in bold, then a line of text per item of `lines`."""
    width, height = PDF_PAGE
    content = [b"BT", f"/F2 16 Tf {PDF_MARGIN} {height - PDF_MARGIN} Td".encode()]
    content += [_pdf_text(title) + b" Tj", f"/F1 11 Tf 0 -{2 * PDF_LEADING} Td".encode()]
    for line in lines:
        content += [_pdf_text(line) + b" Tj", f"0 -{PDF_LEADING} Td".encode()]
    stream = b"\n".join([*content, b"ET"])
    font = "<< /Type /Font /Subtype /Type1 /BaseFont /{} /Encoding /WinAnsiEncoding >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width} {height}] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>".encode(),
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        font.format("Helvetica").encode(),
        font.format("Helvetica-Bold").encode(),
    ]
    document = bytearray(b"%PDF-1.4\n%\xe6\xf8\xe5\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(document))
        document += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(document)
    document += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    document += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    document += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(document)


def xlsx(sheet_title, header, rows):
    """A workbook with one sheet: a bold header row, then the rows."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = sheet_title
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for column in sheet.columns:
        width = max(len(str(cell.value or "")) for cell in column)
        sheet.column_dimensions[column[0].column_letter].width = min(width + 2, 60)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCX_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="word/document.xml" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
        "</Relationships>"
    ),
}


def _docx_paragraph(text, *, bold=False, size=None):
    properties = ("<w:b/>" if bold else "") + (f'<w:sz w:val="{size}"/>' if size else "")
    run_properties = f"<w:rPr>{properties}</w:rPr>" if properties else ""
    return f'<w:p><w:r>{run_properties}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def docx(title, paragraphs):
    """A Word document: the title as a large bold line, then one paragraph per item."""
    body = _docx_paragraph(title, bold=True, size=32) + "".join(
        _docx_paragraph(text) for text in paragraphs
    )
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}">'
        f"<w:body>{body}</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, xml in DOCX_PARTS.items():
            archive.writestr(name, xml)
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()


CHART_SIZE = (640, 360)
CHART_BAR = (0, 75, 135)


def _chart_font():
    """DejaVu Sans where installed (it has æ, ø and å); Pillow's own font otherwise."""
    try:
        return ImageFont.truetype("DejaVuSans.ttf", 14)
    except OSError:
        return ImageFont.load_default(size=14)


def png_bar_chart(title, bars):
    """A bar chart of (label, value) pairs with the title above it."""
    width, height = CHART_SIZE
    image = Image.new("RGB", CHART_SIZE, "white")
    draw = ImageDraw.Draw(image)
    font = _chart_font()
    draw.text((20, 12), title, fill="black", font=font)
    top, bottom, left = 50, height - 40, 20
    slot = (width - 2 * left) // len(bars)
    highest = max(value for _label, value in bars)
    for position, (label, value) in enumerate(bars):
        x = left + position * slot
        bar_top = bottom - (bottom - top) * value / highest
        draw.rectangle((x + 8, bar_top, x + slot - 8, bottom), fill=CHART_BAR)
        draw.text((x + 8, bar_top - 18), f"{value:g}", fill="black", font=font)
        draw.text((x + 8, bottom + 8), label, fill="black", font=font)
    draw.line((left, bottom, width - left, bottom), fill="black")
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
