"""`reader analyze` and `reader export` say what a loader left out of a file when the
analysis comes from the store as when it is made: the note on stderr, the record's "notices",
the export's line under the title (an e-mail with an attachment, written here)."""

from __future__ import annotations

import json

import pytest
from markupsafe import escape

from reader.core.store.database import Store
from tests.core.library_articles import save_tiny_pipeline
from tests.core.store.test_stored_notices import ATTACHED, write_mail
from tests.test_cli import run_reader


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory):
    return str(save_tiny_pipeline(tmp_path_factory.mktemp("pipeline") / "tiny"))


def test_analyze_and_export_from_the_store_say_what_the_file_left_out(pipeline, tmp_path):
    mail, store = write_mail(tmp_path / "plan.eml"), tmp_path / "s.sqlite3"
    options = ("--model", pipeline, "--store", store)
    made = run_reader("analyze", mail, "--jobs", "1", *options)
    # marked: an analysis read from the store has no entities, one made here has
    with Store.open(store) as opened, opened.writing() as db:
        db.execute("""UPDATE analyses SET data = '{"entities": [], "quotes": []}'""")
    again = run_reader("analyze", mail, "--jobs", "1", *options)
    for run, from_store in ((made, False), (again, True)):
        assert run.returncode == 0, run.stderr
        assert run.stderr.splitlines() == [f"reader: note: {mail}: {ATTACHED}"]
        record = json.loads(run.stdout)
        assert record["notices"] == [ATTACHED]
        assert bool(record["entities"]) is not from_store

    page = tmp_path / "plan.html"
    exported = run_reader("export", mail, "-o", page, *options)
    assert exported.returncode == 0, exported.stderr
    assert f'<p class="notice" dir="auto">Note: {escape(ATTACHED)}</p>' in page.read_text("utf-8")
