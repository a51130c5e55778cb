"""Real PDF files for the tests, written by hand: one page per string, each drawn as lines
of text in Helvetica (one of the fonts every PDF reader has), with a correct cross-reference
table. An empty string makes a page with no text, as a scanned page has none."""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter


def _escape(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _content(text: str) -> bytes:
    if not text:  # a page with a drawing and no text, like a scan without OCR
        return b"0.5 g 72 72 200 200 re f"
    lines = [b"BT /F1 12 Tf 72 720 Td 14 TL"]
    for line in text.split("\n"):
        lines.append(f"({_escape(line)}) Tj T*".encode("latin-1"))
    lines.append(b"ET")
    return b"\n".join(lines)


def make_pdf(pages: list[str]) -> bytes:
    """A valid PDF with one page per string (Latin-1 text; ``\\n`` starts a new line)."""
    count = len(pages)
    # Objects: 1 catalog, 2 pages, 3 font, then a page and its content for each page.
    page_ids = [4 + 2 * i for i in range(count)]
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: (b"<< /Type /Pages /Kids [" + b" ".join(f"{i} 0 R".encode() for i in page_ids)
            + f"] /Count {count} >>".encode()),
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    }
    for page_id, text in zip(page_ids, pages, strict=True):
        content = _content(text)
        objects[page_id] = (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                            f"/Resources << /Font << /F1 3 0 R >> >> "
                            f"/Contents {page_id + 1} 0 R >>").encode()
        objects[page_id + 1] = (f"<< /Length {len(content)} >>\nstream\n".encode()
                                + content + b"\nendstream")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = out.tell()
        out.write(f"{number} 0 obj\n".encode() + objects[number] + b"\nendobj\n")
    xref = out.tell()
    size = max(objects) + 1
    out.write(f"xref\n0 {size}\n0000000000 65535 f \n".encode())
    for number in range(1, size):
        out.write(f"{offsets[number]:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
              .encode())
    return out.getvalue()


def encrypt_pdf(data: bytes, password: str) -> bytes:
    """The same PDF, readable only with ``password`` (pypdf's standard encryption)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=password, owner_password=password, algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
