"""
People exchanges: someone in one co-op gives time to another co-op (or person) with a need.

The workflow steps live in `exchanges/services.py`; this module holds the exchange and
the rules that read it (who takes part, who must act next, who may see).
"""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse

from core.text import TextField
from exchanges.models.agreements import Signature, SignatureParty
from exchanges.models.budget import HOURS_PER_DAY, MAX_HOURS, money_field
from exchanges.models.events import Approval, CompletionReport
from exchanges.models.states import FINISHED_STATES, ExchangeState, Side, WorkPlace
from listings.models import TimeUnit
from profiles.models import Membership

# What `waiting_on()` reads besides the exchange's own row and `for_cards()`: the
# approvals, the completion reports and the signatures of the current agreement.
NEXT_STEP_RELATIONS = ("approvals", "completion_reports", "current_agreement__signatures")


class ExchangeQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The people involved, the admins of the co-ops involved, and staff."""
        if user.is_authenticated and user.is_staff:
            return self.all()
        return self.involving(user)

    def involving(self, user):
        """
        Exchanges `user` takes part in, or approves as an admin of a co-op involved,
        for the pages of one exchange: the admin co-ops are a subquery there, which
        costs nothing beside the exchange's primary key. Lists use `involving_member()`.
        """
        if not user.is_authenticated:
            return self.none()
        member = user.member
        admin_of = Membership.objects.filter(member=member, role=Membership.Role.ADMIN)
        return self.filter(_involved(member, admin_of.values("coop_id")))

    def involving_member(self, member):
        """
        Exchanges `member` takes part in, or approves as an admin of a co-op involved,
        for lists. It filters on the person's id and their admin co-ops' ids, known
        before the query, rather than joining through members or asking a subquery:
        PostgreSQL then combines the four foreign-key indexes (a BitmapOr) instead of
        scanning every exchange.
        """
        return self.filter(_involved(member, member.admin_coop_ids()))

    def unfinished(self):
        return self.exclude(state__in=FINISHED_STATES)

    def finished(self):
        return self.filter(state__in=FINISHED_STATES)

    def waiting_for(self, member):
        """
        The exchanges where `member` has a step to take now, in one query.

        The SQL twin of `Exchange.is_waiting_for()`, rule for rule (see `waiting_on()`);
        tests/exchanges/test_waiting_for.py holds the two together. Lists use this so
        that they need not load every exchange of a busy co-op admin to ask each one.
        """
        state, party = ExchangeState, SignatureParty
        admin_of = member.admin_coop_ids()
        exchange = models.OuterRef("pk")

        def not_signed_yet(signing_party, **coop):
            agreement = models.OuterRef("current_agreement")
            return _none_yet(Signature, agreement=agreement, party=signing_party, **coop)

        proposed_by_host = models.Q(proposer=models.F("host"))
        person = models.Q(host=member) | models.Q(helper=member)
        waiting = (
            models.Q(state=state.DRAFT, proposer=member)
            # The counterpart answers: the helper if the host proposed, else the host.
            | (models.Q(state=state.PROPOSED, helper=member) & proposed_by_host)
            | (models.Q(state=state.PROPOSED, host=member) & ~proposed_by_host)
            | (models.Q(state=state.AGREEMENT, host=member) & not_signed_yet(party.HOST))
            | (models.Q(state=state.AGREEMENT, helper=member) & not_signed_yet(party.HELPER))
            | (
                models.Q(state=state.ACTIVE)
                & person
                & _none_yet(CompletionReport, exchange=exchange, member=member)
            )
        )
        # Each co-op's admins act for it: it has not approved yet, or not signed yet.
        for side in ("host_coop", "helper_coop") if admin_of else ():
            coop, admin = models.OuterRef(side), models.Q(**{f"{side}__in": admin_of})
            waiting |= (
                admin
                & models.Q(state=state.AWAITING_APPROVAL)
                & _none_yet(Approval, exchange=exchange, coop=coop)
            )
            waiting |= (
                admin & models.Q(state=state.AGREEMENT) & not_signed_yet(party.COOP, coop=coop)
            )
        return self.involving_member(member).filter(waiting)

    def for_cards(self):
        """The people, co-ops and current agreement that exchange cards and `waiting_on()` read."""
        return self.select_related(
            "host", "helper", "proposer", "host_coop", "helper_coop", "current_agreement"
        )

    def with_workflow(self):
        """Everything `waiting_on()` and `is_waiting_for()` read, in a fixed number of queries."""
        return self.for_cards().prefetch_related(
            *NEXT_STEP_RELATIONS,
            models.Prefetch(
                "host_coop__memberships",
                queryset=Membership.objects.filter(role=Membership.Role.ADMIN),
                to_attr="admin_memberships",
            ),
            models.Prefetch(
                "helper_coop__memberships",
                queryset=Membership.objects.filter(role=Membership.Role.ADMIN),
                to_attr="admin_memberships",
            ),
        )


def _involved(member, admin_coops):
    """`member` is one of the two people, or administers one of the co-ops (ids or a subquery)."""
    return (
        models.Q(host=member)
        | models.Q(helper=member)
        | models.Q(host_coop__in=admin_coops)
        | models.Q(helper_coop__in=admin_coops)
    )


def _none_yet(model, **lookups):
    """No row of `model` matches yet (for `waiting_for`: no approval, signature, report)."""
    return ~models.Exists(model.objects.filter(**lookups))


class Exchange(models.Model):
    """
    One person gives time to another person's need, each maybe on behalf of a co-op.

    Its terms (dates, time, costs and how the co-ops and the network fund share them)
    are agreed up front; its steps are recorded as ExchangeEvent rows.
    """

    State = ExchangeState
    Place = WorkPlace

    title = models.CharField(max_length=120)
    description = TextField(
        "what is needed", max_length=10000, help_text="Markdown: links and lists work."
    )
    skills = models.ManyToManyField("profiles.Skill", blank=True, related_name="exchanges")
    listing = models.ForeignKey(
        "listings.Listing",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="exchanges",
        help_text="The need or offer this exchange came from.",
    )
    proposer = models.ForeignKey("profiles.Member", on_delete=models.PROTECT, related_name="+")
    host = models.ForeignKey(
        "profiles.Member", on_delete=models.PROTECT, related_name="hosted_exchanges"
    )
    host_coop = models.ForeignKey(
        "profiles.Coop",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="hosted_exchanges",
        verbose_name="host co-op",
    )
    helper = models.ForeignKey(
        "profiles.Member", on_delete=models.PROTECT, related_name="helped_exchanges"
    )
    helper_coop = models.ForeignKey(
        "profiles.Coop",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="helped_exchanges",
        verbose_name="helper's co-op",
    )

    starts_on = models.DateField("start date", null=True, blank=True)
    ends_on = models.DateField("end date", null=True, blank=True)
    flexible = models.BooleanField("dates are flexible", default=False)
    target_month = models.DateField(
        null=True, blank=True, help_text="With flexible dates: the month to aim for."
    )
    time_amount = models.DecimalField(
        "time involved",
        max_digits=6,
        decimal_places=1,
        validators=[MinValueValidator(Decimal("0.5")), MaxValueValidator(MAX_HOURS)],
    )
    time_unit = models.CharField(max_length=10, choices=TimeUnit, default=TimeUnit.DAYS)
    place = models.CharField("where", max_length=10, choices=WorkPlace, default=WorkPlace.REMOTE)

    currency = models.CharField(max_length=3, default="GBP")
    cost_time = money_field("cost of time")
    cost_travel = money_field("travel costs")
    cost_other = money_field("other costs")
    share_host_coop = money_field("paid by the host co-op")
    share_helper_coop = money_field("paid by the helper's co-op")
    share_network = money_field("paid by the network fund")

    goals = TextField(max_length=5000, blank=True, help_text="Markdown.")
    deliverables = TextField(max_length=5000, blank=True, help_text="Markdown.")
    check_ins = TextField(
        "check-ins", max_length=2000, blank=True, help_text="When and how you will check in."
    )

    state = models.CharField(
        max_length=20, choices=ExchangeState, default=ExchangeState.DRAFT, db_index=True
    )
    current_agreement = models.ForeignKey(
        "exchanges.Agreement", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    activated_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ExchangeQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(host=models.F("helper")),
                name="exchange_host_is_not_helper",
            ),
        ]
        indexes = [
            # The budget page: exchanges that started in a period.
            models.Index(fields=["state", "starts_on"], name="exchange_state_start"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("exchanges:exchange-detail", args=[self.pk])

    # --- money ---------------------------------------------------------------

    @property
    def total_cost(self):
        return self.cost_time + self.cost_travel + self.cost_other

    @property
    def days(self):
        """The agreed time in days (hours counted at HOURS_PER_DAY)."""
        if self.time_unit == TimeUnit.HOURS:
            return (self.time_amount / HOURS_PER_DAY).quantize(Decimal("0.1"))
        return self.time_amount

    # --- who takes part --------------------------------------------------------

    @property
    def is_finished(self):
        return self.state in FINISHED_STATES

    @property
    def counterpart(self):
        """The person the proposal was sent to."""
        return self.helper if self.proposer_id == self.host_id else self.host

    def coops_to_approve(self):
        """The co-ops that must approve: each side's co-op, once each."""
        coops = []
        for coop in (self.host_coop, self.helper_coop):
            if coop is not None and coop not in coops:
                coops.append(coop)
        return coops

    def admin_member_ids(self, coop):
        """Ids of the admins of `coop` (from `with_workflow()`'s prefetch when there)."""
        memberships = getattr(coop, "admin_memberships", None)
        if memberships is None:
            memberships = coop.memberships.filter(role=Membership.Role.ADMIN)
        return {membership.member_id for membership in memberships}

    def is_person(self, member):
        return member is not None and member.pk in (self.host_id, self.helper_id)

    def admin_coops_of(self, member):
        """The co-ops involved that `member` administers."""
        if member is None:
            return []
        return [c for c in self.coops_to_approve() if member.pk in self.admin_member_ids(c)]

    def side_of(self, member):
        if member.pk == self.host_id:
            return Side.HOST
        if member.pk == self.helper_id:
            return Side.HELPER
        return None

    # --- who must act next -----------------------------------------------------

    def approvals_by_coop(self):
        return {approval.coop_id: approval for approval in self.approvals.all()}

    def coops_awaiting_approval(self):
        approved = self.approvals_by_coop()
        return [coop for coop in self.coops_to_approve() if coop.pk not in approved]

    def signing_parties(self):
        """Who must sign the agreement: the two people and each approving co-op."""
        parties = [(Signature.Party.HOST, None), (Signature.Party.HELPER, None)]
        parties += [(Signature.Party.COOP, coop) for coop in self.coops_to_approve()]
        return parties

    def missing_signatures(self):
        """The parties that have not signed the current version yet."""
        signed = set()
        if self.current_agreement is not None:
            signed = {(s.party, s.coop_id) for s in self.current_agreement.signatures.all()}
        return [
            (party, coop)
            for party, coop in self.signing_parties()
            if (party, coop.pk if coop else None) not in signed
        ]

    def may_sign_for(self, member, party, coop):
        if party == Signature.Party.HOST:
            return member.pk == self.host_id
        if party == Signature.Party.HELPER:
            return member.pk == self.helper_id
        return member.pk in self.admin_member_ids(coop)

    def completion_reported_by(self):
        return {report.member_id for report in self.completion_reports.all()}

    def waiting_on(self):
        """
        Who must act next, as a list of (Member or Coop, what they must do); empty when finished.
        """
        state = self.state
        if state == ExchangeState.DRAFT:
            return [(self.proposer, "finish the draft and propose it")]
        if state == ExchangeState.PROPOSED:
            return [(self.counterpart, "accept or decline the proposal")]
        if state == ExchangeState.AWAITING_APPROVAL:
            return [(coop, "approve (an admin)") for coop in self.coops_awaiting_approval()]
        if state == ExchangeState.AGREEMENT:
            names = {
                Signature.Party.HOST: self.host,
                Signature.Party.HELPER: self.helper,
            }
            return [
                (coop or names[party], "sign the agreement")
                for party, coop in self.missing_signatures()
            ]
        if state == ExchangeState.ACTIVE:
            reported = self.completion_reported_by()
            return [
                (person, "confirm it is done")
                for person in (self.host, self.helper)
                if person.pk not in reported
            ]
        return []

    def may_cancel(self, member):
        return self.is_person(member) or bool(self.admin_coops_of(member))

    def steps_for(self, member):
        """The steps `member` can take now, by name, for the exchange page's buttons."""
        state, steps = self.state, set()
        if member is None:
            return steps
        if state == ExchangeState.DRAFT and member.pk == self.proposer_id:
            steps |= {"edit", "propose"}
        if state == ExchangeState.PROPOSED and member.pk == self.counterpart.pk:
            steps |= {"accept", "suggest-changes", "decline"}
        if state == ExchangeState.AGREEMENT:
            if self.is_person(member):
                steps.add("change-terms")
            if any(self.may_sign_for(member, *party) for party in self.missing_signatures()):
                steps.add("sign")
        if (
            state == ExchangeState.ACTIVE
            and self.is_person(member)
            and member.pk not in self.completion_reported_by()
        ):
            steps.add("report-done")
        if not self.is_finished and self.may_cancel(member):
            steps.add("cancel")
        return steps

    def coops_member_may_approve(self, member):
        """The co-ops still to approve that `member` administers (for the approve buttons)."""
        if self.state != ExchangeState.AWAITING_APPROVAL or member is None:
            return []
        return [c for c in self.coops_awaiting_approval() if member.pk in self.admin_member_ids(c)]

    def is_waiting_for(self, member):
        """Whether `member` (a person or a co-op admin) has a step to take now."""
        if member is None:
            return False
        for who, _ in self.waiting_on():
            if isinstance(who, type(member)):
                if who.pk == member.pk:
                    return True
            elif member.pk in self.admin_member_ids(who):
                return True
        return False
