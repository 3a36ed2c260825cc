"""CSV import of items: spreadsheet files in, all or nothing, with row-numbered problems."""

from __future__ import annotations

import pytest

from briefing_app.core.model import Person
from briefing_app.exchange.csv_import import import_csv
from briefing_app.exchange.factpack import PackError


def write_csv(tmp_path, text: str, *, bom: bool = False, name: str = "items.csv"):
    path = tmp_path / name
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


GOOD = (
    "id,kind,text,date,speaker,source,people,tags,status\r\n"
    'f-visa,fact,Washington revoked Petro’s visa.,2025-09,,Briefing seed article,'
    'Gustavo Petro,visa; travel-restrictions,unverified\r\n'
    'q-decisive,quote,"Petro called the talks “decisive”\r\nfor him.",,Gustavo Petro,EFE,'
    '"Gustavo Petro;Donald Trump",messaging,\r\n'
    "\r\n"  # blank rows are skipped
    "e-meeting,event,White House meeting,2026-02-03,,,,,verified\r\n"
)


def test_a_spreadsheet_export_imports_with_bom_quotes_and_newlines(fb, tmp_path):
    result = import_csv(fb, write_csv(tmp_path, GOOD, bom=True))

    assert result.items.created == 3
    assert result.people.created == 2 and result.sources.created == 2
    visa = fb.get_item("f-visa")
    assert visa.tags == ["visa", "travel-restrictions"]
    assert visa.date == "2025-09"
    quote = fb.get_item("q-decisive")
    assert quote.text == "Petro called the talks “decisive”\nfor him."  # one kind of line break
    petro = fb.find_person_by_name("Gustavo Petro")
    assert quote.speaker == petro.id
    assert quote.people == [petro.id, fb.find_person_by_name("Donald Trump").id]
    assert fb.get_source(quote.source).outlet == "EFE"
    assert fb.get_item("e-meeting").status == "verified"


def test_people_and_sources_already_in_the_fact_base_are_reused(fb, tmp_path):
    fb.save_person(Person(id="p-petro", name="Gustavo Petro"))
    import_csv(fb, write_csv(tmp_path, "kind,text,speaker\nquote,“decisive”,Gustavo Petro\n"))
    [item] = fb.search("decisive")
    assert item.speaker == "p-petro"
    assert [p.id for p in fb.list_people()] == ["p-petro"]


def test_every_bad_row_is_reported_and_nothing_is_imported(fb, tmp_path):
    text = (
        "id,kind,text,date,end_date,status,speaker\n"
        "f-1,fact,Fine,2025-09,,,\n"
        "f-2,fact,Bad date,Sept 2025,,,\n"
        "f-3,rumour,Bad kind,,,,\n"
        "f-1,fact,Same id again,,,,\n"
        "f-5,fact,,,,,\n"
        "f-6,fact,Quote field on a fact,,,,Gustavo Petro\n"
        "e-7,event,Ends before it starts,2026-02-03,2026-01,,\n"
        "f-8,fact,Bad status,,,true,\n"
    )
    with pytest.raises(PackError) as caught:
        import_csv(fb, write_csv(tmp_path, text))
    assert caught.value.problems == [
        'row 3, date: "Sept 2025" is not a date (use YYYY, YYYY-MM, YYYY-MM-DD or '
        "YYYY-MM-DDTHH:MM)",
        'row 4, kind: "rumour" is not a kind (use fact, quote or event)',
        'row 5, id: "f-1" is used twice (first at row 2)',
        "row 6, text: must not be empty",
        "row 7, speaker: only a quote has a speaker (this item is a fact)",
        'row 8, end_date: "2026-01" is before the date "2026-02-03"',
        'row 9, status: "true" is not a status (use unverified, verified or disputed)',
    ]
    assert fb.item_count() == 0
    assert fb.list_people() == []


def test_row_numbers_count_records_not_lines(fb, tmp_path):
    text = 'kind,text,date\nfact,"two\nlines",2025\nfact,bad,soon\n'
    with pytest.raises(PackError) as caught:
        import_csv(fb, write_csv(tmp_path, text))
    assert caught.value.problems[0].startswith('row 3, date: "soon" is not a date')


def test_unknown_and_missing_columns_are_errors(fb, tmp_path):
    with pytest.raises(PackError) as caught:
        import_csv(fb, write_csv(tmp_path, "Kind,Text,Dat,Colour\nfact,x,2025,red\n"))
    assert caught.value.problems == [
        'row 1, column 3: "Dat" is an unknown column; did you mean "date"?',
        'row 1, column 4: "Colour" is an unknown column (known columns: id, kind, text, '
        "title, date, end_date, location, speaker, language, translation, context, source, "
        "people, tags, status, marking, notes)",
    ]
    with pytest.raises(PackError, match='the required column "kind" is missing'):
        import_csv(fb, write_csv(tmp_path, "text,date\nx,2025\n"))


def test_column_names_ignore_case_spaces_and_hyphens(fb, tmp_path):
    path = write_csv(tmp_path, " Kind ,TEXT,Date,End Date\nevent,Talks,2026-02-03,2026-02-04\n")
    import_csv(fb, path)
    [item] = fb.search("Talks")
    assert item.end_date == "2026-02-04"


def test_a_row_longer_than_the_header_is_an_error(fb, tmp_path):
    with pytest.raises(PackError) as caught:
        import_csv(fb, write_csv(tmp_path, "kind,text\nfact,Bogotá, Colombia\n"))
    assert caught.value.problems == ["row 2: 3 values but the header names 2 columns"]


def test_repeated_tags_in_one_cell_are_an_error(fb, tmp_path):
    with pytest.raises(PackError, match='row 2, tags: "Visa" appears twice'):
        import_csv(fb, write_csv(tmp_path, "kind,text,tags\nfact,x,visa;Visa\n"))


def test_rows_with_an_id_reimport_unchanged(fb, tmp_path):
    path = write_csv(tmp_path, GOOD)
    import_csv(fb, path)
    again = import_csv(fb, path)
    assert (again.items.unchanged, again.items.created, again.people.created) == (3, 0, 0)


def test_rows_without_an_id_are_new_items_on_every_import(fb, tmp_path):
    """Documented: without an id column there is nothing to match on."""
    path = write_csv(tmp_path, "kind,text\nfact,First\nfact,Second\n")
    import_csv(fb, path)
    import_csv(fb, path)
    assert fb.item_count() == 4


def test_files_that_are_not_csv_text_are_refused_cleanly(fb, tmp_path):
    with pytest.raises(PackError, match="not UTF-8 text"):
        import_csv(fb, _latin1(tmp_path))
    with pytest.raises(PackError, match="the file is empty"):
        import_csv(fb, write_csv(tmp_path, "", bom=True))
    with pytest.raises(PackError, match="the header row is missing"):
        import_csv(fb, write_csv(tmp_path, "\n\nfact,x\n"))
    with pytest.raises(PackError, match="the file does not exist"):
        import_csv(fb, tmp_path / "missing.csv")


def _latin1(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes("kind,text\nfact,Bogotá\n".encode("latin-1"))
    return path


def test_columns_without_a_name_may_exist_while_they_are_empty(fb, tmp_path):
    import_csv(fb, write_csv(tmp_path, "kind,text,,\nfact,Trailing commas,,\n"))
    assert fb.item_count() == 1
    with pytest.raises(PackError) as caught:
        import_csv(fb, write_csv(tmp_path, "kind,text,\nfact,x,lost value\n"))
    assert caught.value.problems == ["row 2, column 3: a value in a column without a name"]
