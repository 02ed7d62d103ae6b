"""Writes the workbook the spreadsheet import tests read, with openpyxl (a real XLSX writer):
serial dates, empty cells, a formula. openpyxl writes inline strings and no formula results,
where Excel and LibreOffice write a shared-string table and cache each formula's value; the
workbook is then rewritten the way those save it, so the reader meets what users' files hold.
Usage: python3 make-workbook.py OUT.xlsx [ROWS]  (ROWS > 0: a large Projects sheet)."""
import datetime
import re
import sys
import zipfile
from xml.sax.saxutils import escape

from openpyxl import Workbook

out = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 0
book = Workbook()
projects = book.active
projects.title = "Projects"
projects.append(["Project ID", "Title", "Phase", "Budget", "Kick-off", "Depends on", "Lead", "Cost centre"])
if rows == 0:
    projects.append(["dock-app", "Dock app", "Phase In", 120000, datetime.date(2026, 3, 2), "crane-sync", "Rui", 4711])
    projects.append(["crane-sync", "Crane sync", "Active", None, datetime.date(2025, 11, 30), None, "Rui", None])
    # A formula: openpyxl writes no cached value, so the test patches one in (see the test).
    projects.append(["yard-ai", "Yard AI", "Plan", "=2*50000", None, "dock-app; crane-sync", "nobody", None])
else:
    for index in range(rows):
        projects.append([f"p{index}", f"Project {index}", "Active", 1000 + index, datetime.date(2026, 1, 1) + datetime.timedelta(days=index % 700),
                         f"p{index - 1}" if index else None, "Rui", index])
people = book.create_sheet("People")
people.append(["id", "name", "active"])
people.append(["Rui", "Rui Alves", True])
book.save(out)

# Shared strings and a cached formula value, as Excel saves them.
with zipfile.ZipFile(out) as source:
    parts = {name: source.read(name) for name in source.namelist()}
strings, index = [], {}
def shared(match):
    text = match.group(1)
    if text not in index:
        index[text] = len(strings)
        strings.append(text)
    return f't="s"><v>{index[text]}</v>'
for name in list(parts):
    if name.startswith("xl/worksheets/sheet"):
        xml = parts[name].decode()
        xml = re.sub(r't="inlineStr"><is><t>([^<]*)</t></is>', shared, xml)
        xml = re.sub(r"<f>2\*50000</f>(<v */>|<v></v>)?", "<f>2*50000</f><v>100000</v>", xml)
        parts[name] = xml.encode()
table = "".join(f"<si><t>{s}</t></si>" for s in strings)
parts["xl/sharedStrings.xml"] = (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">{table}</sst>').encode()
parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(b"</Relationships>", b'<Relationship Id="rIdShared" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
    for name, data in parts.items():
        target.writestr(name, data)
