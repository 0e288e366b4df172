"""Flat ODT text as a clerk types it in LibreOffice Writer: styles picked from the list, a two-column
header table, lines drawn as paragraph borders or rows of dashes, Shift+Enter line breaks, tabs and
spaces to push text along, a closing table, a page-number field from page 2.

``Doc`` holds the choices of one document; ``render`` writes the .fodt text that LibreOffice then
saves as DOCX and PDF. Nothing here uses baocao.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax.saxutils import escape

STYLES = """
  <style:default-style style:family="paragraph">
   <style:paragraph-properties fo:margin-top="0pt" fo:margin-bottom="0pt" style:tab-stop-distance="1.27cm"/>
   <style:text-properties style:font-name="Times New Roman" fo:font-size="14pt" fo:language="vi" fo:country="VN"/>
  </style:default-style>
  <style:style style:name="Standard" style:family="paragraph"/>
  <style:style style:name="Noidung" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="justify" fo:text-indent="{indent}" fo:margin-bottom="{after}"
    fo:line-height="{line}"/>
   <style:text-properties fo:font-size="{body_pt}"/>
  </style:style>
  <style:style style:name="Giua" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="center"/>
  </style:style>
  <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Giua">
   <style:text-properties fo:font-size="14pt"/>
  </style:style>
"""

AUTO = """
  <style:style style:name="Bang" style:family="table" style:master-page-name="First_20_Page">
   <style:table-properties style:width="16.5cm" table:align="left"/>
  </style:style>
  <style:style style:name="Ky" style:family="table"><style:table-properties style:width="16.5cm" table:align="left"/></style:style>
  <style:style style:name="C.A" style:family="table-column"><style:table-column-properties style:column-width="{left_col}"/></style:style>
  <style:style style:name="C.B" style:family="table-column"><style:table-column-properties style:column-width="{right_col}"/></style:style>
  <style:style style:name="K.A" style:family="table-column"><style:table-column-properties style:column-width="8.5cm"/></style:style>
  <style:style style:name="K.B" style:family="table-column"><style:table-column-properties style:column-width="8cm"/></style:style>
  <style:style style:name="O" style:family="table-cell"><style:table-cell-properties fo:padding="0cm" fo:border="{cell_border}"/></style:style>
  <style:style style:name="PQH" style:family="paragraph" style:parent-style-name="Giua">
   <style:text-properties fo:font-size="{qh_pt}" fo:font-weight="bold"/></style:style>
  <style:style style:name="PTN" style:family="paragraph" style:parent-style-name="Giua">
   <style:paragraph-properties fo:margin-left="{tn_margin}" fo:margin-right="{tn_margin}" {tn_border} fo:padding="0.03cm"/>
   <style:text-properties fo:font-size="{tn_pt}" fo:font-weight="bold"/></style:style>
  <style:style style:name="PCQ" style:family="paragraph" style:parent-style-name="Giua">
   <style:text-properties fo:font-size="{agency_pt}" fo:font-weight="{agency_weight}"/></style:style>
  <style:style style:name="PCQcq" style:family="paragraph" style:parent-style-name="Giua">
   <style:text-properties fo:font-size="{agency_pt}"/></style:style>
  <style:style style:name="PGach" style:family="paragraph" style:parent-style-name="Giua">
   <style:paragraph-properties fo:margin-left="{agency_line_margin}" fo:margin-right="{agency_line_margin}"
    fo:border-top="0.75pt solid #000000" fo:padding="0cm"/>
   <style:text-properties fo:font-size="4pt"/></style:style>
  <style:style style:name="PSo" style:family="paragraph" style:parent-style-name="Giua">
   <style:text-properties fo:font-size="{so_pt}"/></style:style>
  <style:style style:name="PVv" style:family="paragraph" style:parent-style-name="Giua">
   <style:text-properties fo:font-size="12pt"/></style:style>
  <style:style style:name="PNgay" style:family="paragraph" style:parent-style-name="{date_parent}">
   <style:text-properties fo:font-size="14pt" fo:font-style="italic"/></style:style>
  <style:style style:name="PTen" style:family="paragraph" style:parent-style-name="Giua">
   <style:paragraph-properties fo:margin-top="18pt"/>
   <style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="PTY" style:family="paragraph" style:parent-style-name="Giua">
   <style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="PTYgach" style:family="paragraph" style:parent-style-name="Giua">
   <style:paragraph-properties fo:margin-left="{ty_line_margin}" fo:margin-right="{ty_line_margin}" fo:margin-bottom="12pt"
    fo:border-top="0.75pt solid #000000" fo:padding="0cm"/>
   <style:text-properties fo:font-size="6pt"/></style:style>
  <style:style style:name="PKG" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:margin-left="{kg_indent}" fo:margin-bottom="6pt"/></style:style>
  <style:style style:name="PCC" style:family="paragraph" style:parent-style-name="Noidung">
   <style:text-properties fo:font-style="italic"/></style:style>
  <style:style style:name="PMuc" style:family="paragraph" style:parent-style-name="Noidung">
   <style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="PDo" style:family="paragraph" style:parent-style-name="Noidung">
   <style:text-properties fo:color="#C00000"/></style:style>
  <style:style style:name="PGiuaDam" style:family="paragraph" style:parent-style-name="Giua">
   <style:paragraph-properties fo:margin-top="6pt" fo:margin-bottom="6pt"/>
   <style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="PNN" style:family="paragraph" style:parent-style-name="Standard">
   <style:text-properties fo:font-size="12pt" fo:font-weight="bold" fo:font-style="italic"/></style:style>
  <style:style style:name="PDS" style:family="paragraph" style:parent-style-name="Standard">
   <style:text-properties fo:font-size="{entry_pt}"/></style:style>
  <style:style style:name="PKy" style:family="paragraph" style:parent-style-name="Giua">
   <style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="PTrang" style:family="paragraph" style:parent-style-name="Giua">
   <style:paragraph-properties fo:break-before="page"/>
   <style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="PNgang" style:family="paragraph" style:parent-style-name="Giua" style:master-page-name="Ngang">
   <style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="Tb" style:family="table"><style:table-properties style:width="24cm" table:align="center"/></style:style>
  <style:style style:name="TbC" style:family="table-column"><style:table-column-properties style:column-width="6cm"/></style:style>
  <style:style style:name="TbO" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #000000"/></style:style>
  <style:style style:name="TbP" style:family="paragraph" style:parent-style-name="Giua"><style:text-properties fo:font-size="13pt"/></style:style>
  <style:style style:name="T1" style:family="text"><style:text-properties style:text-position="sub 58%"/></style:style>
  <style:page-layout style:name="pm1">
   <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait"
    fo:margin-top="{later_top}" fo:margin-bottom="2cm" fo:margin-left="3cm" fo:margin-right="1.5cm"/>
   {later_header}
  </style:page-layout>
  <style:page-layout style:name="pm2">
   <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait"
    fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="3cm" fo:margin-right="1.5cm"/>
  </style:page-layout>
  <style:page-layout style:name="pm3">
   <style:page-layout-properties fo:page-width="29.7cm" fo:page-height="21cm" style:print-orientation="landscape"
    fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/>
  </style:page-layout>
"""

MASTER = """
  <style:master-page style:name="Standard" style:page-layout-name="pm1">{page_header}</style:master-page>
  <style:master-page style:name="First_20_Page" style:display-name="First Page" style:page-layout-name="pm2" style:next-style-name="Standard"/>
  <style:master-page style:name="Ngang" style:page-layout-name="pm3"/>
"""

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:font-face-decls>
  <style:font-face style:name="Times New Roman" svg:font-family="'Times New Roman'" style:font-family-generic="roman"/>
 </office:font-face-decls>
"""


@dataclass
class Doc:
    """One document's content and the clerk's habits (every length as typed in Writer's dialogs)."""

    parent: str | None = "UBND TỈNH LÀO CAI"
    agency: tuple[str, ...] = ("SỞ CÔNG THƯƠNG",)
    number: str = "Số: 15/TB-SCT"
    summary_vv: tuple[str, ...] = ()           # a Công văn's "V/v …" lines under the Số
    place_date: str = "Lào Cai, ngày 16 tháng 01 năm 2026"
    title: str | None = "THÔNG BÁO"
    summary: tuple[str, ...] = ("Kết quả kiểm tra an toàn kho vật liệu nổ công nghiệp",)
    kinh_gui: tuple[str, ...] = ()              # "Kính gửi: …" then recipient lines
    issuer: str | None = None                   # a Quyết định's issuer title line
    body: tuple[tuple[str, str], ...] = ()      # (style, text); style Noidung | PCC | PMuc | PDo | PGiuaDam
    signer: tuple[str, ...] = ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")
    name: str = "Hoàng Văn Thuân"
    recipients: tuple[str, ...] = ("- Như trên;", "- Ban Giám đốc Sở;", "- Lưu: VT, QLCN.")
    appendix: tuple[str, ...] = ()               # paragraphs on a new page after the signature
    landscape_table: bool = False                # an appendix table on a landscape page
    page_numbers: bool = True
    # habits and faults
    qh_pt: str = "13pt"
    tn_pt: str = "14pt"
    agency_pt: str = "13pt"
    agency_bold: bool = True
    so_pt: str = "13pt"
    entry_pt: str = "11pt"
    body_pt: str = "14pt"
    indent: str = "1.27cm"
    after: str = "6pt"
    line: str = "115%"
    header_in_one_paragraph: bool = False       # Quốc hiệu ⏎ Tiêu ngữ with Shift+Enter
    agency_line: str = "border"                 # border | dashes
    tn_margin: str = "1.9cm"
    date_lead: str = ""                         # spaces typed before the date (centring by hand)
    date_centred: bool = True
    kg_indent: str = "0cm"
    title_by_tabs: bool = False                 # tên loại pushed to the centre with tabs
    extra: dict = field(default_factory=dict)


def _p(style: str, text: str) -> str:
    return f'<text:p text:style-name="{style}">{_inline(text)}</text:p>'


def _inline(text: str) -> str:
    out = escape(text)
    out = out.replace("\n", "<text:line-break/>").replace("\t", "<text:tab/>")
    out = out.replace("[sub]", '<text:span text:style-name="T1">').replace("[/sub]", "</text:span>")
    # runs of spaces are typed spaces: ODF keeps them with text:s
    import re

    return re.sub(r"  +", lambda m: f' <text:s text:c="{len(m.group(0)) - 1}"/>', out)


def render(d: Doc) -> str:
    agency_line_margin = "2.25cm"
    fmt = dict(
        indent=d.indent, after=d.after, line=d.line, body_pt=d.body_pt, left_col="6.3cm", right_col="10.2cm",
        cell_border="none", qh_pt=d.qh_pt, tn_pt=d.tn_pt, tn_margin=d.tn_margin,
        tn_border='fo:border-bottom="0.75pt solid #000000"' if not d.header_in_one_paragraph else "",
        agency_pt=d.agency_pt, agency_weight="bold" if d.agency_bold else "normal",
        agency_line_margin=agency_line_margin, so_pt=d.so_pt,
        date_parent="Giua" if d.date_centred else "Standard", ty_line_margin="6.3cm",
        kg_indent=d.kg_indent, entry_pt=d.entry_pt,
        later_top="1cm" if d.page_numbers else "2cm",
        later_header='<style:header-style><style:header-footer-properties fo:min-height="1.05cm" '
                     'fo:margin-bottom="0.4cm"/></style:header-style>' if d.page_numbers else "")
    page_header = '<style:header><text:p text:style-name="Header"><text:page-number text:select-page="current">2' \
                  '</text:page-number></text:p></style:header>' if d.page_numbers else ""
    left = []
    if d.parent:
        left.append(_p("PCQcq", d.parent))
    left += [_p("PCQ", a) for a in d.agency]
    if d.agency_line == "border":
        left.append('<text:p text:style-name="PGach"/>')
    else:
        left.append(_p("Giua", "––––––––"))
    if d.header_in_one_paragraph:
        right = [_p("PQH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n") .replace(
            "<text:line-break/></text:p>",
            '<text:line-break/><text:span text:style-name="T2">Độc lập - Tự do - Hạnh phúc</text:span></text:p>'),
            _p("Giua", "–" * 24)]
    else:
        right = [_p("PQH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), _p("PTN", "Độc lập - Tự do - Hạnh phúc")]
    row2_left = [_p("PSo", d.number)] + [_p("PVv", v) for v in d.summary_vv]
    row2_right = [_p("PNgay", d.date_lead + d.place_date)]
    cell = '<table:table-cell table:style-name="O" office:value-type="string">{}</table:table-cell>'
    header = ('<table:table table:name="DauVB" table:style-name="Bang"><table:table-column table:style-name="C.A"/>'
              '<table:table-column table:style-name="C.B"/>'
              f'<table:table-row>{cell.format("".join(left))}{cell.format("".join(right))}</table:table-row>'
              f'<table:table-row>{cell.format("".join(row2_left))}{cell.format("".join(row2_right))}</table:table-row>'
              '</table:table>')
    parts = [header]
    if d.title:
        title = ("\t\t\t\t" + d.title) if d.title_by_tabs else d.title
        parts.append(_p("Standard" if d.title_by_tabs else "PTen", title).replace(
            'text:style-name="Standard"', 'text:style-name="PTenTrai"') if d.title_by_tabs else _p("PTen", title))
        parts += [_p("PTY", s) for s in d.summary]
        if d.summary:
            parts.append('<text:p text:style-name="PTYgach"/>')
    for k, line in enumerate(d.kinh_gui):
        parts.append(_p("PKG" if k == 0 else "PKG", line))
    if d.issuer:
        parts.append(_p("PGiuaDam", d.issuer))
    for style, text in d.body:
        parts.append(_p(style, text))
    recips = "".join(_p("PDS", r) for r in d.recipients)
    signer = "".join(_p("PKy", s) for s in d.signer) + _p("Giua", "") * 3 + _p("PKy", d.name)
    parts.append('<table:table table:name="Ky" table:style-name="Ky"><table:table-column table:style-name="K.A"/>'
                 '<table:table-column table:style-name="K.B"/><table:table-row>'
                 f'{cell.format(_p("PNN", "Nơi nhận:") + recips)}{cell.format(signer)}</table:table-row></table:table>')
    if d.appendix:
        parts.append(_p("PTrang", d.appendix[0]))
        parts += [_p("Noidung", t) for t in d.appendix[1:]]
    if d.landscape_table:
        parts.append(_p("PNgang", "Phụ lục"))
        parts.append(_p("Giua", "DANH SÁCH CƠ SỞ ĐƯỢC KIỂM TRA"))
        rows = [("TT", "Tên cơ sở", "Địa chỉ", "Kết quả"), ("1", "Công ty A", "Xã Mường Bo", "Đạt"),
                ("2", "Công ty B", "Phường Cam Đường", "Đạt")]
        tb = '<table:table table:name="PL" table:style-name="Tb">' + '<table:table-column table:style-name="TbC"/>' * 4
        for r in rows:
            tb += "<table:table-row>" + "".join(
                f'<table:table-cell table:style-name="TbO" office:value-type="string">{_p("TbP", c)}</table:table-cell>'
                for c in r) + "</table:table-row>"
        parts.append(tb + "</table:table>")
    extra_styles = ('<style:style style:name="PTenTrai" style:family="paragraph" style:parent-style-name="Standard">'
                    '<style:paragraph-properties fo:margin-top="18pt"/><style:text-properties fo:font-weight="bold"/>'
                    '</style:style>'
                    '<style:style style:name="T2" style:family="text"><style:text-properties fo:font-size="' + d.tn_pt +
                    '"/></style:style>')
    return (HEAD + "<office:styles>" + STYLES.format(**fmt) + "</office:styles><office:automatic-styles>" +
            AUTO.format(**fmt) + extra_styles + "</office:automatic-styles><office:master-styles>" +
            MASTER.format(page_header=page_header) + "</office:master-styles><office:body><office:text>" +
            "".join(parts) + "</office:text></office:body></office:document>")
