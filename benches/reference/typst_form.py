"""Reference figures for BENCHMARKS.md: the same transaction laid out with Typst.

Usage: python3 typst_form.py TRANSACTION.json [RUNS]
Prints the file size and the mean time per PDF. Needs `pip install typst==0.15.0`; the fonts are
the project's own (assets/fonts), so both sides embed the same faces. The layout follows Kirjaamo's
(a title, the submission's table, a heading and a two-column table per section, the attachment
list, a footer with the transaction id and the page of pages), tagged as PDF/A-2a.
"""
import json
import os

import typst

from measure import measure

FONTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "assets", "fonts")


def lit(text):
    """A Typst string literal holding `text` as typed."""
    return json.dumps(text or "", ensure_ascii=False)


def source(tx):
    s = tx["submitter"]
    out = [
        '#set document(title: %s)' % lit(tx["service"]["name"] + " " + tx["id"]),
        '#set text(font: "Liberation Sans", size: 10pt, lang: "fi")',
        '#set page(paper: "a4", margin: (x: 20mm, top: 16mm, bottom: 22mm), footer: context [',
        '  #set text(size: 8pt)',
        '  #%s #h(1fr) Sivu #counter(page).display() / #counter(page).final().first()' % lit(tx["id"]),
        '])',
        '#set table(stroke: none, inset: (x: 0pt, y: 2pt))',
        '#text(size: 16pt, weight: "bold")[#%s]' % lit(tx["service"]["name"]),
        '',
    ]

    def table(rows):
        cells = ", ".join("[*#%s*], [#%s]" % (lit(a), lit(b)) for a, b in rows)
        return "#table(columns: (48mm, 1fr), %s)" % cells

    header = [("Tunnus", tx["id"]), ("Vastaanotettu", tx["submitted_at"]), ("Asia", tx.get("title")), ("Lähettäjä", s["name"])]
    out.append(table(header))
    section, rows = None, []
    for f in tx["fields"]:
        if f["section"] != section:
            if rows:
                out.append(table(rows))
                rows = []
            section = f["section"]
            out.append("== #%s" % lit(section))
        rows.append((f["label"], f["value"] or "–"))
    if rows:
        out.append(table(rows))
    out.append("== Liitteet")
    for a in tx["attachments"]:
        out.append("- *#%s* #linebreak() #%s" % (lit(a["filename"]), lit("%s · %d · SHA-256 %s…" % (a["content_type"], a["size"], a["sha256"][:16]))))
    return "\n".join(out).encode()


def render(tx):
    return typst.compile(source(tx), font_paths=[FONTS], ignore_system_fonts=True, pdf_standards=["a-2a"])


measure(render)
