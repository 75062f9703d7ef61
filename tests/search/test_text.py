"""Folding, query cleaning and highlighting: the pure-text half of Vietnamese search."""

import unicodedata

import pytest

from search.text import (
    MAX_QUERY_LENGTH,
    clean_query,
    fold,
    has_marks,
    highlight,
    highlight_title,
    nfc,
    words,
)

pytestmark = pytest.mark.db_independent  # CI runs it once, in the SQLite phase


def test_fold_removes_every_vietnamese_mark_and_d_bar():
    assert fold("Công đoàn Viên chức Việt Nam") == "cong doan vien chuc viet nam"
    assert fold("ĐẠI HỘI XIII") == "dai hoi xiii"
    assert fold("đ") == "d"
    assert fold("Đ") == "d"
    # Letters with two marks, which SQLite's unicode61 tokenizer does not fold.
    assert fold("Cộng Tổng Việt ở ữ") == "cong tong viet o u"


def test_fold_is_the_same_for_nfc_and_nfd_input():
    decomposed = unicodedata.normalize("NFD", "công đoàn")
    assert decomposed != "công đoàn"
    assert fold(decomposed) == fold("công đoàn") == fold("CÔNG ĐOÀN") == "cong doan"
    assert nfc(decomposed) == "công đoàn"


def test_clean_query_is_nfc_one_line_and_capped():
    decomposed = unicodedata.normalize("NFD", "  công\n\tđoàn  ")
    assert clean_query(decomposed) == "công đoàn"
    assert len(clean_query("a" * 5000)) == MAX_QUERY_LENGTH


def test_words_drop_punctuation_that_would_break_a_full_text_query():
    assert words('02-NQ/TW "cong" doan*') == ["02", "nq", "tw", "cong", "doan"]
    assert len(words(" ".join(["x"] * 100))) <= 12


def test_has_marks():
    assert has_marks("đào")
    assert has_marks("Công")
    assert not has_marks("cong doan")
    assert not has_marks("CONG DOAN")


def test_highlight_marks_accented_words_for_a_folded_query_and_escapes():
    html = highlight("<b>Công đoàn</b> Viên chức & người lao động", "cong doan")
    assert "<mark>Công</mark> <mark>đoàn</mark>" in html
    # Snippet text is plain text: anything that looks like markup is shown, never interpreted.
    assert "&lt;b&gt;" in html
    assert "<b>" not in html
    assert "&amp;" in html


def test_highlight_marks_whole_words_only():
    html = highlight("Doanh nghiệp và đoàn viên", "doan")
    assert "<mark>đoàn</mark>" in html
    assert "<mark>Doan" not in html


def test_highlight_excerpts_around_a_late_match():
    text = "Mở đầu. " * 80 + "Đại hội XIII của Đảng"
    html = highlight(text, "dai hoi xiii", length=120)
    assert html.startswith("…")
    assert "<mark>Đại</mark> <mark>hội</mark> <mark>XIII</mark>" in html


def test_highlight_title_keeps_the_whole_title():
    title = "Nghị quyết Đại hội XIII về công tác công đoàn trong khu vực sự nghiệp công lập"
    html = highlight_title(title, "CÔNG ĐOÀN")
    assert "<mark>công</mark> tác <mark>công</mark> <mark>đoàn</mark>" in html
    assert "lập" in html


def test_highlight_title_never_cuts_the_start_of_a_title_matched_at_its_end():
    html = highlight_title("Đăng ký gia nhập Công đoàn", "cong doan")
    assert html == "Đăng ký gia nhập <mark>Công</mark> <mark>đoàn</mark>"
    long_title = "Hướng dẫn " + "rất dài " * 60 + "về Công đoàn"
    html = highlight_title(long_title, "cong doan")
    assert html.startswith("Hướng dẫn rất dài")
    assert "…" not in html
    assert html.endswith("về <mark>Công</mark> <mark>đoàn</mark>")
    assert highlight_title("<b> & Công đoàn", "cong") == "&lt;b&gt; &amp; <mark>Công</mark> đoàn"


def test_fold_with_offsets_is_the_same_on_the_fast_path_and_character_by_character():
    from search.text import _fold_char, fold_with_offsets

    for text in ["Công Đoàn Việt Nam", "Hội nghi\u0323 lần", "İstanbul Straße ﬁ", "a\u0301b", ""]:
        folded, offsets = [], []
        for index, ch in enumerate(text):
            for out in _fold_char(ch):
                folded.append(out)
                offsets.append(index)
        for _ in range(2):  # the second time every character is known
            result, result_offsets = fold_with_offsets(text)
            assert (result, list(result_offsets)) == ("".join(folded), offsets), text
