"""Hostile DOCX and PDF files for ``baocao check``: bombs, traps and broken files.

Small files are committed next to this script (``python generate.py`` writes them again); the
large ones (a zip bomb inflating to 1 GiB, a 12000×12000 picture, a 5,000-page PDF …) are written
at test time by :func:`generate`, in well under a second each: repeated data is deflated once and
its compressed block repeated, so nothing of the inflated size is ever held in memory.

Every file targets one limit or one trap; ``CASES`` says which, and what ``baocao check`` must
answer: the exit status and words of the message.
"""
from __future__ import annotations

import hashlib
import io
import os
import struct
import sys
import zipfile
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DOC_OPEN = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>'
DOC_CLOSE = "<w:sectPr/></w:body></w:document>"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Default Extension="png" ContentType="image/png"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)
SECRET_MARKERS = ("root:x:0:0", "daemon:", "/bin/sh", "/usr/sbin/nologin")

GiB = 1 << 30
MiB = 1 << 20


def paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


# ---------------------------------------------------------------------------------- deflate

def _deflated(data: bytes) -> bytes:
    """Raw deflate blocks of *data*, byte aligned and not final (a full flush resets the window,
    so the same input always gives the same bytes and the blocks can be repeated)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    return comp.compress(data) + comp.flush(zlib.Z_FULL_FLUSH)


FINAL_EMPTY_BLOCK = b"\x03\x00"     # a final fixed-Huffman block holding nothing


class Repeated:
    """*head* + *chunk* × *times* + *tail*, as raw deflate, with the checksum its container wants:
    CRC-32 for a zip member, Adler-32 for a zlib stream (PNG, PDF)."""

    def __init__(self, head: bytes, chunk: bytes, times: int, tail: bytes, checksum: str = "crc"):
        self.size = len(head) + len(chunk) * times + len(tail)
        self.deflate = _deflated(head) + _deflated(chunk) * times + _deflated(tail) + FINAL_EMPTY_BLOCK
        update = zlib.crc32 if checksum == "crc" else zlib.adler32
        value = update(head)
        for _ in range(times):
            value = update(chunk, value)
        self.check = update(tail, value)

    @property
    def zlib_stream(self) -> bytes:
        return b"\x78\xda" + self.deflate + struct.pack(">I", self.check)


def _stored(data: bytes) -> Repeated:
    return Repeated(data, b"", 0, b"")


def write_zip(path: Path, members: list[tuple[str, Repeated | bytes]]) -> Path:
    """A zip written by hand, so members can be precompressed and names anything at all."""
    out = io.BytesIO()
    central = []
    for name, body in members:
        entry = body if isinstance(body, Repeated) else _stored(body)
        raw_name = name.encode("utf-8")
        offset = out.tell()
        header = struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0x800, 8, 0, 0x21, entry.check,
                             len(entry.deflate), entry.size, len(raw_name), 0)
        out.write(header + raw_name + entry.deflate)
        central.append(struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0x800, 8, 0, 0x21,
                                   entry.check, len(entry.deflate), entry.size, len(raw_name), 0, 0, 0, 0,
                                   0, offset) + raw_name)
    start = out.tell()
    for record in central:
        out.write(record)
    size = out.tell() - start
    out.write(struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(central), len(central), size, start, 0))
    path.write_bytes(out.getvalue())
    return path


def docx(path: Path, document: Repeated | bytes | str, extra: list[tuple[str, Repeated | bytes]] = (),
         rels: str | None = None) -> Path:
    if isinstance(document, str):
        document = document.encode("utf-8")
    members = [("[Content_Types].xml", CONTENT_TYPES.encode()), ("_rels/.rels", ROOT_RELS.encode()),
               ("word/document.xml", document)]
    if rels is not None:
        members.append(("word/_rels/document.xml.rels", rels.encode()))
    return write_zip(path, members + list(extra))


def _doc(body: str) -> str:
    return DOC_OPEN + body + DOC_CLOSE


# ---------------------------------------------------------------------------------- PNG

def png(width: int, height: int, broken_body: bool = False, header_only: bool = False) -> bytes:
    """An RGB PNG of *width*×*height* white pixels (a few hundred KB even when huge)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    if header_only:     # the header of a huge picture, and no picture
        return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", b"\x78\xda\x03\x00") + chunk(b"IEND", b"")
    idat = Repeated(b"", b"\x00" + b"\xff" * (3 * width), height, b"", "adler").zlib_stream
    if broken_body:
        idat = idat[:2] + bytes(b ^ 0x5A for b in idat[2:40]) + idat[40:]
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def docx_with_picture(path: Path, picture: bytes) -> Path:
    drawing = (
        '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
        'wordprocessingDrawing"><wp:extent cx="1440000" cy="1440000"/><wp:docPr id="1" name="p"/>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData '
        'uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://'
        'schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill><a:blip r:embed="rIdImg"/>'
        '</pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>'
    )
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rIdImg" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/image" Target="media/image1.png"/></Relationships>')
    return docx(path, _doc(paragraph("Ảnh chữ ký") + drawing), [("word/media/image1.png", picture)], rels)


# ---------------------------------------------------------------------------------- PDF

def pdf(objects: list[bytes], root: int = 1, trailer_extra: bytes = b"") -> bytes:
    """A PDF whose object n (1-based) is ``objects[n - 1]``, with a correct xref table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, root, trailer_extra, xref))
    return out.getvalue()


def stream(data: bytes, extra: bytes = b"", compress: bool = True) -> bytes:
    if compress:
        data = zlib.compress(data, 9)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def repeated_stream(head: bytes, chunk: bytes, times: int, tail: bytes, extra: bytes = b"") -> bytes:
    data = Repeated(head, chunk, times, tail, "adler").zlib_stream
    return b"<< /Length %d /Filter /FlateDecode%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>"


def one_page_pdf(content: bytes, resources: bytes = b"<< /Font << /F1 4 0 R >> >>", more: list[bytes] = ()) -> bytes:
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources %s /Contents 5 0 R >>" % resources,
                FONT, content, *more])


def glyph_bomb(glyphs: int = 500_000) -> bytes:
    line = b"(" + b"W" * 1000 + b") Tj\n"
    return one_page_pdf(repeated_stream(b"BT /F1 1 Tf 1 0 0 1 10 800 Tm\n", line, glyphs // 1000, b"ET\n"))


def operator_bomb(paths: int = 200_000) -> bytes:
    return one_page_pdf(repeated_stream(b"0.5 w\n", b"72 700 m 300 700 l S\n" * 1000, paths // 1000, b""))


def form_bomb(levels: int = 8, fan: int = 10) -> bytes:
    """Form XObjects drawing the level below *fan* times: fan**levels lines from a few hundred bytes."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /X0 6 0 R >> >> "
               b"/Contents 5 0 R >>", FONT, stream(b"/X0 Do\n")]
    for level in range(levels):
        number = 6 + level
        if level == levels - 1:
            body = b"72 700 m 300 700 l S\n" * fan
            objects.append(stream(body, b" /Type /XObject /Subtype /Form /BBox [0 0 595 842]"))
        else:
            body = b"/X Do\n" * fan
            objects.append(stream(body, b" /Type /XObject /Subtype /Form /BBox [0 0 595 842] "
                                        b"/Resources << /XObject << /X %d 0 R >> >>" % (number + 1)))
    return pdf(objects)


def image_pdf(width: int, height: int) -> bytes:
    """One page showing a *width*×*height* picture (a grey image, deflated)."""
    data = Repeated(b"", b"\x80" * width, height, b"", "adler").zlib_stream
    image = (b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
             b"/BitsPerComponent 8 /Length %d /Filter /FlateDecode >>\nstream\n" % (width, height, len(data))
             + data + b"\nendstream")
    return one_page_pdf(stream(b"q 200 0 0 200 100 500 cm /Im1 Do Q\n"),
                        b"<< /XObject << /Im1 6 0 R >> >>", [image])


DENSE_PAGE = b"".join(b"BT /F1 7 Tf 40 %d Td (Dong chu day dac %04d: ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnop "
                      b"qrstuvwxyz 0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmn) Tj ET\n" % (800 - 8 * k, k)
                      for k in range(95))


def many_pages(count: int = 5000) -> bytes:
    """*count* dense pages sharing one content stream (about 13,000 glyphs each)."""
    kids = b" ".join(b"%d 0 R" % (5 + k) for k in range(count))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
               FONT, stream(DENSE_PAGE)]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                b"/Contents 4 0 R >>"] * count
    return pdf(objects)


def surrogate_pdf() -> bytes:
    """Text whose ToUnicode map answers a lone UTF-16 surrogate, and an emoji as a pair."""
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def\n"
            b"1 begincodespacerange <00> <FF> endcodespacerange\n"
            b"3 beginbfchar <41> <D800> <42> <D83DDE00> <43> <0043> endbfchar\n"
            b"endcmap CMapName currentdict /CMap defineresource pop end end")
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding /ToUnicode 6 0 R >>"
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
                b"/Contents 5 0 R >>", font, stream(b"BT /F1 14 Tf 72 760 Td (ABC ABC) Tj ET\n"), stream(cmap)])


# ---------------------------------------------------------------------------------- encryption

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def encrypted_pdf(user_password: bytes = b"mat-khau", owner_password: bytes = b"chu-so-huu") -> bytes:
    """A one-page PDF encrypted with the standard security handler (revision 2, RC4 40-bit)."""
    def padded(password: bytes) -> bytes:
        return (password + _PAD)[:32]

    file_id = hashlib.md5(b"baocao hostile corpus").digest()
    permissions = -4            # everything allowed; only the password matters here
    owner = _rc4(hashlib.md5(padded(owner_password)).digest()[:5], padded(user_password))
    key = hashlib.md5(padded(user_password) + owner + struct.pack("<i", permissions) + file_id).digest()[:5]
    user = _rc4(key, _PAD)

    def seal(number: int, data: bytes) -> bytes:
        object_key = hashlib.md5(key + struct.pack("<I", number)[:3] + b"\x00\x00").digest()[:10]
        return _rc4(object_key, data)

    content = seal(5, b"BT /F1 14 Tf 72 760 Td (THONG BAO MAT) Tj ET\n")
    encrypt = (b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>"
               % (owner.hex().encode(), user.hex().encode(), permissions))
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
                b"/Contents 5 0 R >>", FONT,
                b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
                encrypt],
               trailer_extra=b"/Encrypt 6 0 R /ID [<%s> <%s>] " % (file_id.hex().encode(), file_id.hex().encode()))


# ---------------------------------------------------------------------------------- the corpus

def small_files() -> dict[str, bytes]:
    """The committed files: each a few KB at most."""
    files: dict[str, bytes] = {}
    tmp = HERE / ".tmp-small"
    tmp.mkdir(exist_ok=True)
    try:
        def build(name: str, maker) -> None:
            path = tmp / name
            maker(path)
            files[name] = path.read_bytes()

        laughs = "".join(f'<!ENTITY l{k} "' + f"&l{k - 1};" * 10 + '">' for k in range(1, 10))
        build("billion-laughs.docx", lambda p: docx(p, '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY l0 "ha">'
                                                    + laughs + f']><w:document xmlns:w="{W}"><w:body>'
                                                    + paragraph("&l9;") + DOC_CLOSE))
        build("xxe.docx", lambda p: docx(p, '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM '
                                            '"file:///etc/passwd">]>' + f'<w:document xmlns:w="{W}"><w:body>'
                                            + paragraph("&x;") + DOC_CLOSE))
        build("xxe-parameter.docx", lambda p: docx(p, '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY % d '
                                                      'SYSTEM "http://127.0.0.1:9/x.dtd"> %d;]>'
                                                      + f'<w:document xmlns:w="{W}"><w:body>'
                                                      + paragraph("THÔNG BÁO") + DOC_CLOSE))
        build("deep-nesting.docx", lambda p: docx(p, DOC_OPEN + "<w:sdt><w:sdtContent>" * 5000
                                                  + paragraph("sâu") + "</w:sdtContent></w:sdt>" * 5000 + DOC_CLOSE))
        build("nested-hyperlinks.docx", lambda p: docx(p, DOC_OPEN + "<w:p>" + "<w:hyperlink>" * 1500
                                                       + "<w:r><w:t>liên kết</w:t></w:r>" + "</w:hyperlink>" * 1500
                                                       + "</w:p>" + DOC_CLOSE))
        traversal_rels = (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'styles" Target="../../../../../../etc/passwd"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'header" Target="/etc/passwd"/>'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'hyperlink" Target="file:///etc/passwd" TargetMode="External"/></Relationships>'
        )
        build("traversal.docx", lambda p: docx(p, _doc(paragraph("THÔNG BÁO") + '<w:sectPr><w:headerReference '
                                                       f'xmlns:r="{R}" w:type="default" r:id="rId2"/></w:sectPr>'),
                                               [("../../../../tmp/baocao-evil.txt", b"evil"),
                                                ("/tmp/baocao-evil-abs.txt", b"evil"),
                                                ("word/../../escape.xml", b"<x/>")], traversal_rels))
        build("broken-zip.docx", lambda p: p.write_bytes(b"PK\x03\x04" + os.urandom(0) + b"\x00" * 200))
        build("broken-pdf.pdf", lambda p: p.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n" + b"\xff" * 300))
        build("empty.docx", lambda p: p.write_bytes(b""))
        build("ole-encrypted.docx", lambda p: p.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 504))
        build("picture-broken-body.docx", lambda p: docx_with_picture(p, png(64, 64, broken_body=True)))
        build("picture-lying-header.docx", lambda p: docx_with_picture(p, png(100_000, 100_000, header_only=True)))
        build("glyph-bomb.pdf", lambda p: p.write_bytes(glyph_bomb()))
        build("form-bomb.pdf", lambda p: p.write_bytes(form_bomb()))
        build("encrypted.pdf", lambda p: p.write_bytes(encrypted_pdf()))
        build("lone-surrogate.pdf", lambda p: p.write_bytes(surrogate_pdf()))
        build("encrypted-owner-only.pdf", lambda p: p.write_bytes(encrypted_pdf(user_password=b"")))
    finally:
        for leftover in tmp.iterdir():
            leftover.unlink()
        tmp.rmdir()
    return files


def generate(folder: Path) -> dict[str, Path]:
    """Write the large hostile files into *folder*; returns name → path (the committed ones too)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    out = {p.name: p for p in HERE.iterdir() if p.suffix in (".docx", ".pdf")}

    def put(name: str, data: bytes) -> None:
        (folder / name).write_bytes(data)
        out[name] = folder / name

    row = (b"<w:p><w:r><w:t>" + "Bom nén".encode() + b"</w:t></w:r></w:p>") * 32
    out["zip-bomb.docx"] = docx(folder / "zip-bomb.docx",
                                Repeated(DOC_OPEN.encode(), row * 1024, GiB // (len(row) * 1024), DOC_CLOSE.encode()))
    out["whitespace-bomb.docx"] = docx(folder / "whitespace-bomb.docx",
                                       Repeated(DOC_OPEN.encode(), b" " * MiB, 1024, DOC_CLOSE.encode()))
    out["element-bomb.docx"] = docx(folder / "element-bomb.docx",
                                    Repeated(DOC_OPEN.encode(), b"<w:p/>" * 1024, 4096, DOC_CLOSE.encode()))
    out["many-paragraphs.docx"] = docx(folder / "many-paragraphs.docx",
                                       Repeated(DOC_OPEN.encode(), paragraph("Đoạn văn.").encode() * 100, 3000,
                                                DOC_CLOSE.encode()))
    out["many-members.docx"] = write_zip(folder / "many-members.docx",
                                         [("[Content_Types].xml", CONTENT_TYPES.encode()),
                                          ("_rels/.rels", ROOT_RELS.encode()),
                                          ("word/document.xml", _doc(paragraph("x")).encode())]
                                         + [(f"word/media/m{k}.bin", b"") for k in range(65_000)])
    out["picture-bomb.docx"] = docx_with_picture(folder / "picture-bomb.docx", png(12_000, 12_000))
    put("operator-bomb.pdf", operator_bomb())
    put("picture-bomb.pdf", image_pdf(30_000, 30_000))
    put("dense-5000-pages.pdf", many_pages(5000))
    fifo = folder / "fifo.pdf"
    if hasattr(os, "mkfifo") and not fifo.exists():
        os.mkfifo(fifo)
    out["fifo.pdf"] = fifo
    (folder / "folder.docx").mkdir(exist_ok=True)
    out["folder.docx"] = folder / "folder.docx"
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    for name, data in small_files().items():
        (target / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes")
