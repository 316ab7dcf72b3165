"""Editing profiles: skills normalised, bad input beside its field, nothing half-saved, no XSS."""

import pytest
from django.urls import reverse

from profiles.models import Coop, InKindOffer, Member, OfficeSpace, Skill
from tests.factories import give_skills, make_skill
from tests.profiles.factories import make_office_space

pytestmark = pytest.mark.django_db

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'
XSS_SHORT = "<script>alert(1)</script>"  # for fields of 40 characters
SHORT_FIELDS = {"pronouns", "phone"}
VISIBILITIES = {
    "contact_email_visibility": "members",
    "phone_visibility": "members",
    "chat_visibility": "members",
    "address_visibility": "admins",
}


def member_data(**fields):
    return {"display_name": "Mo Member", **VISIBILITIES, **fields}


def coop_data(coop, **fields):
    data = {
        "name": coop.name,
        "country": "GB",
        **VISIBILITIES,
        "office-TOTAL_FORMS": "0",
        "office-INITIAL_FORMS": "0",
        "inkind-TOTAL_FORMS": "0",
        "inkind-INITIAL_FORMS": "0",
    }
    data.update(fields)
    return data


def test_a_member_fills_in_their_profile_with_skills(cast, client_as):
    make_skill("Django")
    response = client_as(cast.member.user).post(
        reverse("profiles:me-edit"),
        member_data(
            pronouns="she/her",
            bio="I *like* pairing",
            tech_offers="django , PostgreSQL, DJANGO",
            tech_needs="Rust",
            coop_offers="Facilitation",
            coop_needs="Bids",
            tools="Nextcloud",
            up_for_choices=["mentoring", "pairing"],
            website="https://mo.example.org/",
        ),
    )
    assert response.url == reverse("profiles:me")
    member = Member.objects.get(pk=cast.member.pk)
    assert sorted(s.name for s in member.offered_skills) == [
        "Django",
        "Facilitation",
        "PostgreSQL",
    ]
    assert sorted(s.name for s in member.needed_skills) == ["Bids", "Rust"]
    assert [s.name for s in member.tools] == ["Nextcloud"]
    assert member.up_for_values == ["mentoring", "pairing"]
    assert Skill.objects.filter(name__iexact="django").count() == 1
    assert Skill.objects.get(name="Facilitation").kind == "coop"
    assert "Rust" in member.search_text and "Facilitation" in member.search_text
    page = client_as(cast.owner.user).get(member.get_absolute_url()).text
    assert "<em>like</em>" in page and "Mentoring" in page


def test_the_form_shows_current_skills_and_removes_those_taken_out(cast, client_as):
    give_skills(cast.member, offers=["Django", "Elm"])
    client = client_as(cast.member.user)
    assert 'value="Django, Elm"' in client.get(reverse("profiles:me-edit")).text
    client.post(reverse("profiles:me-edit"), member_data(tech_offers="Elm"))
    assert [s.name for s in Member.objects.get(pk=cast.member.pk).offered_skills] == ["Elm"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("website", "not a url", "Enter a valid URL"),
        ("forge", "javascript:alert(1)", "Enter a valid URL"),
        ("contact_email", "nobody", "Enter a valid email address"),
        ("display_name", "x" * 101, "at most 100 characters"),
        ("bio", "x" * 5001, "at most 5000 characters"),
        ("tech_offers", ", ".join(f"skill{i}" for i in range(21)), "at most 20 skills"),
        ("tools", "y" * 51, "50 characters or fewer"),
        ("up_for_choices", "juggling", "Select a valid choice"),
        ("available_from", "someday", "Enter a valid date"),
        ("phone_visibility", "everyone-ever", "Select a valid choice"),
    ],
)
def test_bad_input_is_shown_beside_its_field_kept_and_nothing_saved(
    cast, client_as, field, value, message
):
    data = member_data(pronouns="they/them", tech_offers="Django")
    data[field] = value
    response = client_as(cast.member.user).post(reverse("profiles:me-edit"), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert message in " ".join(form.errors[field])
    assert f'id="id_{field}_error"' in response.text  # the message sits beside its field
    assert 'value="they/them"' in response.text
    member = Member.objects.get(pk=cast.member.pk)
    assert member.pronouns == "" and member.offered_skills == []


def test_a_coop_edit_with_a_bad_office_space_saves_nothing(cast, client_as):
    space = make_office_space(cast.coop, location="Old place")
    data = coop_data(
        cast.coop,
        summary="New summary",
        tech_offers="Haskell",
        **{
            "office-TOTAL_FORMS": "1",
            "office-INITIAL_FORMS": "1",
            "office-0-id": str(space.pk),
            "office-0-kind": "desks",
            "office-0-location": "",
            "office-0-capacity": "5000",
        },
    )
    response = client_as(cast.owner.user).post(
        reverse("profiles:coop-edit", args=[cast.coop.slug]), data
    )
    assert response.status_code == 200
    assert "This field is required" in response.text
    assert "Ensure this value is less than or equal to 1000" in response.text
    assert 'value="New summary"' in response.text
    cast.coop.refresh_from_db()
    assert cast.coop.summary == "" and cast.coop.offered_skills == []
    assert OfficeSpace.objects.get(pk=space.pk).location == "Old place"


def test_a_coop_admin_edits_offers_office_space_and_in_kind_support(cast, client_as):
    data = coop_data(
        cast.coop,
        summary="We host",
        coop_offers="Bookkeeping",
        country="gb",
        **{
            "office-TOTAL_FORMS": "1",
            "office-0-kind": "room",
            "office-0-location": "The Old Mill",
            "office-0-capacity": "12",
            "office-0-accessibility": "Step-free",
            "inkind-TOTAL_FORMS": "1",
            "inkind-0-title": "Legal advice",
        },
    )
    response = client_as(cast.owner.user).post(
        reverse("profiles:coop-edit", args=[cast.coop.slug]), data
    )
    assert response.url == cast.coop.get_absolute_url()
    coop = Coop.objects.get(pk=cast.coop.pk)
    assert coop.summary == "We host" and coop.country == "GB"
    assert [s.name for s in coop.offered_skills] == ["Bookkeeping"]
    assert OfficeSpace.objects.get(coop=coop).location == "The Old Mill"
    assert InKindOffer.objects.get(coop=coop).title == "Legal advice"
    page = client_as(None).get(coop.get_absolute_url()).text
    assert "The Old Mill" in page and "Step-free" in page and "Legal advice" in page


MEMBER_TEXT_FIELDS = [
    "display_name",
    "pronouns",
    "bio",
    "town",
    "region",
    "fediverse",
    "availability",
    "up_for_other",
    "phone",
    "chat",
    "address",
]
COOP_TEXT_FIELDS = ["name", "summary", "about", "town", "region", "up_for_other", "phone", "chat"]


def test_html_and_script_in_every_member_text_field_is_shown_as_text(cast, client_as):
    data = member_data(
        **{field: XSS_SHORT if field in SHORT_FIELDS else XSS for field in MEMBER_TEXT_FIELDS},
        tech_offers=XSS[:45],
        phone_visibility="public",
        chat_visibility="public",
        address_visibility="public",
    )
    response = client_as(cast.member.user).post(reverse("profiles:me-edit"), data)
    assert response.status_code == 302, response.context["form"].errors
    viewer = client_as(cast.outsider.user)
    for url in (
        cast.member.get_absolute_url(),
        reverse("profiles:member-list"),
        reverse("profiles:member-list") + "?q=script",
        Skill.objects.get(name=XSS[:45].strip()).get_absolute_url(),
    ):
        html = viewer.get(url).text
        assert "<script>alert" not in html and "<img src=x" not in html, url
    html = client_as(cast.member.user).get(reverse("profiles:me")).text
    assert "<script>alert" not in html and "&lt;script&gt;" in html


def test_html_and_script_in_every_coop_text_field_is_shown_as_text(cast, client_as):
    data = coop_data(
        cast.coop,
        **{field: XSS_SHORT if field in SHORT_FIELDS else XSS for field in COOP_TEXT_FIELDS},
        phone_visibility="public",
        chat_visibility="public",
    )
    response = client_as(cast.owner.user).post(
        reverse("profiles:coop-edit", args=[cast.coop.slug]), data
    )
    assert response.status_code == 302, response.context["form"].errors
    for url in (
        cast.coop.get_absolute_url(),
        reverse("profiles:coop-list"),
        reverse("profiles:coop-list") + "?q=alert",
        "/",
    ):
        html = client_as(None).get(url).text
        assert "<script>alert" not in html and "<img src=x" not in html, url
    assert "&lt;script&gt;" in client_as(None).get(cast.coop.get_absolute_url()).text


def test_markdown_links_are_kept_and_javascript_links_dropped(cast, client_as):
    data = coop_data(cast.coop, about="[site](https://ok.example/) and [bad](javascript:alert(1))")
    client_as(cast.owner.user).post(reverse("profiles:coop-edit", args=[cast.coop.slug]), data)
    html = client_as(None).get(cast.coop.get_absolute_url()).text
    assert 'href="https://ok.example/"' in html and "javascript:" not in html
