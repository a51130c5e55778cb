"""Reading documents from real files written by the tests: every kind, and bad input."""

from __future__ import annotations

import codecs
import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from chatapp.documents.document import MAX_SECTIONS, Section
from chatapp.documents.docx_text import MAX_DOCX_UNPACKED_BYTES, docx_document
from chatapp.documents.pdf_text import (
    MAX_PAGE_CHARS,
    MAX_PDF_PAGES,
    MAX_PDF_TEXT_CHARS,
    PdfLimits,
    pdf_document,
)
from chatapp.documents.reading import (
    MAX_DOCUMENT_BYTES,
    MAX_TEXT_FILE_BYTES,
    BinaryDocument,
    Document,
    DocumentChanged,
    DocumentError,
    DocumentTooLarge,
    EncryptedDocument,
    ScannedDocument,
    UnreadableDocument,
    UnsupportedDocument,
    check_unchanged,
    is_supported,
    read_document,
    read_document_and_bytes,
    read_document_bytes,
    read_file,
)
from tests.unit.documents.pdf_files import encrypt_pdf, make_pdf

ROOT = Path(__file__).resolve().parents[3]


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def assert_sections_exact(document: Document) -> None:
    for section in document.sections:
        assert document.text[section.start:section.end] == section.text


# -- plain text ---------------------------------------------------------------------------


@pytest.mark.parametrize(("data", "expected"), [
    ("naïve café\n".encode(), "naïve café\n"),
    (codecs.BOM_UTF8 + "naïve café".encode(), "naïve café"),
    (codecs.BOM_UTF16_LE + "naïve café 😀".encode("utf-16-le"), "naïve café 😀"),
    (codecs.BOM_UTF16_BE + "naïve café 😀".encode("utf-16-be"), "naïve café 😀"),
    (codecs.BOM_UTF32_LE + "naïve café 😀".encode("utf-32-le"), "naïve café 😀"),
    ("naïve café \u2013 “quoted”".encode("cp1252"), "naïve café \u2013 “quoted”"),
    (b"one\r\ntwo\rthree\n", "one\ntwo\nthree\n"),
])
def test_text_in_each_encoding(tmp_path: Path, data: bytes, expected: str) -> None:
    document = read_document(write(tmp_path / "notes.txt", data))
    assert (document.kind, document.text) == ("text", expected)
    assert [s.text for s in document.sections] == [expected.strip()]
    assert_sections_exact(document)


def test_a_few_bad_bytes_in_utf8_do_not_make_it_windows_1252(tmp_path: Path) -> None:
    text = "Grüße aus Köln. " * 200
    data = text.encode() + b"\xe9" + text.encode()
    document = read_document(write(tmp_path / "mixed.txt", data))
    assert document.text.startswith("Grüße aus Köln.")
    assert "\ufffd" in document.text


@pytest.mark.parametrize(("data", "looks_like"), [
    (os.urandom(4096), None),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100), "a PNG image"),
    (b"\x7fELF\x02\x01\x01" + bytes(200), "a program"),
    ("hello".encode("utf-16-le") * 50, None),  # UTF-16 without a BOM: NULs everywhere
    (b"abc\x01\x02\x03\x04\x05\x06" * 100, None),  # control characters, no NUL
])
def test_binary_named_txt_is_refused(tmp_path: Path, data: bytes,
                                     looks_like: str | None) -> None:
    with pytest.raises(BinaryDocument) as raised:
        read_document(write(tmp_path / "notes.txt", data))
    message = raised.value.user_message
    assert "notes.txt does not hold text" in message and "save it as PDF" in message
    if looks_like:
        assert looks_like in message


def test_a_zip_named_txt_says_it_is_an_archive(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "hello")
    with pytest.raises(BinaryDocument, match="ZIP archive"):
        read_document(write(tmp_path / "notes.txt", buffer.getvalue()))


def test_a_pdf_named_txt_is_read_as_pdf(tmp_path: Path) -> None:
    document = read_document(write(tmp_path / "notes.txt", make_pdf(["Hidden PDF text."])))
    assert document.kind == "pdf"
    assert document.text == "Hidden PDF text."
    assert document.sections[0].page == 1


def test_the_bytes_read_come_with_the_document(tmp_path: Path) -> None:
    data = make_pdf(["Kept as read."])
    document, read = read_document_and_bytes(write(tmp_path / "keep.pdf", data))
    assert (document.text, read) == ("Kept as read.", data)
    with pytest.raises(UnsupportedDocument):
        read_document_and_bytes(write(tmp_path / "program.exe", b"MZ" + bytes(100)))


def test_empty_file_is_an_empty_document(tmp_path: Path) -> None:
    for name in ("empty.txt", "empty.md", "empty.pdf", "empty.docx", "empty.py"):
        document = read_document(write(tmp_path / name, b""))
        assert (document.text, document.sections) == ("", ())
    assert read_document(tmp_path / "empty.py").language == "Python"


def test_whitespace_only_file_has_no_sections(tmp_path: Path) -> None:
    document = read_document(write(tmp_path / "blank.txt", b"  \n\n\t\n"))
    assert document.sections == ()


# -- Markdown and code --------------------------------------------------------------------


def test_markdown_sections_follow_headings(tmp_path: Path) -> None:
    text = ("Intro line.\n\n# Install\n\nRun the setup.\n\n```sh\n# not a heading\n```\n\n"
            "Usage\n=====\n\nType a question.\n\n- item\n---\n\n## Limits ##\n\nNone.\n")
    document = read_document(write(tmp_path / "README.md", text.encode()))
    assert document.kind == "markdown"
    assert document.text == text
    assert [s.heading for s in document.sections] == [None, "Install", "Usage", "Limits"]
    install = document.sections[1]
    assert install.text.startswith("# Install") and "# not a heading" in install.text
    assert document.sections[2].text.startswith("Usage\n=====")
    assert "- item\n---" in document.sections[2].text  # a rule after a list, no heading
    assert_sections_exact(document)


@pytest.mark.parametrize(("name", "language"), [
    ("tool.py", "Python"), ("main.rs", "Rust"), ("App.tsx", "TypeScript"),
    ("Makefile", "Makefile"), ("CMakeLists.txt", "CMake"), ("query.SQL", "SQL"),
])
def test_source_code_knows_its_language(tmp_path: Path, name: str, language: str) -> None:
    source = "def main():\n    return 42\n"
    document = read_document(write(tmp_path / name, source.encode()))
    assert (document.kind, document.language, document.text) == ("code", language, source)
    assert document.sections[0].text == source.rstrip()


def test_is_supported_by_name() -> None:
    for name in ("a.txt", "b.MD", "c.pdf", "d.docx", "e.htm", "f.go", "README", "Dockerfile"):
        assert is_supported(Path(name)), name
    for name in ("a.doc", "b.png", "c.zip", "noext", "d.exe"):
        assert not is_supported(Path(name)), name


@pytest.mark.parametrize(("name", "advice"), [
    ("report.doc", "save it as .docx"),
    ("sheet.xlsx", "save it as CSV"),
    ("photo.jpg", "save it as PDF or plain text"),
])
def test_unsupported_kinds_say_what_is_read(tmp_path: Path, name: str, advice: str) -> None:
    with pytest.raises(UnsupportedDocument) as raised:
        read_document(write(tmp_path / name, b"whatever"))
    message = raised.value.user_message
    assert name in message and advice in message
    assert ".txt, .md, .pdf, .docx, .html and source code files" in message


# -- HTML ---------------------------------------------------------------------------------


def test_html_keeps_readable_text_only(tmp_path: Path) -> None:
    page = """<!doctype html><html><head><title>Site title</title>
<style>body { color: red }</style><script>var secret = "script text";</script></head>
<body><nav><a href="/">Home</a> | <a href="/about">About</a></nav>
<p>Before any heading.</p>
<h1>Fish &amp; Chips</h1><p>Cod is   <b>fried</b>
in batter.<br>Served hot &mdash; always.</p>
<ul><li>salt</li><li>vinegar</li></ul>
<h2>Prices</h2><table><tr><th>Item</th><th>Price</th></tr>
<tr><td>Small</td><td>&euro;5</td></tr></table>
<pre>  indented
    code</pre><img src="x.png"><noscript>Enable JS</noscript>
<form><button>Buy</button></form><footer>Copyright</footer></body></html>"""
    document = read_document(write(tmp_path / "page.html", page.encode()))
    assert document.kind == "html"
    for hidden in ("Site title", "color: red", "script text", "Home", "About", "Enable JS",
                   "Buy", "Copyright"):
        assert hidden not in document.text
    assert [s.heading for s in document.sections] == [None, "Fish & Chips", "Prices"]
    assert document.sections[0].text == "Before any heading."
    assert document.sections[1].text == ("Fish & Chips\nCod is fried in batter.\n"
                                         "Served hot \u2014 always.\n- salt\n- vinegar")
    assert document.sections[2].text == "Prices\nItem\tPrice\nSmall\t\u20ac5\n  indented\n    code"
    assert_sections_exact(document)


def test_html_charset_from_meta(tmp_path: Path) -> None:
    page = '<html><head><meta charset="windows-1252"></head><body><p>Café</p></body></html>'
    document = read_document(write(tmp_path / "old.htm", page.encode("cp1252")))
    assert document.text == "Café"


@pytest.mark.parametrize(("charset", "encoding"), [
    ("utf-16", "utf-8"),  # impossible in an ASCII tag: browsers read UTF-8
    ("iso-8859-1", "cp1252"), ("us-ascii", "cp1252"),  # as browsers: Windows-1252
    ("x-made-up", "utf-8"),  # unknown: guessed as a text file is
    ("koi8-r", "koi8-r"),
])
def test_html_declared_charsets(charset: str, encoding: str) -> None:
    text = "Привет" if encoding == "koi8-r" else "Café \u201cquoted\u201d"
    page = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
    data = page.encode("ascii") + f"<p>{text}</p>".encode(encoding)
    assert read_document_bytes(data, "p.html").text == text


def test_binary_named_html_is_refused_even_with_a_charset(tmp_path: Path) -> None:
    data = b'<meta charset="utf-8">' + bytes(range(256)) * 10
    with pytest.raises(BinaryDocument, match=r"page\.html does not hold text"):
        read_document(write(tmp_path / "page.html", data))


@pytest.mark.parametrize("page", [
    "<html><head><title>T</title><meta charset=utf-8><p>Body text",
    "<head><style>p {}</style><body>Body text</body>",
    "<html><head><link rel=x>Body text",
])
def test_html_head_without_its_end_tag(page: str) -> None:
    assert read_document_bytes(page.encode(), "p.html").text == "Body text"


def test_html_unclosed_hidden_element_hides_the_rest_only(tmp_path: Path) -> None:
    page = "<p>Shown</p><nav><p>menu</nav><p>After</p><script>never closed"
    document = read_document(write(tmp_path / "broken.html", page.encode()))
    assert document.text == "Shown\nAfter"


# -- PDF ----------------------------------------------------------------------------------


def test_pdf_pages_become_sections_with_page_numbers(tmp_path: Path) -> None:
    pages = ["First page.\nIt has two lines.", "Second page.", "Third page: the answer is 42."]
    document = read_document(write(tmp_path / "paper.pdf", make_pdf(pages)))
    assert document.kind == "pdf"
    assert [(s.page, s.text) for s in document.sections] == [
        (1, "First page.\nIt has two lines."), (2, "Second page."),
        (3, "Third page: the answer is 42.")]
    assert document.notes == ()
    assert_sections_exact(document)


def test_pdf_pages_without_text_are_noted(tmp_path: Path) -> None:
    data = make_pdf(["Text here.", "", "", "More text.", ""])
    document = read_document(write(tmp_path / "mixed.pdf", data))
    assert [s.page for s in document.sections] == [1, 4]
    assert document.notes == ("Pages 2\u20133 and 5 of mixed.pdf have no text (probably "
                              "scanned); chatapp left them out.",)


def test_scanned_pdf_says_so(tmp_path: Path) -> None:
    with pytest.raises(ScannedDocument) as raised:
        read_document(write(tmp_path / "scan.pdf", make_pdf(["", "", ""])))
    message = raised.value.user_message
    assert "scan.pdf has 3 pages but no text" in message and "OCR" in message
    assert isinstance(raised.value, UnreadableDocument)


def test_encrypted_pdf_says_to_save_it_without_password(tmp_path: Path) -> None:
    data = encrypt_pdf(make_pdf(["Secret text."]), "hunter2")
    with pytest.raises(EncryptedDocument) as raised:
        read_document(write(tmp_path / "locked.pdf", data))
    assert "locked.pdf is protected by a password" in raised.value.user_message
    assert "save it as PDF without a password" in raised.value.user_message


def test_a_damaged_page_loses_only_itself(tmp_path: Path) -> None:
    data = make_pdf(["one", "two", "three", "four"])
    # pages 2 and 4 made no pages: PDFium counts them but cannot load them
    data = data.replace(b"6 0 obj\n<< /Type /Page ", b"6 0 obj\n<< /Type /Xage ", 1)
    data = data.replace(b"10 0 obj\n<< /Type /Page ", b"10 0 obj\n<< /Type /Xage ", 1)
    document = read_document(write(tmp_path / "torn.pdf", data))
    assert [(s.page, s.text) for s in document.sections] == [(1, "one"), (3, "three")]
    assert document.notes == ("Pages 2 and 4 of torn.pdf are damaged; chatapp left them out.",)
    only = make_pdf(["one"]).replace(b"4 0 obj\n<< /Type /Page ", b"4 0 obj\n<< /Type /Xage ")
    with pytest.raises(UnreadableDocument, match="could not read the text of any of its pages"):
        read_document(write(tmp_path / "ruined.pdf", only))


@pytest.mark.parametrize("damage", ["garbage", "truncated", "html"])
def test_damaged_pdf_is_unreadable(tmp_path: Path, damage: str) -> None:
    good = make_pdf(["Some text."])
    data = {"garbage": b"%PDF-1.7\n" + bytes(range(256)) * 20,
            "truncated": good[:120],
            "html": b"<html><body>Not found</body></html>"}[damage]
    with pytest.raises(UnreadableDocument) as raised:
        read_document(write(tmp_path / "broken.pdf", data))
    assert "broken.pdf is not a PDF chatapp can read" in raised.value.user_message


# -- DOCX ---------------------------------------------------------------------------------


def make_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("Opening words.")
    document.add_heading("Quarterly report", level=1)
    document.add_paragraph("Revenue grew by 12 percent.")
    table = document.add_table(rows=2, cols=3)
    for row, values in zip(table.rows, [("Region", "Q1", "Q2"), ("North", "10", "12")],
                           strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    merged = document.add_table(rows=1, cols=2)
    merged.cell(0, 0).merge(merged.cell(0, 1)).text = "Spanning cell"
    document.add_heading("Outlook", level=2)
    document.add_paragraph("Growth continues.")
    document.save(str(path))
    return path


def test_docx_paragraphs_headings_and_tables(tmp_path: Path) -> None:
    document = read_document(make_docx(tmp_path / "report.docx"))
    assert document.kind == "docx"
    assert [s.heading for s in document.sections] == [None, "Quarterly report", "Outlook"]
    assert document.sections[0].text == "Opening words."
    assert document.sections[1].text == ("Quarterly report\nRevenue grew by 12 percent.\n"
                                         "Region\tQ1\tQ2\nNorth\t10\t12\nSpanning cell")
    assert document.sections[2].text == "Outlook\nGrowth continues."
    assert_sections_exact(document)


@pytest.mark.parametrize("damage", ["text", "truncated", "zip_without_document"])
def test_damaged_docx_is_unreadable(tmp_path: Path, damage: str) -> None:
    good = make_docx(tmp_path / "good.docx").read_bytes()
    if damage == "text":
        data = b"This is not a Word document at all."
    elif damage == "truncated":
        data = good[: len(good) // 2]
    else:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("hello.txt", "hello")
        data = buffer.getvalue()
    with pytest.raises(UnreadableDocument) as raised:
        read_document(write(tmp_path / "broken.docx", data))
    assert "broken.docx is not a Word document chatapp can read" in raised.value.user_message


def test_password_protected_docx_is_encrypted(tmp_path: Path) -> None:
    # Word stores a password-protected .docx in an OLE compound file, not a ZIP archive.
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000)
    with pytest.raises(EncryptedDocument) as raised:
        read_document(write(tmp_path / "locked.docx", data))
    assert "save it as .docx without a password" in raised.value.user_message


def test_docx_that_unpacks_too_large_is_refused_unpacked(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as entry:
            block = bytes(1024 * 1024)
            for _ in range(MAX_DOCX_UNPACKED_BYTES // len(block) + 1):
                entry.write(block)
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(UnreadableDocument, match="unpacks to more than"):
        read_document(path)


# -- the file itself ----------------------------------------------------------------------


def test_a_1_gb_file_is_refused_by_its_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.pdf"
    with open(path, "wb") as handle:  # sparse: no disk space, nothing to read
        handle.truncate(1024**3)
    with pytest.raises(DocumentTooLarge) as raised:
        read_document(path)
    assert raised.value.user_message.startswith("huge.pdf is 1.1 GB; chatapp reads files "
                                                 "of this kind up to 64 MB.")


def test_text_kinds_have_a_lower_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with open(path, "wb") as handle:
        handle.truncate(MAX_TEXT_FILE_BYTES + 1)
    with pytest.raises(DocumentTooLarge, match="up to 16 MB"):
        read_document(path)
    with pytest.raises(DocumentTooLarge, match="up to 10 bytes"):
        read_document(write(tmp_path / "small.pdf", b"%PDF-" + bytes(6)), max_bytes=10)
    assert MAX_DOCUMENT_BYTES > MAX_TEXT_FILE_BYTES


def test_bytes_over_the_limit_are_refused(tmp_path: Path) -> None:
    with pytest.raises(DocumentTooLarge, match=r"pasted\.txt"):
        read_document_bytes(b"x" * 101, "pasted.txt", max_bytes=100)
    assert read_document_bytes(b"x" * 100, "pasted.txt", max_bytes=100).text == "x" * 100


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    for folder in (tmp_path / "papers", tmp_path / "notes.txt"):
        folder.mkdir()
        with pytest.raises(UnreadableDocument, match="is a folder, not a file"):
            read_document(folder)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    for name in ("queue.txt", "queue"):
        fifo = tmp_path / name
        os.mkfifo(fifo)  # nobody writes to it: opening it to read would block
        with pytest.raises(UnreadableDocument, match="is a pipe, not a regular file"):
            read_document(fifo)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_is_refused_even_through_a_link(tmp_path: Path) -> None:
    link = tmp_path / "zeros.txt"
    link.symlink_to("/dev/zero")  # endless: reading it would never finish
    with pytest.raises(UnreadableDocument, match="is a device, not a regular file"):
        read_document(link)
    with pytest.raises(UnreadableDocument, match="is a device"):
        read_document(Path("/dev/zero"))


def test_links(tmp_path: Path) -> None:
    target = write(tmp_path / "real.txt", b"Real text.")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert read_document(link).text == "Real text."
    assert read_document(link).name == "link.txt"
    with pytest.raises(UnreadableDocument, match="links are not followed here"):
        read_document(link, follow_symlinks=False)
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    with pytest.raises(UnreadableDocument, match="a link loop"):
        read_document(loop)
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "gone.md")
    with pytest.raises(UnreadableDocument, match="a link to a file that is not there"):
        read_document(dangling)


def test_a_name_with_a_nul_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocument, match="is not a file name chatapp can open"):
        read_document(tmp_path / "bad\x00name.txt")


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocument, match=r"gone\.txt is not there any more"):
        read_document(tmp_path / "gone.txt")


def test_permission_denied(tmp_path: Path) -> None:
    path = write(tmp_path / "private.txt", b"secret")
    path.chmod(0o000)
    if os.geteuid() != 0:
        with pytest.raises(UnreadableDocument) as raised:
            read_document(path)
        assert "permission denied" in raised.value.user_message
        return
    # root reads anything: a child process loads chatapp, gives up root for an ordinary
    # user (nobody), and then reads (the interpreter itself is in root's private folder)
    code = ("import os, sys\nfrom pathlib import Path\n"
            "from chatapp.documents.reading import read_document, UnreadableDocument\n"
            "os.setgid(65534)\nos.setuid(65534)\n"
            "try:\n    read_document(Path(sys.argv[1]))\n"
            "except UnreadableDocument as e:\n    print(e.user_message)\n")
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                          text=True, cwd=ROOT, check=False, timeout=120)
    assert "chatapp is not allowed to read private.txt (permission denied)" in done.stdout, (
        done.stdout + done.stderr)


def test_a_file_changed_while_read(tmp_path: Path) -> None:
    path = write(tmp_path / "log.txt", b"first version\n")
    data, stamp = read_file(path, limit=1000)
    assert data == b"first version\n"
    check_unchanged(path, stamp)  # nothing happened: no error
    with open(path, "ab") as handle:
        handle.write(b"appended while reading\n")
    with pytest.raises(DocumentChanged) as raised:
        check_unchanged(path, stamp)
    assert "log.txt changed while chatapp was reading it" in raised.value.user_message


def test_a_file_rewritten_with_the_same_size_counts_as_changed(tmp_path: Path) -> None:
    path = write(tmp_path / "notes.txt", b"aaaa")
    _, stamp = read_file(path, limit=1000)
    path.write_bytes(b"bbbb")
    os.utime(path, ns=(stamp.modified_ns + 1_000_000, stamp.modified_ns + 1_000_000))
    with pytest.raises(DocumentChanged):
        check_unchanged(path, stamp)


def test_a_file_replaced_or_deleted_after_reading_counts_as_changed(tmp_path: Path) -> None:
    path = write(tmp_path / "notes.txt", b"aaaa")
    _, stamp = read_file(path, limit=1000)
    replacement = write(tmp_path / "new.txt", b"aaaa")
    os.utime(replacement, ns=(stamp.modified_ns, stamp.modified_ns))
    replacement.replace(path)  # same size and time, another file
    with pytest.raises(DocumentChanged):
        check_unchanged(path, stamp)
    path.unlink()
    with pytest.raises(DocumentChanged):
        check_unchanged(path, stamp)


def test_every_error_is_a_document_error_with_a_detail(tmp_path: Path) -> None:
    with pytest.raises(DocumentError) as raised:
        read_document(write(tmp_path / "locked.pdf", encrypt_pdf(make_pdf(["x"]), "pw")))
    assert "Incorrect password" in raised.value.detail


# -- hostile content: bounded, and never a hang --------------------------------------------


def test_pdf_with_more_pages_than_read_says_so(tmp_path: Path) -> None:
    data = make_pdf([f"Page {i}." for i in range(1, MAX_PDF_PAGES + 4)])
    document = read_document(write(tmp_path / "long.pdf", data))
    assert len(document.sections) == MAX_PDF_PAGES
    assert document.sections[-1] == Section(f"Page {MAX_PDF_PAGES}.",
                                            document.sections[-1].start, MAX_PDF_PAGES)
    assert document.notes == (f"long.pdf has {MAX_PDF_PAGES + 3:,} pages; chatapp read the "
                              f"first {MAX_PDF_PAGES:,}.",)


def test_pdf_page_and_text_limits() -> None:
    data = make_pdf(["0123456789 abcdefghij", "short", "another page", "last page"])
    document = pdf_document(data, "dense.pdf", PdfLimits(page_chars=10))
    assert document.sections[0].text == "0123456789"
    assert document.notes == ("Pages 1 and 3 of dense.pdf hold more than 10 characters each; "
                              "only that much was read.",)
    document = pdf_document(data, "dense.pdf", PdfLimits(page_chars=12))
    assert document.notes == ("Page 1 of dense.pdf holds more than 12 characters; only that "
                              "much was read.",)
    document = pdf_document(data, "big.pdf", PdfLimits(text_chars=30))
    assert [s.page for s in document.sections] == [1, 2]
    assert document.notes == ("big.pdf holds more text than chatapp reads from one PDF (30 "
                              "characters): it was read up to page 2.",)
    assert PdfLimits() == PdfLimits(MAX_PDF_PAGES, MAX_PAGE_CHARS, MAX_PDF_TEXT_CHARS)


def test_docx_text_limit(tmp_path: Path) -> None:
    data = make_docx(tmp_path / "report.docx").read_bytes()
    document = docx_document(data, "report.docx", max_text_chars=60)
    assert document.text == "Opening words.\n\nQuarterly report\nRevenue grew by 12 percent."
    assert document.notes == ("report.docx holds more text than chatapp reads from one "
                              "document (60 characters); the rest was left out.",)


@pytest.mark.parametrize(("markup", "expected"), [
    ("<a " * 100_000 + ">after", "after"),  # quadratic in html.parser
    ("<![" * 50_000 + "<p>x", "x"),  # AssertionError in html.parser
    ("<!--" * 100_000, ""),
    ("</" * 100_000 + "<p>x</p>", "</" * 100_000 + "\nx"),
    ("<" * 100_000, "<" * 100_000),
    ("<p>" * 100_000 + "end", "end"),
    ("<nav>" * 50_000 + "</b>" * 50_000 + "</nav>" * 50_000 + "shown", "shown"),
    ("<p title='never closed>" + "x" * 100_000, ""),
    ("<script>" + "if (a < b) { document.write('<p>no</p>') }" * 1000 + "</script>ok", "ok"),
    ("a &lt; b &amp;&amp; c &#x1F600; &bogus; &#0;", "a < b && c \U0001f600 &bogus; \ufffd"),
])
def test_hostile_html_is_read_in_one_pass(markup: str, expected: str) -> None:
    assert read_document_bytes(markup.encode(), "evil.html").text == expected


def test_hostile_markdown_lines() -> None:
    line = "# a" + " " * 100_000 + "#" * 100_000 + " y"  # minutes for a backtracking regex
    document = read_document_bytes(line.encode(), "evil.md")
    assert document.sections[0].heading == "a" + " " * 100_000 + "#" * 100_000 + " y"
    closed = read_document_bytes(b"# Title ##\n\n## C#\n\n#not a heading", "h.md")
    assert [s.heading for s in closed.sections] == ["Title", "C#"]


def test_sections_are_bounded(tmp_path: Path) -> None:
    text = "".join(f"# Heading {i}\n" for i in range(MAX_SECTIONS + 50))
    document = read_document(write(tmp_path / "headings.md", text.encode()))
    assert len(document.sections) == MAX_SECTIONS
    assert document.sections[-1].text.endswith(f"# Heading {MAX_SECTIONS + 49}")
    assert_sections_exact(document)
    preamble = read_document_bytes(b"Before the headings.\n" + text.encode(), "more.md")
    assert len(preamble.sections) == MAX_SECTIONS
    assert preamble.sections[-1].text.endswith(f"# Heading {MAX_SECTIONS + 49}")
    assert_sections_exact(preamble)
    page = "".join(f"<h2>H{i}</h2><p>x</p>" for i in range(MAX_SECTIONS + 50))
    assert len(read_document_bytes(page.encode(), "h.html").sections) == MAX_SECTIONS
