"""How well and how fast Reader reads scans: character error rate and seconds per page of OCR.

Renders A4 pages of known article text (written for this bench, below) with Pillow, in two
fonts (Bitstream Vera Sans, shipped with reportlab, and DejaVu Serif where the system has it,
else Vera Sans Oblique), at 150 and 300 dpi, plus one page made to look photographed (300 dpi,
turned 1.5 degrees, blurred, grain, saved as JPEG). Each page is opened with `load_article`
as a PNG or JPEG file, as a user would, and its text compared with the text drawn:

    CER = Levenshtein distance (characters; runs of white space count as one space) / length

Targets (issue 23): CER at most 2% at 300 dpi and 5% at 150 dpi. Then a scanned PDF of 20 such
pages (grey JPEGs at 200 dpi, as office scanners make them) gives the time to its first page's
text (rendering and OCR of page one, what a window showing pages as they come would wait) and
the time to read it whole. Also printed: how many words the engine marked uncertain, and how
many of the words it got wrong were among them. Last, the same 20-page scan opened in the
window (bench_ocr_window.py, in a process of its own): the time to its first page's text in view
(target 10 s) and the largest event-loop gap while OCR reads it (target 100 ms).

    python bench/bench_ocr.py
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy

from reader.core.text.loaders import load_article
from reader.core.text.loaders.images import read_scanned_pages

# Every figure here is a cold read: the OCR cache is off (bench_ocr_cache.py measures it).
os.environ["READER_OCR_CACHE"] = ""

TITLE = "Harbour pilots end nine-day strike"
ARTICLE = (
    "Harbour pilots in Rotterdam voted on Friday to end a strike that had kept more than two "
    "hundred ships waiting at anchor for nine days, after the port authority raised its offer "
    "on night shifts and pensions. The vote, 312 to 41, was announced by Anna Berg, who leads "
    "the pilots' union, at a press conference in the old customs house. "
    '"Nobody wanted this to last," she said. "But the pilots are the last people you want '
    'to be tired when a container ship the length of four football pitches comes in at night." '
    "The port authority said the agreement would cost about 14 million euros over three years. "
    "Its chief executive, Pieter de Vries, told reporters that the first ships would be guided "
    "in before midnight and that the backlog should clear by Wednesday. Shipping lines welcomed "
    "the news but warned that delays would ripple through Hamburg, Antwerp and Felixstowe for "
    "weeks. Maersk said it had diverted eleven vessels during the strike; two of them, carrying "
    "fruit from Ecuador and Costa Rica, lost part of their cargo. The Dutch transport minister, "
    "Marieke Jansen, thanked both sides and promised a review of how essential services at the "
    "port are kept running during disputes. Union members will vote again in June on a longer "
    "agreement covering training, the number of trainee pilots and the age of retirement."
)


def _fonts() -> list[tuple[str, str, str]]:
    """(name, regular file, bold file) of the two fonts."""
    import reportlab

    shipped = Path(reportlab.__file__).parent / "fonts"
    serif = Path("/usr/share/fonts/truetype/dejavu")
    second = (
        ("DejaVu Serif", str(serif / "DejaVuSerif.ttf"), str(serif / "DejaVuSerif-Bold.ttf"))
        if (serif / "DejaVuSerif.ttf").exists()
        else ("Vera Sans Oblique", str(shipped / "VeraIt.ttf"), str(shipped / "VeraBI.ttf"))
    )
    return [("Vera Sans", str(shipped / "Vera.ttf"), str(shipped / "VeraBd.ttf")), second]


def render_page(font: tuple[str, str, str], dpi: int):
    """An A4 page at `dpi`: the title in 20 pt bold, the article in 11 pt, 2.5 cm margins.
    Returns the image and the text drawn on it."""
    from PIL import Image, ImageDraw, ImageFont

    _, regular, bold = font
    width, height, margin = round(8.27 * dpi), round(11.69 * dpi), dpi
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    draw.text((margin, margin), TITLE, font=ImageFont.truetype(bold, round(20 * dpi / 72)), fill=0)
    body = ImageFont.truetype(regular, round(11 * dpi / 72))
    lines, line = [], ""
    for word in ARTICLE.split():
        if line and body.getlength(f"{line} {word}") > width - 2 * margin:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    top = margin + round(40 * dpi / 72)
    for number, text in enumerate(lines):
        draw.text((margin, top + number * round(15 * dpi / 72)), text, font=body, fill=0)
    return image, f"{TITLE} {ARTICLE}"


def photographed(image):
    """The page as a phone photo: turned 1.5 degrees, slightly blurred, grain, a JPEG."""
    from PIL import Image, ImageFilter

    turned = image.rotate(1.5, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=235)
    blurred = turned.filter(ImageFilter.GaussianBlur(0.8))
    grain = numpy.random.default_rng(7).normal(0, 18, (blurred.height, blurred.width))
    noisy = numpy.clip(numpy.asarray(blurred, dtype=float) * 0.92 + grain, 0, 255)
    return Image.fromarray(noisy.astype(numpy.uint8))


def levenshtein(a: str, b: str) -> int:
    """Edit distance, a row at a time with NumPy (an insertion's running minimum is a
    cumulative minimum of the row less its index)."""
    if not a or not b:
        return max(len(a), len(b))
    codes_b = numpy.frombuffer(b.encode("utf-32-le"), dtype=numpy.uint32)
    index = numpy.arange(len(b) + 1)
    row = index.copy()
    for position, char in enumerate(a, start=1):
        cost = (codes_b != ord(char)).astype(numpy.int64)
        new = numpy.empty_like(row)
        new[0] = position
        new[1:] = numpy.minimum(row[:-1] + cost, row[1:] + 1)
        row = numpy.minimum.accumulate(new - index) + index
    return int(row[-1])


def _normal(text: str) -> str:
    return " ".join(text.split())


def _words_marked(article) -> tuple[int, int, int]:
    """(words marked uncertain, words not in the article drawn, of those how many marked)."""
    truth = set(_normal(f"{TITLE} {ARTICLE}").split())
    marked = {article.text[start:end] for start, end in article.meta.uncertain}
    wrong = [word for word in article.text.split() if word not in truth]
    return len(article.meta.uncertain), len(wrong), sum(word in marked for word in wrong)


def read_file(image, folder: Path, name: str, form: str) -> tuple[object, float]:
    path = folder / name
    stream = io.BytesIO()
    image.save(stream, form, **({"quality": 80} if form == "JPEG" else {}))
    path.write_bytes(stream.getvalue())
    start = time.perf_counter()
    article = load_article(path)
    return article, time.perf_counter() - start


def scanned_pdf(folder: Path, pages: int = 20) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image, _ = render_page(_fonts()[0], 200)
    stream = io.BytesIO()
    image.save(stream, "JPEG", quality=75)
    path = folder / "scan-20.pdf"
    document = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(pages):
        document.drawImage(ImageReader(io.BytesIO(stream.getvalue())), 0, 0, *A4)
        document.showPage()
    document.save()
    return path


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="bench-ocr-"))
    start = time.perf_counter()
    read_file(render_page(_fonts()[0], 72)[0], folder, "warm.png", "PNG")
    print(f"engine load and a first small page: {time.perf_counter() - start:.1f} s\n")
    print(f"{'page':44} {'CER':>7} {'s/page':>7} {'uncertain':>9} {'wrong':>5} {'marked':>6}")
    failed = False
    cases = [(font, dpi, False) for font in _fonts() for dpi in (300, 150)]
    cases.append((_fonts()[0], 300, True))
    for font, dpi, photo in cases:
        image, truth = render_page(font, dpi)
        if photo:
            image = photographed(image)
        form = "JPEG" if photo else "PNG"
        article, seconds = read_file(image, folder, f"page-{dpi}.{form.lower()}", form)
        cer = levenshtein(_normal(article.text), _normal(truth)) / len(_normal(truth))
        target = 0.02 if dpi == 300 else 0.05
        failed |= cer > target
        label = f"{font[0]}, {dpi} dpi" + (", photographed" if photo else "")
        marked, wrong, caught = _words_marked(article)
        print(
            f"{label:44} {cer:7.2%} {seconds:7.2f} {marked:9} {wrong:5} {caught:6}"
            f"{'   OVER ' + format(target, '.0%') if cer > target else ''}"
        )
    pdf = scanned_pdf(folder)
    data = pdf.read_bytes()
    start = time.perf_counter()
    first = read_scanned_pages(pdf, data, [0])[0]
    first_seconds = time.perf_counter() - start
    start = time.perf_counter()
    whole = load_article(pdf)
    whole_seconds = time.perf_counter() - start
    print(
        f"\n20-page scanned PDF: first page's text in {first_seconds:.1f} s "
        f"({sum(len(b.lines) for b in first.boxes)} lines); all 20 pages in {whole_seconds:.1f} s "
        f"({whole_seconds / 20:.1f} s a page, {len(whole.text):,} characters)\n"
    )
    window = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("bench_ocr_window.py"))],
        env={**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")},
        check=False,
    )
    return 1 if failed or window.returncode else 0


if __name__ == "__main__":
    sys.exit(main())
