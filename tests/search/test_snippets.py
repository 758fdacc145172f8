"""Snippets show the text around the first match in the writer's spelling, every match in it marked."""

from search.highlight import snippet

OPENING = "شورای محله جلسه داشت. " * 12  # long enough that the match is past a first snippet's length
STORY = OPENING + "اهالي گفتند كتابخانه‌ها تا شب باز بماند. مسئولان گفتند کتابخانه محله بازسازی می‌شود."


def test_the_snippet_starts_near_the_first_match_and_marks_it_as_written():
    shown = snippet(STORY, {"کتابخانه"})
    assert shown.startswith("…")
    assert "<mark>كتابخانه‌ها</mark>" in shown  # Arabic kaf and yeh, plural with a half-space
    assert "<mark>کتابخانه</mark>" in shown  # the second match, in the next sentence


def test_a_match_inside_a_long_sentence_is_found_too():
    sentence = "در " + "خیابان " * 60 + "نانوایی تازه باز شد"
    assert "<mark>نانوایی</mark>" in snippet(sentence, {"نانوایی"})


def test_without_a_match_the_snippet_is_the_opening_unmarked():
    shown = snippet(STORY, {"ورزشگاه"})
    assert shown.startswith("شورای محله")
    assert "<mark>" not in shown


def test_words_joined_across_a_space_are_still_one_match():
    assert "<mark>می روند</mark>" in snippet(OPENING + "بچه‌ها هر روز به مدرسه می روند.", {"میروند"})
