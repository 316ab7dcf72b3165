from profiles.forms.fields import SkillListField


def clean(text, **kwargs):
    return SkillListField(**kwargs).clean(text)


def test_it_splits_on_commas_and_drops_duplicates_ignoring_case():
    assert clean("Django, django , DJANGO,  Open   source, ") == ["Django", "Open source"]


def test_a_single_name_with_spaces_stays_whole():
    assert clean("Co-op governance") == ["Co-op governance"]


def test_it_refuses_too_many_or_too_long_skills():
    field = SkillListField(max_skills=2)
    assert not _is_valid(field, "a, b, c")
    assert not _is_valid(SkillListField(), "x" * 60)
    assert _is_valid(field, "a, b")


def _is_valid(field, text):
    from django.core.exceptions import ValidationError

    try:
        field.clean(text)
    except ValidationError:
        return False
    return True
