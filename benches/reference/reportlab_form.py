"""Reference figures for BENCHMARKS.md: the same transaction laid out with reportlab.

Usage: python3 reportlab_form.py TRANSACTION.json [RUNS]
Prints the file size and the mean time per PDF. Needs `pip install reportlab==5.1.0`; the fonts
are the project's own (assets/fonts), so both sides embed the same faces.
"""
import io, os

from measure import measure
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

FONTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "assets", "fonts") + os.sep
pdfmetrics.registerFont(TTFont("Lib", FONTS + "LiberationSans-Regular.ttf"))
pdfmetrics.registerFont(TTFont("Lib-Bold", FONTS + "LiberationSans-Bold.ttf"))
body = ParagraphStyle("b", fontName="Lib", fontSize=10, leading=12)
bold = ParagraphStyle("l", fontName="Lib-Bold", fontSize=10, leading=12)
head = ParagraphStyle("h", fontName="Lib-Bold", fontSize=12, leading=15, spaceBefore=8)
title = ParagraphStyle("t", fontName="Lib-Bold", fontSize=16, leading=20)


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")


def render(tx):
    out = io.BytesIO()
    def footer(canvas, doc):
        canvas.setFont("Lib", 8)
        canvas.drawString(20 * mm, 11 * mm, tx["id"])
        canvas.drawRightString(190 * mm, 11 * mm, "Sivu %d" % doc.page)
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=16 * mm, bottomMargin=22 * mm)
    story = [Paragraph(esc(tx["service"]["name"]), title), Spacer(1, 6)]
    s = tx["submitter"]
    rows = [("Tunnus", tx["id"]), ("Vastaanotettu", tx["submitted_at"]), ("Asia", tx["title"]), ("Lähettäjä", s["name"])]
    story.append(Table([[Paragraph(esc(a), bold), Paragraph(esc(b or ""), body)] for a, b in rows], colWidths=[48 * mm, 122 * mm]))
    section = None
    table = []
    for f in tx["fields"]:
        if f["section"] != section:
            if table:
                story.append(Table(table, colWidths=[48 * mm, 122 * mm]))
                table = []
            section = f["section"]
            story.append(Paragraph(esc(section or ""), head))
        table.append([Paragraph(esc(f["label"]), bold), Paragraph(esc(f["value"] or "–"), body)])
    if table:
        story.append(Table(table, colWidths=[48 * mm, 122 * mm]))
    story.append(Paragraph("Liitteet", head))
    for a in tx["attachments"]:
        story.append(Paragraph(esc(a["filename"]), bold))
        story.append(Paragraph(esc("%s · %d · SHA-256 %s…" % (a["content_type"], a["size"], a["sha256"][:16])), body))
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()


measure(render)
