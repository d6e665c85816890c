"""Roles in the Library (issue 21, deliverable 3): the entity table's Role column (the most
recent stated role, all of them with their dates in its tooltip), kept through a rename and an
alias rule, and the followed entity's roles listed by date above its timeline."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reader.core.service.batch import BatchResult
from reader.core.store.alias_rules import AliasRule, keep_rules
from reader.core.store.corrections import Correction
from reader.core.store.database import Store, content_hash
from reader.core.store.library import Collection
from reader.core.text.article import ArticleMeta
from reader.core.text.loaders import load_article
from reader.gui.library import indexer
from reader.gui.library.entity_timeline import EntityTimeline
from reader.gui.library.panel import LibraryPanel
from tests.core.library_articles import MODEL, write_article
from tests.core.role_articles import DATED, role_analysis, with_roles
from tests.gui.fakes import fake_analyze
from tests.gui.test_library import WAIT_MS, rows, wait_model

BAKER_LINES = [
    "Secretary of State — 2 articles, 12 Jan–2 Feb 2017",
    "Former Secretary of State — 1 article, 14 Mar 2018",
    "keen sailor — 1 article, undated",
]


def cells(panel: LibraryPanel, header: str, role: int = Qt.ItemDataRole.DisplayRole) -> dict:
    """Entity name -> the data of its cell in column `header`, as the table shows it."""
    model = panel.entities.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    column = headers.index(header)
    return {
        model.index(row, 0).data(): model.index(row, column).data(role)
        for row in range(model.rowCount())
    }


@pytest.fixture
def store_and_paths(tmp_path):
    with Store.open(tmp_path / "s.sqlite3") as store:
        paths = []
        for name, text, date, roles in DATED:
            path = write_article(tmp_path / "articles", name, text)
            store.save_analysis(role_analysis(text, roles, path, date))
            paths.append(path)
        yield store, paths


def test_the_role_column_shows_the_most_recent_role_and_its_tooltip_all(qtbot, store_and_paths):
    store, paths = store_and_paths
    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.set_collection(Collection(store, paths, MODEL), "Baker")
    assert cells(panel, "Role") == {
        "Tom Baker": "Former Secretary of State",
        "Acme": "maker of engines",
        "Jordan": "",
        "France": "",
        "Ada Lovelace": "",
    }
    tooltips = cells(panel, "Role", Qt.ItemDataRole.ToolTipRole)
    assert tooltips["Tom Baker"] == "\n".join(BAKER_LINES)
    assert tooltips["Jordan"] == "No article states a role"

    panel.entities.filter_box.setText("secretary")  # the filter reads the roles too
    assert list(cells(panel, "Role")) == ["Tom Baker"]
    panel.entities.filter_box.clear()
    panel.entities.sortByColumn(5, Qt.SortOrder.AscendingOrder)  # Role; none last
    assert [e.role for e in rows(panel.entities)][:2] == [
        "Former Secretary of State",
        "maker of engines",
    ]


def test_a_rename_and_an_alias_rule_keep_the_roles(qtbot, store_and_paths):
    store, paths = store_and_paths
    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.set_collection(Collection(store, paths, MODEL), "Baker")
    march = next(p for p in paths if p.name == "march.txt")
    store.add_correction(
        content_hash(load_article(march)),
        Correction("rename", key="person:tom-baker", name="Thomas Baker"),
    )
    keep_rules(store, [AliasRule(("Acme",), "org:acme-engine-company", "Acme Engine Company")])
    panel.refresh()
    roles = cells(panel, "Role")
    assert roles["Tom Baker"] == "Former Secretary of State"  # most mentions keep the name
    assert roles["Acme Engine Company"] == "maker of engines"
    assert "Acme" not in roles


def test_the_timeline_lists_the_followed_entitys_roles_by_date(qtbot, store_and_paths):
    store, paths = store_and_paths
    baker = next(
        e for e in Collection(store, paths, MODEL).entities() if e.key == "person:tom-baker"
    )
    timeline = EntityTimeline()
    qtbot.addWidget(timeline)
    timeline.show_entity(None, baker.key, baker.roles)
    items = [timeline.roles.item(i).text() for i in range(timeline.roles.count())]
    assert items == BAKER_LINES
    assert not timeline.roles.isHidden()
    timeline.show_entity(None, "country:jo", ())
    assert timeline.roles.count() == 0 and timeline.roles.isHidden()
    assert timeline.roles_label.text() == "No article states its role."
    timeline.show_entity(None, None, baker.roles)  # nothing followed: no roles
    assert timeline.roles.count() == 0 and timeline.roles_label.isHidden()


# --- in the window: following an entity in the Library lists its roles over time

WINDOW_ARTICLES = {  # name -> (text, date, (role, mention) pairs)
    "jan.txt": (
        "Talks\n\nSecretary of State Rex Tillerson flew to Moscow.\n",
        "2017-01-12",
        (("Secretary of State", "Rex Tillerson"),),
    ),
    "feb.txt": (
        "Talks again\n\nRex Tillerson, the Secretary of State, met Lavrov.\n",
        "2017-02-02",
        (("the Secretary of State", "Rex Tillerson"),),
    ),
    "mar.txt": (
        "A year on\n\nformer Secretary of State Rex Tillerson spoke in Moscow.\n",
        "2018-03-14",
        (("former Secretary of State", "Rex Tillerson"),),
    ),
}


def role_analyze(article, nlp=None, **_options):
    """The fake analysis with the article's date and the roles it states."""
    _text, date, roles = WINDOW_ARTICLES[article.path.name]
    article = dataclasses.replace(article, meta=ArticleMeta(date=date))
    return with_roles(fake_analyze(article, nlp), roles)


@pytest.fixture
def role_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "roles"
    for name, (text, _date, _roles) in WINDOW_ARTICLES.items():
        write_article(folder, name, text)

    def analyze_files(paths, model=None, jobs=1, store=None, scheduler=None, warn=None, **_how):
        for path in paths:
            analysis = role_analyze(load_article(path))
            store.save_analysis(analysis)
            yield BatchResult(path, analysis=analysis)

    monkeypatch.setattr(indexer, "analyze_files", analyze_files)
    return folder


def test_following_an_entity_in_the_window_lists_its_roles(make_window, qtbot, role_folder):
    window = make_window(analyze=role_analyze)
    wait_model(qtbot, window)
    coverage = window.library.coverage
    with qtbot.wait_signal(coverage.coverage.changed, timeout=WAIT_MS):
        window.library.collections.collect_folder(role_folder)
    panel = window.library.collections.panel
    qtbot.wait_until(lambda: len(rows(panel.entities)) == 3, timeout=WAIT_MS)
    assert cells(panel, "Role")["Rex Tillerson"] == "former Secretary of State"
    panel.pages.setCurrentIndex(1)
    panel.follow_tabs.setCurrentWidget(coverage.timeline)
    panel.follow("person:rex-tillerson")
    roles = coverage.timeline.roles
    assert [roles.item(i).text() for i in range(roles.count())] == [
        "Secretary of State — 2 articles, 12 Jan–2 Feb 2017",
        "former Secretary of State — 1 article, 14 Mar 2018",
    ]
    assert roles.isVisible()
    coverage.coverage.wait_idle()
