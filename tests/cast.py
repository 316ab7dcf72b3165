"""The one cast of people for the whole suite, and the role names the URL x role tables use."""

from meetups.models import FounderTerm
from tests.factories import make_coop, make_member
from tests.meetups.factories import make_cell


class Cast:
    """
    The people every test can count on, and what each may do.

    Co-ops:
    - `owner` (Olu Owner, owner@example.coop): admin of `coop` ("Owner Co-op"); may change
      it, its members and what its members post for it.
    - `member` (Mo Member, member@example.coop): a plain member of `coop`; may change their
      own profile and their own needs and offers, not the co-op.
    - `other_admin` (Ana Other, other-admin@example.coop): admin of `other_coop`
      ("Other Co-op"); nothing to do with `coop`.
    - `helper` (Hal Helper, helper@example.coop): a plain member of `other_coop`.

    Exchanges (a second name for the same people): the `host` is `member` for `host_coop`
    (`coop`, whose admin `host_admin` is `owner`); the `helper` comes from `helper_coop`
    (`other_coop`, whose admin `helper_admin` is `other_admin`).

    Cells: the Manchester `cell`, with
    - `champion` (Cham Pion, champion@example.coop): may edit the cell, rotate its founder
      and organise its meetups;
    - `founder` (Fay Founder, founder@example.coop): a cell member serving the cell's
      founder term (`founder_term`); may organise meetups;
    - `cell_member` (Cel Member, cell-member@example.coop): a member of the cell, no more.

    Everyone else:
    - `outsider` (Oz Outsider, outsider@example.org): signed in, in no co-op and no cell;
      may see what any signed-in person sees.
    - `staff` (Sam Steering, staff@example.coop): the steering group (`is_staff`); may
      approve co-ops, see staff pages and act for any cell.
    - "anonymous": a visitor who has not signed in (`user("anonymous")` is None).
    """

    def __init__(self):
        self.owner = make_member("Olu Owner", email="owner@example.coop")
        self.member = make_member("Mo Member", email="member@example.coop")
        self.outsider = make_member("Oz Outsider", email="outsider@example.org")
        self.other_admin = make_member("Ana Other", email="other-admin@example.coop")
        self.helper = make_member("Hal Helper", email="helper@example.coop")
        self.staff = make_member(
            "Sam Steering", email="staff@example.coop", user_extra={"is_staff": True}
        )
        self.coop = make_coop("Owner Co-op", admins=[self.owner], members=[self.member])
        self.other_coop = make_coop("Other Co-op", admins=[self.other_admin], members=[self.helper])

        self.cell_member = make_member("Cel Member", email="cell-member@example.coop")
        self.founder = make_member("Fay Founder", email="founder@example.coop")
        self.champion = make_member("Cham Pion", email="champion@example.coop")
        self.cell = make_cell(
            "Manchester", champions=[self.champion], members=[self.founder, self.cell_member]
        )
        self.founder_term = FounderTerm.objects.create(
            cell=self.cell, member=self.founder, status=FounderTerm.Status.SERVING
        )

    # The exchanges' names for the same people.
    @property
    def host(self):
        return self.member

    @property
    def host_admin(self):
        return self.owner

    @property
    def host_coop(self):
        return self.coop

    @property
    def helper_admin(self):
        return self.other_admin

    @property
    def helper_coop(self):
        return self.other_coop

    def exchange(self, state=None, **fields):
        """An exchange from the host co-op to the helper's, brought to `state` (a draft)."""
        from tests.exchanges.factories import State, make_exchange

        return make_exchange(
            self.host,
            self.helper,
            host_coop=self.host_coop,
            helper_coop=self.helper_coop,
            state=state or State.DRAFT,
            **fields,
        )

    def exchange_people(self):
        """The four people of an exchange between `coop` and `other_coop`."""
        return [self.host, self.helper, self.host_admin, self.helper_admin]

    def user(self, role):
        """The account for a role name; None for "anonymous"."""
        return None if role == "anonymous" else getattr(self, role).user


# Every URL x role table lists an expected answer for each of these, in this order.
ROLES = [
    "anonymous",
    "outsider",
    "member",
    "owner",
    "other_admin",
    "cell_member",
    "founder",
    "champion",
    "staff",
]
