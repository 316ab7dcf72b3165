"""The steering group runs cells from the admin: every meetups model is listed and searchable."""

import pytest

from meetups import services
from meetups.models import Cell
from tests.factories import make_member
from tests.meetups.factories import make_cell, make_meetup, make_shout_out

pytestmark = pytest.mark.django_db

MODELS = [
    "cell",
    "cellmembership",
    "founderterm",
    "meetup",
    "rsvp",
    "shoutout",
    "sitepage",
    "steeringgroupmember",
]


@pytest.mark.parametrize("model", MODELS)
def test_each_model_has_a_searchable_filterable_list_and_a_form(cast, client_as, model):
    services.reply_to_meetup(make_meetup(cast.cell), cast.cell_member, "going")
    make_shout_out(cast.cell_member)
    admin = make_member("Admin", user_extra={"is_staff": True, "is_superuser": True})
    client = client_as(admin.user)
    assert client.get(f"/admin/meetups/{model}/?q=Man").status_code == 200
    assert client.get(f"/admin/meetups/{model}/add/").status_code == 200


def test_staff_approve_proposed_cells_in_the_admin(cast, client_as):
    proposal = make_cell("Proposal", status=Cell.Status.PROPOSED)
    admin = make_member("Admin", user_extra={"is_staff": True, "is_superuser": True})
    client_as(admin.user).post(
        "/admin/meetups/cell/", {"action": "approve", "_selected_action": [proposal.pk]}
    )
    proposal.refresh_from_db()
    assert proposal.status == Cell.Status.ACTIVE
