"""The cells, meetup and community pages: content, XSS, About, query budgets."""

from datetime import timedelta

import pytest
from django.utils import timezone

from meetups import services
from meetups.models import RSVP, Cell, CellMembership, FounderTerm, SitePage, SteeringGroupMember
from tests.factories import make_member
from tests.helpers import SIGNED_IN, assert_query_budget
from tests.meetups.factories import make_cell, make_meetup, make_members, make_shout_out

pytestmark = pytest.mark.django_db
XSS = '<script>alert("x")</script>'


def test_the_cell_list_groups_cells_by_region_and_suggests_the_members_own(cast, client_as):
    make_cell("Cardiff", region="Wales", champions=[cast.staff])
    cast.outsider.region = "wales"
    cast.outsider.save()
    response = client_as(cast.outsider.user).get("/cells/")
    assert [region for region, _ in response.context["regions"]] == ["North West", "Wales"]
    assert response.context["suggested"].name == "Cardiff"
    page = response.content.decode()
    assert "Fay Founder" in page and "Cham Pion" in page


def test_members_join_and_leave_a_cell_themselves(cast, client_as):
    client = client_as(cast.outsider.user)
    client.post("/cells/manchester/join/")
    assert cast.cell.members.filter(pk=cast.outsider.pk).exists()
    client.post("/cells/manchester/leave/")
    assert not cast.cell.members.filter(pk=cast.outsider.pk).exists()


def test_a_member_proposes_a_cell_that_waits_for_staff(cast, client_as):
    response = client_as(cast.outsider.user).post(
        "/propose-a-cell/", {"name": "Bristol cell", "region": "South West", "area": "Bristol"}
    )
    cell = Cell.objects.get(name="Bristol cell")
    assert response.url == "/cells/bristol-cell/"
    assert cell.status == Cell.Status.PROPOSED and cell.proposed_by == cast.outsider
    assert "Bristol" not in client_as(None).get("/cells/").content.decode()


def test_a_rotation_form_refuses_someone_who_is_not_a_member(cast, client_as):
    response = client_as(cast.champion.user).post(
        "/cells/manchester/rotate/", {"to": cast.outsider.pk}
    )
    assert "not a member of this cell" in " ".join(response.context["form"].errors["to"])
    assert cast.cell.open_founder_term().member == cast.founder


def test_the_proposed_founder_accepts_from_the_cell_page(cast, client_as):
    term = services.rotate_founder(cast.cell)
    client = client_as(cast.cell_member.user)
    assert "You are asked to be the founder" in client.get("/cells/manchester/").content.decode()
    client.post(f"/founder-terms/{term.pk}/accept/")
    term.refresh_from_db()
    assert term.status == FounderTerm.Status.SERVING and term.started_on


def test_user_text_is_escaped_and_markdown_sanitised(cast, client_as):
    cast.cell.description = f"**bold** {XSS}"
    cast.cell.area = XSS
    cast.cell.save()
    meetup = make_meetup(cast.cell, title=XSS, agenda=f"1. item\n\n{XSS}", venue=XSS)
    make_shout_out(cast.cell_member, title=XSS, note=XSS, cell=cast.cell)
    client = client_as(cast.cell_member.user)
    for url in ("/cells/manchester/", f"/meetups/{meetup.pk}/", "/shout-outs/", "/"):
        page = client.get(url).content.decode()
        assert XSS not in page, url
    assert "<strong>bold</strong>" in client.get("/cells/manchester/").content.decode()


def test_the_about_page_shows_the_text_staff_edit_and_the_home_page_links_to_it(client):
    page = client.get("/about/").content.decode()
    assert "Cooperation among co-operatives" in page
    SitePage.objects.filter(slug="about").update(body="## Edited by staff")
    assert "<h3>Edited by staff</h3>" in client.get("/about/").content.decode()
    assert 'href="/about/"' in client.get("/").content.decode()


def test_the_steering_group_page_lists_only_staff_marked_as_such(cast, client):
    SteeringGroupMember.objects.create(member=cast.staff, role="Treasurer")
    SteeringGroupMember.objects.create(member=cast.outsider, role="Not staff")
    page = client.get("/steering-group/").content.decode()
    assert "Sam Steering" in page and "Treasurer" in page and "Not staff" not in page


def test_a_gathering_shows_the_cells_and_their_champions(cast, client):
    gathering = make_meetup(None, title="Gathering")
    page = client.get(f"/meetups/{gathering.pk}/").content.decode()
    assert "Manchester" in page and "Cham Pion" in page


# Query budgets: each page is counted with 5 and 50 rows of what it lists.


def test_cell_list_query_budget(cast, client):
    def grow(n):
        for _ in range(n):
            cell = make_cell(champions=make_members(1), members=make_members(1))
            make_meetup(cell)
            FounderTerm.objects.create(cell=cell, member=cell.members.first())

    # A visitor: cells with member counts, then prefetched champions, open founder terms
    # and upcoming meetups.
    assert_query_budget(client, "/cells/", grow=grow, budget=4)


def test_cell_detail_query_budget(cast, client_as):
    client = client_as(cast.cell_member.user)
    now = timezone.now()

    def grow(n):
        for member in make_members(n):
            CellMembership.objects.create(cell=cast.cell, member=member)
            FounderTerm.objects.create(
                cell=cast.cell, member=member, status="served", started_on=now, ended_on=now
            )
            make_meetup(cast.cell)
            make_meetup(cast.cell, starts_at=now - timedelta(days=30), status="held")
            make_shout_out(member, cell=cast.cell)

    # the layout; the cell, memberships with members, founder terms
    # with members, meetups with going counts, champions, current shout-outs.
    assert_query_budget(client, "/cells/manchester/", grow=grow, budget=SIGNED_IN + 6)


def test_meetup_detail_query_budget(cast, client_as):
    client = client_as(cast.champion.user)
    meetup = make_meetup(cast.cell)

    def grow(n):
        for member in make_members(n):
            RSVP.objects.create(meetup=meetup, member=member, status="going")

    # the layout; the meetup with cell and office space; RSVPs with
    # members; the organiser check (champion? then founder?, both when neither).
    assert_query_budget(client, f"/meetups/{meetup.pk}/", grow=grow, budget=SIGNED_IN + 3)


def test_gathering_list_and_page_query_budget(cast, client):
    gathering = make_meetup(None)

    def grow(n):
        for _ in range(n):
            make_cell(champions=make_members(1))
            make_meetup(None)

    # gatherings upcoming and past with going counts, cells, champions.
    assert_query_budget(client, "/gatherings/", grow=grow, budget=4)
    # meetup, going count, cells, champions.
    assert_query_budget(client, f"/meetups/{gathering.pk}/", grow=grow, budget=4)


def test_shout_out_list_and_home_query_budget(cast, client_as):
    client = client_as(cast.cell_member.user)

    def grow(n):
        for member in make_members(n):
            make_shout_out(member, cell=cast.cell)
            make_meetup(cast.cell)

    # the layout, shout-outs with authors and cells.
    assert_query_budget(client, "/shout-outs/", grow=grow, budget=SIGNED_IN + 1)
    # the layout, then the member with the co-ops they administer (asked once for every
    # section), then every home section (cotech_directory.views.HOME_SECTIONS): recently
    # confirmed co-ops; the member's co-ops, the skills their needs and offers want (2),
    # expiring listings; the exchanges waiting with their count, in one query whatever
    # their number (before: a query, and five prefetches once any was unfinished);
    # shout-outs, meetups.
    assert_query_budget(client, "/", grow=grow, budget=SIGNED_IN + 9)


def test_quiet_cell_list_query_budget(cast, client_as):
    client = client_as(cast.staff.user)

    def grow(n):
        for _ in range(n):
            make_cell(champions=make_members(1))

    # the layout, quiet cells with last meetup, champions.
    assert_query_budget(client, "/steering/quiet-cells/", grow=grow, budget=SIGNED_IN + 2)


def test_only_signed_in_members_see_attendees(cast, client_as):
    meetup = make_meetup(cast.cell)
    member = make_member("Visible Attendee")
    services.reply_to_meetup(meetup, member, "going")
    assert "Visible Attendee" not in client_as(None).get(meetup.get_absolute_url()).content.decode()
    assert (
        "Visible Attendee"
        in client_as(cast.outsider.user).get(meetup.get_absolute_url()).content.decode()
    )


def test_the_proposed_founder_passes_and_the_next_in_line_is_asked_by_e_mail(
    cast, client_as, mailoutbox
):
    third = make_member("Third Person")
    CellMembership.objects.create(cell=cast.cell, member=third)
    term = services.rotate_founder(cast.cell)
    assert term.member == cast.cell_member
    response = client_as(cast.cell_member.user).post(f"/founder-terms/{term.pk}/pass/", follow=True)
    assert "Third Person is asked next" in response.content.decode()
    term.refresh_from_db()
    assert term.status == FounderTerm.Status.PASSED
    assert cast.cell.open_founder_term().member == third
    assert mailoutbox[-1].to == [third.user.email]
    assert "/cells/manchester/" in mailoutbox[-1].body


def test_a_champion_edits_the_cell_and_bad_input_changes_nothing(cast, client_as):
    client = client_as(cast.champion.user)
    data = {
        "name": "Manchester cell",
        "region": "North West",
        "area": "Greater Manchester",
        "aims": "Meet",
        "outcomes": "",
        "benefits": "",
        "description": "",
        "cadence_months": "13",
    }
    response = client.post("/cells/manchester/edit/", data)
    assert "less than or equal to 12" in " ".join(response.context["form"].errors["cadence_months"])
    cast.cell.refresh_from_db()
    assert cast.cell.cadence_months == 2 and cast.cell.name == "Manchester"
    data["cadence_months"] = "3"
    assert client.post("/cells/manchester/edit/", data).status_code == 302
    cast.cell.refresh_from_db()
    assert cast.cell.cadence_months == 3 and cast.cell.aims == "Meet"
