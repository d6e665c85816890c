"""The analysis service: from the store or made, kept, corrected, a failing store, progress."""

from __future__ import annotations

import pytest

from reader.core.analysis import analyzer
from reader.core.analysis.pipeline import load_pipeline, model_label
from reader.core.service.analyses import AnalysisService, pipeline_label
from reader.core.store.corrections import Correction
from reader.core.store.database import Store, StoreError
from reader.core.text.article import Article
from tests.core.library_articles import MODEL, fake_analysis, save_tiny_pipeline

TEXT = "Gears\nAda Lovelace met Tom Baker in France.\n“Gears turn,” Baker said.\n"
RENAME = Correction("rename", key="country:fr", name="République française")


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory):
    return str(save_tiny_pipeline(tmp_path_factory.mktemp("pipeline") / "tiny"))


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "s.sqlite3") as opened:
        yield opened


@pytest.fixture
def made(monkeypatch):
    """The articles the service analyses (rather than finds in the store)."""
    articles = []
    real = analyzer.analyze
    monkeypatch.setattr(
        analyzer, "analyze", lambda a, nlp, **o: (articles.append(a), real(a, nlp, **o))[1]
    )
    return articles


def article() -> Article:
    return Article("Gears", TEXT, ())


def test_the_label_is_known_without_loading_the_pipeline(pipeline):
    assert pipeline_label(pipeline) == model_label(load_pipeline(pipeline))


def test_a_miss_is_analysed_and_kept_then_a_hit_comes_from_the_store(pipeline, store, made):
    service = AnalysisService(store, warn=pytest.fail)
    first = service.analysis(article(), pipeline)
    assert store.count() == 1 and len(made) == 1
    assert service.holds(article(), pipeline_label(pipeline))
    assert not service.holds(article(), "another-pipeline 2.0")
    again = service.analysis(article(), pipeline)
    assert len(made) == 1  # not analysed again
    assert again == first and {m.key for m in again.mentions} >= {"country:fr"}


def test_corrections_apply_to_a_new_analysis_and_a_stored_one_and_can_be_undone(pipeline, store):
    service = AnalysisService(store, warn=pytest.fail)
    assert not service.has_corrections(article())
    assert service.correct(article(), pipeline_label(pipeline), RENAME) is None  # none stored
    fresh = service.analysis(article(), pipeline)
    france = [m for m in fresh.mentions if m.key == "country:fr"]
    assert france and all(m.name == "République française" and m.corrected for m in france)
    assert service.has_corrections(article())
    stored = service.stored(article(), pipeline_label(pipeline))
    assert stored == fresh
    plain = service.undo_correction(article(), pipeline_label(pipeline))
    assert {m.name for m in plain.mentions if m.key == "country:fr"} == {"France"}
    assert not any(m.corrected for m in plain.mentions)


def test_many_analyses_are_kept_at_once_and_come_back_corrected(store):
    service = AnalysisService(store, warn=pytest.fail)
    analyses = [fake_analysis(f"Day {i}\nAda Lovelace visited France.\n") for i in range(3)]
    service.correct(analyses[1].article, MODEL, RENAME)
    kept = service.kept(analyses)
    assert store.count() == 3
    assert [a.article for a in kept] == [a.article for a in analyses]
    assert [any(m.corrected for m in a.mentions) for a in kept] == [False, True, False]
    assert service.corrected(analyses[1]) == kept[1]


def test_a_corrected_analysis_is_not_kept(store):
    service = AnalysisService(store, warn=pytest.fail)
    analysis = fake_analysis(TEXT)
    service.correct(analysis.article, MODEL, RENAME)
    with pytest.raises(ValueError):
        service.keep(service.corrected(analysis))


def test_a_failing_store_is_said_once_and_the_work_goes_on_without_it(pipeline, tmp_path):
    store = Store.open(tmp_path / "s.sqlite3")
    store.close()  # every later use fails
    warnings = []
    service = AnalysisService(store, warn=warnings.append)
    first = service.analysis(article(), pipeline)
    second = service.analysis(article(), pipeline)
    assert first == second and first.mentions
    service.keep(first)
    assert not service.holds(article(), first.model)
    assert len(warnings) == 1 and "cannot be used" in warnings[0]
    assert service.store is None


def test_without_warn_a_failing_store_raises_and_is_kept(tmp_path):
    store = Store.open(tmp_path / "s.sqlite3")
    store.close()
    service = AnalysisService(store)
    with pytest.raises(StoreError):
        service.stored(article(), MODEL)
    with pytest.raises(StoreError):
        service.keep(fake_analysis(TEXT))
    assert service.store is store


def test_a_store_that_cannot_be_opened_is_said_and_none_is_used(tmp_path):
    (tmp_path / "not-a-store").write_bytes(b"not SQLite at all, not at all" * 10)
    warnings = []
    service = AnalysisService.open(tmp_path / "not-a-store", warn=warnings.append)
    assert service.store is None and len(warnings) == 1
    with pytest.raises(StoreError):
        AnalysisService.open(tmp_path / "not-a-store")


def test_with_no_store_the_analysis_is_made_and_nothing_kept(pipeline, made):
    service = AnalysisService(None, warn=pytest.fail)
    analysis = service.analysis(article(), pipeline)
    assert analysis.mentions and len(made) == 1
    assert service.stored(article(), analysis.model) is None
    assert service.kept([analysis]) == [analysis]


def test_progress_is_reported_for_every_chunk(pipeline, store):
    service = AnalysisService(store, warn=pytest.fail)
    long = Article("Long", TEXT * 1600, ())
    progress = []
    service.analysis(long, pipeline, on_progress=progress.append)
    assert len(progress) > 1
    assert [p.done for p in progress] == sorted(p.done for p in progress)
    assert progress[-1].done == progress[-1].total == len(long.text)
