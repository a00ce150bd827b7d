#!/usr/bin/env python3
"""Writes a survey-export-shaped .xlsx of ROWS rows × 20 columns for the xlsx benchmark,
fast: the sheet XML is written directly (no openpyxl), streamed into the zip.

usage: make_workbook.py ROWS OUT.xlsx

Columns: ID (number), Start time and Completion time (date serials, format 22), Department
and Team (shared strings from pools of 12 and 60), ten Likert answers (shared strings from a
pool of 5), four 0–10 scores (numbers) and Tenure (a decimal). The shared-string table stays
small whatever ROWS is, as in a real survey export where answers repeat.
"""
import sys
import zipfile

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

rows = int(sys.argv[1])
out = sys.argv[2]

headers = (["ID", "Start time", "Completion time", "Department", "Team"]
           + [f"Q{i} I would recommend my team" for i in range(1, 11)]
           + ["Score A", "Score B", "Score C", "Score D", "Tenure (years)"])
departments = [f"Department {i}" for i in range(12)]
teams = [f"Team {i}" for i in range(60)]
likert = ["Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"]
strings = headers + departments + teams + likert
dep0, team0, lik0 = len(headers), len(headers) + 12, len(headers) + 72
cols = [chr(65 + i) for i in range(20)]

with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
    z.writestr("[Content_Types].xml", DECL +
               '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
               '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
               '<Default Extension="xml" ContentType="application/xml"/>'
               f'<Override PartName="/xl/workbook.xml" ContentType="{CT}.sheet.main+xml"/>'
               f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{CT}.worksheet+xml"/>'
               f'<Override PartName="/xl/styles.xml" ContentType="{CT}.styles+xml"/>'
               f'<Override PartName="/xl/sharedStrings.xml" ContentType="{CT}.sharedStrings+xml"/></Types>')
    z.writestr("_rels/.rels", DECL + f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr("xl/workbook.xml", DECL + f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets><sheet name="Form1" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", DECL + f'<Relationships xmlns="{PKG}">'
               f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
               f'<Relationship Id="rId2" Type="{REL}/styles" Target="styles.xml"/>'
               f'<Relationship Id="rId3" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    z.writestr("xl/styles.xml", DECL + f'<styleSheet xmlns="{MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
               '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
               '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>'
               '<cellXfs count="2"><xf numFmtId="0" xfId="0"/><xf numFmtId="22" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>')
    z.writestr("xl/sharedStrings.xml", DECL + f'<sst xmlns="{MAIN}" count="{len(strings)}" uniqueCount="{len(strings)}">'
               + "".join(f"<si><t>{s}</t></si>" for s in strings) + "</sst>")
    with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
        f.write((DECL + f'<worksheet xmlns="{MAIN}" xmlns:r="{REL}"><sheetData>').encode())
        f.write(('<row r="1">' + "".join(f'<c r="{c}1" t="s"><v>{i}</v></c>' for i, c in enumerate(cols)) + "</row>").encode())
        chunk = []
        for n in range(2, rows + 2):
            start = 45658 + (n % 300) + (n % 1440) / 1440  # a minute-resolution time in 2025
            cells = [f'<c r="A{n}"><v>{n - 1}</v></c>',
                     f'<c r="B{n}" s="1"><v>{start:.10f}</v></c>',
                     f'<c r="C{n}" s="1"><v>{start + 0.00347222222:.10f}</v></c>',
                     f'<c r="D{n}" t="s"><v>{dep0 + n % 12}</v></c>',
                     f'<c r="E{n}" t="s"><v>{team0 + n % 60}</v></c>']
            cells += [f'<c r="{cols[5 + q]}{n}" t="s"><v>{lik0 + (n * 7 + q * 3) % 5}</v></c>' for q in range(10)]
            cells += [f'<c r="{cols[15 + k]}{n}"><v>{(n * 13 + k * 5) % 11}</v></c>' for k in range(4)]
            cells.append(f'<c r="T{n}"><v>{(n % 400) / 8}</v></c>')
            chunk.append(f'<row r="{n}">' + "".join(cells) + "</row>")
            if len(chunk) == 10_000:
                f.write("".join(chunk).encode())
                chunk = []
        f.write(("".join(chunk) + "</sheetData></worksheet>").encode())
