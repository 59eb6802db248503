#!/usr/bin/env python3
"""Writes the small hostile files of this corpus (tests/hostile.rs reads
them; the large ones are generated there). Run from this directory:
python3 make.py. Deterministic: the same bytes every run.

Workbooks with values only at A1 and XFD1048576, the first and last cell of
a sheet: `sparse.xlsx` declares that range in its <dimension>, `lying.xlsx`
declares A1:A1. Plan files: a one-line plan saved with a byte-order mark,
in Latin-1, with a byte that is not UTF-8, cut in half, from a future
format version, with a forecast beyond the range of amounts, and a
"ladder" of 28 formula levels where each line names the next twice."""
import json
import zipfile

PARTS = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Utfall" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
}

SHEET = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="{dimension}"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Konto</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>'

for name, dimension in [("sparse.xlsx", "A1:XFD1048576"), ("lying.xlsx", "A1:A1")]:
    with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED) as book:
        for part, xml in PARTS.items():
            book.writestr(zipfile.ZipInfo(part, (2024, 1, 1, 0, 0, 0)), xml, zipfile.ZIP_DEFLATED)
        book.writestr(zipfile.ZipInfo("xl/worksheets/sheet1.xml", (2024, 1, 1, 0, 0, 0)), SHEET.format(dimension=dimension), zipfile.ZIP_DEFLATED)


def plan(lines, name="Månadsrapport", outcome="100.00", method="run_rate"):
    """A plan document with `lines` (name, formula) on one department."""
    def line(i, name, formula):
        months = lambda amount: [amount] * 12
        item = {"id": i, "name": name, "department": 1, "activity": "operations", "category": 1,
                "budget": months("100.00"), "outcome": months(outcome), "last_year": months("100.00"),
                "forecast": {"method": method}}
        if formula:
            item["formula"] = formula
        return item
    return {"format": "kalkyl", "version": 1, "app": "0.1.0", "plan": {
        "name": name, "year": 2024, "closed_through": 4,
        "departments": [{"id": 1, "name": "Ekonomi"}],
        "categories": [{"id": 1, "name": "Personalkostnader", "kind": "cost"}],
        "services": [], "drivers": [],
        "lines": [line(i + 1, n, f) for i, (n, f) in enumerate(lines)],
        "snapshots": []}}


def text(document):
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


ONE = text(plan([("Lön", None)]))
LADDER = [(f"s{i}", f"=[s{i + 1}] + [s{i + 1}]") for i in range(28)] + [("s28", None), ("annan", None)]
FILES = {
    "bom.kalkyl.json": b"\xef\xbb\xbf" + ONE.encode(),
    "latin1.kalkyl.json": ONE.encode("latin-1"),
    "invalid-utf8.kalkyl.json": ONE.replace("Lön", "L\x00n").encode().replace(b"\x00", b"\xff"),
    "truncated.kalkyl.json": ONE.encode()[: len(ONE) // 2],
    "future-version.kalkyl.json": ONE.replace('"version":1', '"version":99').encode(),
    "overflow.kalkyl.json": text(plan([("Lön", None)], outcome="1000000000000000.00")).encode(),
    "ladder.kalkyl.json": text(plan(LADDER, name="Stege", method="budget")).encode(),
}
for name, data in FILES.items():
    with open(name, "wb") as file:
        file.write(data)
