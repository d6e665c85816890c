"""Folders on the command line: a folder of scans is a folder of articles, Reader's own pages in
a folder are not read back as articles (said in one note line), and a folder with no articles is
named in its error (stderr and JSON)."""

from __future__ import annotations

import json

from reader.core.store.folder_files import MARKER_BYTES, folder_files
from reader.core.store.library import supported_files
from reader.core.text.loaders import IMAGE_SUFFIXES
from tests.cli_run import run_main

ARTICLE = '# Talks\n\nThe minister met the envoy.\n\n"We agreed on nothing," the envoy said.\n'


def test_a_folder_lists_every_picture_suffix_the_loaders_read(tmp_path):
    scans = [tmp_path / f"scan{suffix}" for suffix in (".png", ".JPG", ".tiff", ".webp", ".tif")]
    for scan in scans:
        scan.write_bytes(b"")
    (tmp_path / "notes.xyz").write_text("not an article", "utf-8")
    assert supported_files(tmp_path) == sorted(scans)
    assert {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".webp"} <= set(IMAGE_SUFFIXES)


def test_the_pictures_of_a_saved_page_are_not_scans(tmp_path):
    (tmp_path / "story.html").write_text("<html><body><p>A story.</p></body></html>", "utf-8")
    (tmp_path / "story_files").mkdir()
    (tmp_path / "story_files" / "logo.png").write_bytes(b"")
    (tmp_path / "scans_files").mkdir()  # no page beside it: an ordinary folder
    (tmp_path / "scans_files" / "page1.png").write_bytes(b"")
    assert supported_files(tmp_path) == [
        tmp_path / "scans_files" / "page1.png",
        tmp_path / "story.html",
    ]


def test_a_page_is_reader_s_only_by_the_generator_tag_in_its_head(tmp_path):
    tag = '<meta name="generator" content="Reader">'
    ours = tmp_path / "ours.html"
    ours.write_text(f"<!DOCTYPE html><html><head>{tag}</head><body>x</body></html>", "utf-8")
    late = tmp_path / "late.htm"  # the tag quoted in an article's body, far down: an article
    late.write_text("<html><body>" + "word " * MARKER_BYTES + tag + "</body></html>", "utf-8")
    other = tmp_path / "other.html"
    other.write_text('<html><head><meta name="generator" content="Hugo"></head></html>', "utf-8")
    found = folder_files(tmp_path)
    assert found.paths == [late, other]
    assert found.skipped == 1


def test_reader_s_own_export_in_a_folder_is_skipped_with_one_note(tmp_path, capsys, blank_model):
    folder = tmp_path / "talks"
    folder.mkdir()
    source = folder / "a.md"
    source.write_text(ARTICLE, "utf-8")
    options = ("--model", blank_model, "--no-store")
    code, _, _ = run_main(capsys, "export", source, "-o", folder / "a.html", *options)
    assert code == 0

    code, out, err = run_main(capsys, "analyze", folder, *options, "--jobs", "1")
    assert code == 0
    assert [json.loads(line)["path"] for line in out.splitlines()] == [str(source)]
    assert err == [
        "reader: note: skipped 1 page Reader wrote (exports, reports) in the folders;"
        " name a file to read it."
    ]

    code, out, err = run_main(capsys, "analyze", folder / "a.html", *options, "--jobs", "1")
    assert code == 0  # named explicitly, it is still read
    assert [json.loads(line)["path"] for line in out.splitlines()] == [str(folder / "a.html")]


def test_a_folder_with_no_articles_is_named_in_its_error(tmp_path, capsys, monkeypatch):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "readme.xyz").write_text("nothing", "utf-8")
    code, out, err = run_main(capsys, "analyze", empty, "--no-store", "--format", "json")
    assert code == 1
    assert json.loads(out) == [
        {"path": str(empty), "error": f"the folder {empty} contains no article files."}
    ]
    assert err == [f"reader: the folder {empty} contains no article files."]

    monkeypatch.chdir(empty)  # "." has no name of its own: still named once
    code, out, err = run_main(capsys, "analyze", ".", "--no-store")
    assert err == ["reader: the folder . contains no article files."]


def test_a_folder_of_only_reader_pages_says_so(tmp_path, capsys):
    (tmp_path / "a.html").write_text(
        '<!DOCTYPE html><html><head><meta name="generator" content="Reader"></head></html>', "utf-8"
    )
    code, _, err = run_main(capsys, "quotes", tmp_path, "--no-store")
    assert code == 1
    assert err[-1] == (
        f"reader: the folder {tmp_path} contains no article files (only 1 Reader wrote, skipped)."
    )
