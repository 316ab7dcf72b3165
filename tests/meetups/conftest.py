import pytest

from meetups.models import FounderTerm
from tests.factories import make_member
from tests.meetups.factories import make_cell


class Cast:
    """
    Every role of the meetups permission table: a visitor (anonymous), a signed-in member
    outside the cell, a cell member, the cell's current founder, its champion, and staff.
    """

    def __init__(self):
        self.outsider = make_member("Oz Outsider", email="outsider@example.org")
        self.cell_member = make_member("Cel Member", email="cell-member@example.coop")
        self.founder = make_member("Fay Founder", email="founder@example.coop")
        self.champion = make_member("Cham Pion", email="champion@example.coop")
        self.staff = make_member(
            "Sam Steering", email="staff@example.coop", user_extra={"is_staff": True}
        )
        self.cell = make_cell(
            "Manchester", champions=[self.champion], members=[self.founder, self.cell_member]
        )
        FounderTerm.objects.create(
            cell=self.cell, member=self.founder, status=FounderTerm.Status.SERVING
        )

    def user(self, role):
        return None if role == "anonymous" else getattr(self, role).user


CAST_ROLES = ["anonymous", "outsider", "cell_member", "founder", "champion", "staff"]


@pytest.fixture
def cast(db):
    return Cast()
