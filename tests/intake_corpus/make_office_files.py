"""Writes the corpus's Word and PDF articles from the prose below (run it after editing).

The committed .docx and .pdf files are what the tests and the benchmark read; this script
is how they were made: python-docx for the Word file, reportlab (wrapped paragraphs, so
the PDF's text layer has broken lines like a real one) for the PDF.

    .venv/bin/python tests/intake_corpus/make_office_files.py
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent

DOCX_TITLE = "Entrevista: la canciller Villavicencio y la agenda con Washington"
DOCX_PARAGRAPHS = [
    "Entrevista: la canciller Villavicencio y la agenda con Washington",
    "Revista Diplomacia Hoy, 12 de enero de 2026",
    "La canciller de Colombia, Rosa Villavicencio, recibió a esta revista en el Palacio de "
    "San Carlos pocos días después de la llamada telefónica entre los presidentes Gustavo "
    "Petro y Donald Trump, que según ella abrió \u201cuna ventana que no podemos "
    "desaprovechar\u201d.",
    "\u201cLo peor ya pasó\u201d, afirmó la canciller. \u201cAhora tenemos que demostrar con "
    "resultados que la cooperación antidrogas funciona\u201d.",
    "La funcionaria reconoció que la decisión de Washington de retirar la visa al "
    "presidente en septiembre fue \u201cun golpe muy duro\u201d para la relación. Sin embargo, "
    "aseguró que los equipos de ambos gobiernos trabajan desde diciembre en una agenda de "
    "seguridad, comercio y migración para la visita oficial prevista para el 3 de febrero.",
    "Sobre la inclusión del presidente en la lista de la OFAC, la canciller fue prudente: "
    "\u201cEse es un tema jurídico que llevan los abogados, no la diplomacia\u201d.",
    "Villavicencio, que asumió el cargo en julio de 2025, dijo que su prioridad es "
    "\u201cdesescalar\u201d el tono público. \u201cLos gobiernos pueden discrepar sin "
    "insultarse\u201d, opinó.",
]

PDF_TITLE = "Analysis: What a Petro-Trump reset would take"
PDF_PARAGRAPHS = [
    "Analysis: What a Petro-Trump reset would take",
    "Hemisphere Policy Brief, January 28, 2026",
    "When Colombian President Gustavo Petro walks into the Oval Office next week, he will "
    "bring a relationship that has rarely been worse. In September, Washington revoked his "
    "visa after he addressed a street protest in New York; in October, the Treasury "
    "Department placed him on its sanctions list.",
    "Former U.S. ambassador Kevin Whitaker, who served in Bogota from 2014 to 2019, said "
    "both leaders had reasons to lower the temperature. \u201cPetro needs the certification "
    "fight to end before the elections, and Trump needs a partner on Venezuela,\u201d he "
    "said in an interview. \u201cThat is the deal on the table, whether they say it or not.\u201d",
    "Colombian officials are more cautious. Defense Minister Pedro S\u00e1nchez told "
    "lawmakers on Tuesday that the armed forces would keep cooperating with U.S. "
    "counternarcotics units \u201cregardless of the political noise.\u201d",
    "Much depends on what happens in May, when Colombians elect Petro's successor. Analysts "
    "at the Andean Risk Group, a consultancy, expect the next government to seek a quick "
    "reconciliation whoever wins.",
    "\u201cThe meeting will not fix everything,\u201d said Elizabeth Dickinson, a senior "
    "analyst at the International Crisis Group. \u201cBut it can stop the bleeding.\u201d",
]


def write_docx(path: Path) -> None:
    import docx

    document = docx.Document()
    document.core_properties.title = DOCX_TITLE
    for text in DOCX_PARAGRAPHS:
        document.add_paragraph(text)
    document.save(path)


def write_pdf(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    story = []
    for index, text in enumerate(PDF_PARAGRAPHS):
        style = styles["Title"] if index == 0 else styles["BodyText"]
        story += [Paragraph(text, style), Spacer(1, 8)]
    SimpleDocTemplate(str(path), pagesize=A4, title=PDF_TITLE, invariant=1).build(story)


if __name__ == "__main__":
    write_docx(HERE / "es-entrevista-canciller.docx")
    write_pdf(HERE / "en-analysis-brief.pdf")
