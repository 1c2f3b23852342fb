"""The TimeML reader of the benchmarks (benchmarks/timeml_corpus.py), on invented files."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"


def _corpus():
    spec = importlib.util.spec_from_file_location("timeml_corpus", BENCH / "timeml_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["timeml_corpus"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_the_ampersand_the_conversion_cut_to_amp_is_put_back(tmp_path: Path) -> None:
    corpus = _corpus()
    assert corpus.restore_ampersands("HARBOR TOOL amp DIE Corp. said") == "HARBOR TOOL & DIE Corp. said"
    assert corpus.restore_ampersands("an analyst at Bates, Lyle amp Co. said") == "an analyst at Bates, Lyle & Co. said"
    # the word itself, lowercase around it, stays
    assert corpus.restore_ampersands("the guitar amp was loud; an amp Of") == "the guitar amp was loud; an amp Of"
    path = tmp_path / "a.tml"
    path.write_text(
        '<TimeML><DCT><TIMEX3 tid="t0" value="1989-10-30">10/30/89</TIMEX3></DCT><TEXT>\n'
        'Harbor Tool amp Die Corp. <EVENT eid="e1">said</EVENT> profit &amp; sales rose.\n</TEXT></TimeML>',
        encoding="utf-8",
    )
    doc = corpus.read(path)
    assert "Harbor Tool & Die Corp. said profit & sales rose." in doc.text
    said = doc.each("EVENT")[0]
    assert doc.text[said.start : said.end] == "said"  # the offsets follow the text as restored
