#!/usr/bin/env python3
"""Writes the small .xlsx fixtures of SpreadsheetTests (run from this folder:
`python3 make_fixtures.py`). Standard library only: every part is written by hand so
each quirk is exactly the one under test. Shapes follow ECMA-376 Part 1 (SpreadsheetML)
and what the named tools write:

- forms-responses.xlsx: Microsoft Forms' "Open in Excel" download, one sheet "Sheet1",
  columns ID, Start time, Completion time, Email, Name, then one per question; times as
  date serials with a custom m/d/yy h:mm:ss format; text in the shared-string table.
- excel-features.xlsx: what desktop Excel writes: two sheets whose parts are NOT in tab
  order (the first tab "Roster" is worksheets/sheet2.xml, targets absolute and relative),
  rich-text shared strings (<r><t>) with a phonetic run (<rPh>) and an _x000D_ escape,
  formulas with cached values (t="str", numbers, t="e" errors), booleans, float noise
  (0.1+0.2), gaps in cell references (A5 then D5), skipped rows (r=3 then r=7), styled
  empty cells, built-in date formats 14/22/20 and custom d/m/yyyy, [$-409]dd-mmm-yy,
  "Week "0 (a number with a quoted literal), [h]:mm elapsed time.
- hris-inline.xlsx: what streaming writers used by HRIS exports write (Apache POI SXSSF,
  which Workday- and BambooHR-style report exports are built on, uses inline strings):
  t="inlineStr" cells, cells and rows without r attributes (positional, allowed by the
  schema), no styles part, no shared strings part.
- mac-1904.xlsx: <workbookPr date1904="1"/> as old Mac Excel writes it.
- bomb.xlsx: a sheet of 60 MB of spaces deflating from ~60 KB (ratio ~1000).
- doctype.xlsx: a sheet with a DOCTYPE and an entity (refused).
- bad-shared-string.xlsx: a cell pointing to shared string 5 of 1.
- roster-hris.xlsx: an HRIS roster as BambooHR's or HiBob's "Export to Excel" gives it: a
  first sheet "README" of notes, the people on the second sheet "Employees"; numeric
  employee and manager ids stored as numbers, hire and end dates as date serials with the
  built-in format 14 (m/d/yyyy), blank end dates left out of the row (a gap). The same
  people as Tests/OrgHealthKitTests/WorkbookSourceTests.swift's CSV.
- forms-survey.xlsx: Microsoft Forms' "Open in Excel" download (as forms-responses.xlsx)
  holding the 26 responses of Tests/CultureSurveyAnalyzerTests/SurveyFixture.swift, with a
  "team" column and the questions as headers, answers as choice text, as
  SurveyVendorFixtures.microsoftForms() writes the same export in CSV.
- opendocument.ods / apple.numbers / legacy.xls / not-a-zip.xlsx: other formats.

Not written by this script: endless-deflate.xlsx is the input Fuzz/ (FuzzXLSX) found hanging
the reader (docs/RELIABILITY.md, "Found and fixed"): forms-responses.xlsx with bytes 764-800,
inside xl/workbook.xml's deflated data, changed so that stream never ends within the entry.
"""
import datetime
import zipfile
from xml.sax.saxutils import escape
from xml.sax.saxutils import quoteattr

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

CONTENT_TYPES = DECL + (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '</Types>')
ROOT_RELS = DECL + (
    f'<Relationships xmlns="{PKG}">'
    f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
    '</Relationships>')


def workbook(sheets, date1904=False):
    pr = '<workbookPr date1904="1"/>' if date1904 else '<workbookPr defaultThemeVersion="164011"/>'
    body = "".join(f'<sheet name="{name}" sheetId="{i + 1}" r:id="{rid}"/>' for i, (name, rid) in enumerate(sheets))
    return DECL + f'<workbook xmlns="{MAIN}" xmlns:r="{REL}">{pr}<sheets>{body}</sheets></workbook>'


def rels(items):
    body = "".join(f'<Relationship Id="{rid}" Type="{REL}/{kind}" Target="{target}"/>' for rid, kind, target in items)
    return DECL + f'<Relationships xmlns="{PKG}">{body}</Relationships>'


def sheet(rows_xml, prefix=""):
    return DECL + f'<worksheet xmlns="{MAIN}" xmlns:r="{REL}"><sheetViews><sheetView workbookViewId="0"/></sheetViews>{prefix}<sheetData>{rows_xml}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'


def styles(custom, xfs):
    fmts = "".join(f'<numFmt numFmtId="{i}" formatCode={quoteattr(code)}/>' for i, code in custom)
    xf = "".join(f'<xf numFmtId="{n}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' for n in xfs)
    return DECL + (f'<styleSheet xmlns="{MAIN}"><numFmts count="{len(custom)}">{fmts}</numFmts>'
                   '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
                   '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
                   '<borders count="1"><border/></borders>'
                   '<cellStyleXfs count="1"><xf numFmtId="14" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
                   f'<cellXfs count="{len(xfs)}">{xf}</cellXfs>'
                   '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')


def sst(items):
    return DECL + f'<sst xmlns="{MAIN}" count="{len(items)}" uniqueCount="{len(items)}">' + "".join(items) + '</sst>'


def entry(path):
    """A zip entry with a fixed date, so that running the script again writes the same bytes."""
    info = zipfile.ZipInfo(path, date_time=(2025, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def write(name, parts):
    with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED) as z:
        for path, text in parts.items():
            z.writestr(entry(path), text)


def standard(sheets_parts, workbook_xml, workbook_rels, extra):
    parts = {"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": ROOT_RELS,
             "xl/workbook.xml": workbook_xml, "xl/_rels/workbook.xml.rels": workbook_rels}
    parts.update(sheets_parts)
    parts.update(extra)
    # Excel lists every part's content type in [Content_Types].xml (ECMA-376 Part 2, 10.1.2).
    kinds = {"worksheets/": "worksheet", "styles.xml": "styles", "sharedStrings.xml": "sharedStrings"}
    overrides = "".join(
        f'<Override PartName="/{path}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.{kind}+xml"/>'
        for path in parts for key, kind in kinds.items() if path.startswith("xl/" + key))
    parts["[Content_Types].xml"] = CONTENT_TYPES.replace("</Types>", overrides + "</Types>")
    return parts


def forms():
    strings = ["ID", "Start time", "Completion time", "Email", "Name",
               "How likely are you to recommend working here? (0–10)", "I feel my work is recognised",
               "ana.silva@contoso.com", "Ana Silva", "Agree", "bo.li@contoso.com", "Bo Li", "Strongly agree"]
    si = [f"<si><t>{s}</t></si>" for s in strings]
    header = "".join(f'<c r="{col}1" t="s"><v>{i}</v></c>' for i, col in enumerate("ABCDEFG"))
    # 45658.3756944444 = 2025-01-01 09:01:00; 45658.3784722222 = 09:05:00 (by hand: 0.375694444*86400 = 32460 s)
    row2 = ('<c r="A2"><v>1</v></c><c r="B2" s="1"><v>45658.3756944444</v></c><c r="C2" s="1"><v>45658.3784722222</v></c>'
            '<c r="D2" t="s"><v>7</v></c><c r="E2" t="s"><v>8</v></c><c r="F2"><v>9</v></c><c r="G2" t="s"><v>9</v></c>')
    row3 = ('<c r="A3"><v>2</v></c><c r="B3" s="1"><v>45659.5</v></c><c r="C3" s="1"><v>45659.5034722222</v></c>'
            '<c r="D3" t="s"><v>10</v></c><c r="E3" t="s"><v>11</v></c><c r="F3"><v>10</v></c><c r="G3" t="s"><v>12</v></c>')
    rows = f'<row r="1" spans="1:7">{header}</row><row r="2" spans="1:7">{row2}</row><row r="3" spans="1:7">{row3}</row>'
    write("forms-responses.xlsx", standard(
        {"xl/worksheets/sheet1.xml": sheet(rows)},
        workbook([("Sheet1", "rId1")]),
        rels([("rId1", "worksheet", "worksheets/sheet1.xml"), ("rId2", "styles", "styles.xml"), ("rId3", "sharedStrings", "sharedStrings.xml")]),
        {"xl/styles.xml": styles([(164, "m/d/yy h:mm:ss")], [0, 164]), "xl/sharedStrings.xml": sst(si)}))


def excel_features():
    si = [
        "<si><t>Employee ID</t></si>",                                                  # 0
        '<si><r><rPr><b/></rPr><t>Full</t></r><r><t xml:space="preserve"> name</t></r></si>',  # 1 rich text
        '<si><t>山田</t><rPh sb="0" eb="2"><t>ヤマダ</t></rPh><phoneticPr fontId="1"/></si>',  # 2 phonetic run dropped
        "<si><t>Line one_x000D_\nline two</t></si>",                                     # 3 escape
        "<si><t>Start date</t></si>",                                                    # 4
        '<si><t xml:space="preserve">  padded  </t></si>',                                # 5
    ]
    # styles: 0 General, 1 = 14 (m/d/yyyy), 2 = 22 (m/d/yyyy h:mm), 3 = 20 (h:mm), 4 = 164 d/m/yyyy,
    # 5 = 165 [$-409]dd-mmm-yy, 6 = 166 "Week "0 (not a date), 7 = 167 [h]:mm (elapsed time), 8 = 2 (0.00)
    st = styles([(164, "d/m/yyyy"), (165, "[$-409]dd\\-mmm\\-yy;@"), (166, '"Week "0'), (167, "[h]:mm")],
                [0, 14, 22, 20, 164, 165, 166, 167, 2])
    roster = (
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>4</v></c><c r="D1" t="s"><v>2</v></c></row>'
        # row 2: dates in four formats of the same day 2024-03-15 (serial 45366, by hand: 2024-03-15 is 19797 days after 1970-01-01, + 25569)
        '<row r="2"><c r="A2"><v>1001</v></c><c r="B2" t="str"><f>CONCAT("Ana"," ","Silva")</f><v>Ana Silva</v></c>'
        '<c r="C2" s="1"><v>45366</v></c><c r="D2" s="4"><v>45366</v></c><c r="E2" s="5"><v>45366</v></c></row>'
        # row 3 missing; row 5 has a gap (A5 then D5) and a styled empty cell
        '<row r="5"><c r="A5"><v>1002</v></c><c r="B5" s="1"/><c r="D5" t="s"><v>3</v></c></row>'
        # row 7: float noise, exponent, booleans, error, datetime, time, not-a-date literal, elapsed time, 0.00 format
        '<row r="7"><c r="A7"><f>0.1+0.2</f><v>0.30000000000000004</v></c><c r="B7"><v>1.2E+6</v></c>'
        '<c r="C7" t="b"><v>1</v></c><c r="D7" t="b"><v>0</v></c><c r="E7" t="e"><f>1/0</f><v>#DIV/0!</v></c>'
        '<c r="F7" s="2"><v>45366.75</v></c><c r="G7" s="3"><v>0.5</v></c><c r="H7" s="6"><v>12</v></c>'
        '<c r="I7" s="7"><v>0.0625</v></c><c r="J7" s="8"><v>-2.5</v></c><c r="K7" t="s"><v>5</v></c></row>'
        # row 8: Excel's 1900 leap-year bug around serial 60, and a value that is only a styled blank row
        '<row r="8"><c r="A8" s="1"><v>59</v></c><c r="B8" s="1"><v>60</v></c><c r="C8" s="1"><v>61</v></c><c r="D8" s="1"><v>1</v></c></row>'
        '<row r="9" s="3" customFormat="1"><c r="A9" s="3"/><c r="B9" s="3"/></row>'
        '<row r="10"><c r="A10"><v>1003</v></c></row>'
    )
    summary = '<row r="1"><c r="A1" t="inlineStr"><is><t>Summary sheet</t></is></c></row>'
    write("excel-features.xlsx", standard(
        {"xl/worksheets/sheet1.xml": sheet(summary), "xl/worksheets/sheet2.xml": sheet(roster)},
        workbook([("Roster", "rId7"), ("Summary 2024", "rId3")]),
        rels([("rId3", "worksheet", "worksheets/sheet1.xml"), ("rId7", "worksheet", "/xl/worksheets/sheet2.xml"),
              ("rId8", "styles", "styles.xml"), ("rId9", "sharedStrings", "./sharedStrings.xml")]),
        {"xl/styles.xml": st, "xl/sharedStrings.xml": sst(si)}))


def hris_inline():
    def inline(text):
        return f'<c t="inlineStr"><is><t>{text}</t></is></c>'
    rows = (
        "<row>" + "".join(inline(t) for t in ["Employee Number", "First Name", "Last Name", "Work Email", "Department", "Supervisor Email"]) + "</row>"
        "<row>" + "".join(inline(t) for t in ["E-100", "Zoë", "Müller", "zoe.mueller@example.com", "R&amp;D", ""]) + "</row>"
        "<row>" + "<c><v>200</v></c>" + "".join(inline(t) for t in ["Ray", "O'Neil", "ray@example.com", "Sales", "zoe.mueller@example.com"]) + "</row>"
    )
    write("hris-inline.xlsx", standard(
        {"xl/worksheets/sheet1.xml": sheet(rows)},
        workbook([("Employees", "rId1")]),
        rels([("rId1", "worksheet", "worksheets/sheet1.xml")]), {}))


def mac_1904():
    st = styles([], [0, 14, 22])
    # 1904 system: serial 0 = 1904-01-01; 44196 = 2025-01-01 (1462 days less than the 1900 serial 45658)
    rows = '<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>44196</v></c><c r="C1" s="2"><v>44196.25</v></c><c r="D1"><v>44196</v></c></row>'
    write("mac-1904.xlsx", standard(
        {"xl/worksheets/sheet1.xml": sheet(rows)},
        workbook([("Sheet1", "rId1")], date1904=True),
        rels([("rId1", "worksheet", "worksheets/sheet1.xml"), ("rId2", "styles", "styles.xml")]),
        {"xl/styles.xml": st}))


def bomb():
    rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
    text = sheet(rows).replace("<sheetData>", "<sheetData>" + " " * 60_000_000)
    write("bomb.xlsx", standard(
        {"xl/worksheets/sheet1.xml": text}, workbook([("Sheet1", "rId1")]),
        rels([("rId1", "worksheet", "worksheets/sheet1.xml")]), {}))


def doctype():
    text = DECL + f'<!DOCTYPE worksheet [<!ENTITY boom "boom">]><worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&boom;</t></is></c></row></sheetData></worksheet>'
    write("doctype.xlsx", standard(
        {"xl/worksheets/sheet1.xml": text}, workbook([("Sheet1", "rId1")]),
        rels([("rId1", "worksheet", "worksheets/sheet1.xml")]), {}))


def bad_shared_string():
    rows = '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>5</v></c></row>'
    write("bad-shared-string.xlsx", standard(
        {"xl/worksheets/sheet1.xml": sheet(rows)}, workbook([("Data", "rId1")]),
        rels([("rId1", "worksheet", "worksheets/sheet1.xml"), ("rId2", "sharedStrings", "sharedStrings.xml")]),
        {"xl/sharedStrings.xml": sst(["<si><t>Team</t></si>"])}))


def others():
    # OpenDocument: a stored "mimetype" entry first (OpenDocument 1.2 Part 3, 3.3).
    with zipfile.ZipFile("opendocument.ods", "w") as z:
        z.writestr(entry("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr(entry("content.xml"), '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>')
    # Apple Numbers (since 2013) saves a zip whose document is Index/Document.iwa (protobuf, not XML).
    with zipfile.ZipFile("apple.numbers", "w") as z:
        z.writestr(entry("Index/Document.iwa"), bytes(16))
        z.writestr(entry("Metadata/Properties.plist"), "bplist00")
    # OLE2 compound file header (MS-CFB 2.2: signature D0 CF 11 E0 A1 B1 1A E1), as .xls starts.
    with open("legacy.xls", "wb") as f:
        f.write(bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504))
    with open("not-a-zip.xlsx", "w") as f:
        f.write("ID,Name\n1,Ana\n")


def serial(iso):
    """The 1900-system date serial of an ISO date: days since 1899-12-30 (Excel's day 0,
    counting the phantom 1900-02-29)."""
    return (datetime.date.fromisoformat(iso) - datetime.date(1899, 12, 30)).days


class Strings:
    """A shared-string table built as cells are written."""
    def __init__(self):
        self.items, self.index = [], {}

    def cell(self, ref, text):
        if text not in self.index:
            self.index[text] = len(self.items)
            self.items.append(f'<si><t xml:space="preserve">{escape(text)}</t></si>')
        return f'<c r="{ref}" t="s"><v>{self.index[text]}</v></c>'


def col(index):
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


ROSTER = [  # employee_id, manager_id, name, team, department, hire_date, end_date
    (1001, None, "Ada Park", "Exec", "Leadership", "2019-03-04", None),
    (1002, 1001, "Ben Ortiz", "Platform", "Engineering", "2021-06-14", None),
    (1003, 1002, "Chloé Martin", "Platform", "Engineering", "2026-07-20", None),
    (1004, 1002, "Dev Rao", "Platform", "Engineering", "2022-01-10", "2026-08-31"),
    (1005, 1001, "Eve Stone", "Sales", "Sales", "2020-11-02", None),
    (1006, 1005, "Femi Ade", "Sales", "Sales", "2026-10-05", None),
    (1007, 1005, "Gus Lund", "Sales", "Sales", "2018-05-01", "2026-03-31"),
    (1008, 1005, "Hana Ito", "Sales", "Sales", "2026-09-01", None),
]


def roster_hris():
    strings = Strings()
    header = ["employee_id", "manager_id", "name", "team", "department", "hire_date", "end_date"]
    rows = ['<row r="1">' + "".join(strings.cell(f"{col(i)}1", h) for i, h in enumerate(header)) + "</row>"]
    for number, person in enumerate(ROSTER, start=2):
        cells = []
        for i, value in enumerate(person):
            ref = f"{col(i)}{number}"
            if value is None:
                continue  # a blank cell: not written, as Excel does
            if i in (0, 1):
                cells.append(f'<c r="{ref}"><v>{value}</v></c>')
            elif i in (5, 6):
                cells.append(f'<c r="{ref}" s="1"><v>{serial(value)}</v></c>')
            else:
                cells.append(strings.cell(ref, value))
        rows.append(f'<row r="{number}">' + "".join(cells) + "</row>")
    readme = '<row r="1">' + strings.cell("A1", "Exported from the HR system; people are on the Employees sheet") + "</row>"
    write("roster-hris.xlsx", standard(
        {"xl/worksheets/sheet1.xml": sheet(readme), "xl/worksheets/sheet2.xml": sheet("".join(rows))},
        workbook([("README", "rId1"), ("Employees", "rId2")]),
        rels([("rId1", "worksheet", "worksheets/sheet1.xml"), ("rId2", "worksheet", "worksheets/sheet2.xml"),
              ("rId3", "styles", "styles.xml"), ("rId4", "sharedStrings", "sharedStrings.xml")]),
        {"xl/styles.xml": styles([], [0, 14]), "xl/sharedStrings.xml": sst(strings.items)}))


QUESTIONS = ["I can speak up without fear.", "People are blamed for mistakes.", "We keep our commitments.",
             "My workload is manageable.", "I am proud to work here.", "I would recommend working here."]
LABELS = ["Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"]
SURVEY = [  # team, answers (None = blank), eNPS, comment: SurveyFixture.rows
    ("Platform", [5, 1, 4, 4, 5, 5], 10, "Great team, but the workload is heavy"),
    ("Platform", [4, 2, 4, 3, 4, 4], 9, ""),
    ("Platform", [4, 1, 5, 4, 5, 4], 8, ""),
    ("Platform", [3, 3, 3, 2, 3, 3], 6, "My manager keeps cancelling our 1:1s"),
    ("Platform", [5, 2, 4, 5, 5, 5], 10, ""),
    ("Platform", [2, 4, 2, 2, 2, 3], 4, "Too much overtime <b>really</b>"),
    ("Platform", [4, 2, 4, 4, 4, 4], 9, ""),
    ("Platform", [4, None, 4, 3, 4, 5], 7, ""),
    ("Platform", [5, 1, 5, 4, 5, 5], 10, ""),
    ("Platform", [3, 3, 4, 3, 3, 4], 7, ""),
    ("Platform", [4, 2, 3, 4, 4, 4], 8, ""),
    ("Platform", [4, 1, 4, 5, 5, 4], None, ""),
    ("Web", [2, 4, 2, 1, 2, 2], 3, "<script>alert(1)</script> no career path"),
    ("Web", [3, 4, 2, 2, 3, 2], 5, ""),
    ("Web", [2, 5, 3, 2, 2, 3], 6, ""),
    ("Web", [3, 3, 3, 2, 3, 3], 7, ""),
    ("Web", [1, 5, 2, 1, 1, 2], 2, ""),
    ("Data", [4, 2, 4, 4, 4, 4], 9, ""),
    ("Data", [5, 1, 5, 5, 5, 5], 10, ""),
    ("Data", [4, 2, 4, 3, 4, 4], 8, ""),
    ("Field", [4, 2, 4, 3, 4, 4], 8, ""),
    ("Field", [3, 3, 3, 3, 3, 3], 7, ""),
    ("Field", [4, 2, 4, 4, 4, 4], 9, ""),
    ("Field", [5, 1, 5, 5, 5, 5], 10, ""),
    ("Field", [4, 2, 3, 2, 4, 3], 6, ""),
    ("Field", [2, 4, 2, 2, 2, None], 4, ""),
]


def forms_survey():
    strings = Strings()
    header = ["ID", "Start time", "Completion time", "Email", "Name", "team"] + QUESTIONS + ["enps", "comment"]
    rows = ['<row r="1">' + "".join(strings.cell(f"{col(i)}1", h) for i, h in enumerate(header)) + "</row>"]
    # 46266.4166666667 = 2026-09-01 10:00:00 (serial 46266 = 2026-09-01, 10/24 = 0.41666…); +313 s for completion.
    start, done = 46266 + 10 / 24, 46266 + (10 * 3600 + 313) / 86400
    for number, (team, answers, enps, comment) in enumerate(SURVEY, start=2):
        cells = [f'<c r="A{number}"><v>{number - 1}</v></c>',
                 f'<c r="B{number}" s="1"><v>{start!r}</v></c>', f'<c r="C{number}" s="1"><v>{done!r}</v></c>',
                 strings.cell(f"D{number}", "anonymous"), strings.cell(f"F{number}", team)]
        for i, answer in enumerate(answers):
            if answer is not None:
                cells.append(strings.cell(f"{col(6 + i)}{number}", LABELS[answer - 1]))
        if enps is not None:
            cells.append(f'<c r="M{number}"><v>{enps}</v></c>')
        if comment:
            cells.append(strings.cell(f"N{number}", comment))
        rows.append(f'<row r="{number}">' + "".join(cells) + "</row>")
    write("forms-survey.xlsx", standard(
        {"xl/worksheets/sheet1.xml": sheet("".join(rows))},
        workbook([("Sheet1", "rId1")]),
        rels([("rId1", "worksheet", "worksheets/sheet1.xml"), ("rId2", "styles", "styles.xml"), ("rId3", "sharedStrings", "sharedStrings.xml")]),
        {"xl/styles.xml": styles([(164, "m/d/yy h:mm:ss")], [0, 164]), "xl/sharedStrings.xml": sst(strings.items)}))


if __name__ == "__main__":
    forms(); excel_features(); hris_inline(); mac_1904(); bomb(); doctype(); bad_shared_string(); others()
    roster_hris(); forms_survey()
