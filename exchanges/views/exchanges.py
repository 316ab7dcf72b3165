"""Exchange pages: your lists, drafting an exchange, an exchange's page and its agreement."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q, prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from core.steps import refuse
from exchanges import services
from exchanges.access import get_exchange_for_user
from exchanges.forms import (
    ExchangeForm,
)
from exchanges.models import FINISHED_STATES, NEXT_STEP_RELATIONS, Agreement, Exchange, Side
from exchanges.services import ExchangeError, NotYourStep
from exchanges.views.common import not_allowed
from listings.models import Listing
from profiles.models import Member
from profiles.suggestions import skill_suggestions

# --- lists -------------------------------------------------------------------------


EXCHANGES_PER_PAGE = 20


def _page(request, param, pks, count):
    """
    The page that `?<param>=` asks for of the exchanges whose ids are `pks` (a list,
    or a queryset of ids, in order), their number `count` known already, with what
    the cards show. The page is chosen by id first: PostgreSQL then sorts and cuts
    the narrow exchange rows before joining people and co-ops to the twenty left,
    rather than sorting hundreds of joined rows.
    """
    paginator = Paginator(pks, EXCHANGES_PER_PAGE)
    paginator.count = count  # counted already: saves a COUNT query per list
    page = paginator.get_page(request.GET.get(param))
    page.object_list = list(Exchange.objects.filter(pk__in=page.object_list).for_cards())
    page.param = param
    return page


@login_required
def exchange_list(request):
    """
    The exchanges you take part in or approve, newest activity first: a page each of
    those waiting for you, those in progress and those finished, so that a busy co-op
    admin's page stays small. Queries: you with your admin co-ops; the ids of the
    exchanges waiting; how many are unfinished and finished; a page of each; what the
    cards' "who acts next" reads (approvals, completion reports, signatures).
    """
    member = Member.objects.get_for_user(request.user)
    # Staff may open any exchange, but their list shows only their own, like everyone's.
    mine = Exchange.objects.involving_member(member)
    waiting_ids = list(Exchange.objects.waiting_for(member).values_list("pk", flat=True))
    waiting = _page(request, "waiting_page", waiting_ids, len(waiting_ids))
    counts = mine.aggregate(
        unfinished=Count("pk", filter=~Q(state__in=FINISHED_STATES)),
        finished=Count("pk", filter=Q(state__in=FINISHED_STATES)),
    )
    in_progress = _page(
        request,
        "in_progress_page",
        mine.unfinished().exclude(pk__in=waiting_ids).values("pk"),
        counts["unfinished"] - len(waiting_ids),
    )
    finished = _page(request, "finished_page", mine.finished().values("pk"), counts["finished"])
    # Finished exchanges wait on nobody: only the others' cards read these.
    prefetch_related_objects([*waiting.object_list, *in_progress.object_list], *NEXT_STEP_RELATIONS)
    return render(
        request,
        "exchanges/exchange_list.html",
        {
            "waiting": waiting,
            "in_progress": in_progress,
            "finished": finished,
            "can_see_budget": request.user.is_staff or bool(member.admin_coop_ids()),
        },
    )


# --- drafting ----------------------------------------------------------------------


def _prefill(request, member):
    """Initial values and the listing from `?listing=<id>` or `?helper=<member id>`."""
    listing_id, helper_id = request.GET.get("listing", ""), request.GET.get("helper", "")
    if listing_id:
        listing = get_object_or_404(
            Listing.objects.open().exclude(author=member).prefetch_related("skills"),
            pk=_int_or_404(listing_id),
        )
        need = listing.kind == Listing.Kind.NEED
        initial = {
            "title": listing.title,
            "description": listing.description,
            "side": Side.HELPER if need else Side.HOST,
            "other_person": listing.author_id,
            "host_coop" if need else "helper_coop": listing.coop_id,
            "skill_names": [skill.name for skill in listing.skills.all()],
            "time_amount": listing.time_amount,
            "time_unit": listing.time_unit,
            "place": Exchange.Place.BOTH if listing.remote_ok else Exchange.Place.ON_SITE,
        }
        return initial, listing
    if helper_id:
        helper = get_object_or_404(
            Member.objects.listed().exclude(pk=member.pk), pk=_int_or_404(helper_id)
        )
        return {"side": Side.HOST, "other_person": helper.pk}, None
    return {}, None


def _int_or_404(value):
    if not value.isdigit():
        raise Http404("Not a number.")
    return int(value)


def _form_page(request, form, exchange=None):
    return render(
        request,
        "exchanges/exchange_form.html",
        {
            "form": form,
            "exchange": exchange,
            "skill_suggestions": skill_suggestions(),
        },
    )


@login_required
def exchange_create(request):
    """Draft a new exchange, maybe from a need or offer, or with a chosen helper."""
    member = request.user.member
    initial, listing = _prefill(request, member)
    form = ExchangeForm(request.POST or None, member=member, initial=initial)
    if request.method == "POST" and form.is_valid():
        exchange = form.save(commit=False)
        exchange.listing = listing
        services.save_draft(exchange, member, form.cleaned_data["skill_names"])
        messages.success(request, "Draft saved. Propose it when it is ready.")
        return redirect(exchange)
    return _form_page(request, form)


@login_required
def exchange_edit(request, pk):
    """The proposer changes the draft."""
    try:
        exchange = get_exchange_for_user(
            request.user, pk, change=True, queryset=Exchange.objects.prefetch_related("skills")
        )
    except PermissionDenied as refused:
        return not_allowed(request, str(refused))
    member = request.user.member
    if exchange.state != Exchange.State.DRAFT:
        messages.error(request, "Only a draft can be edited.")
        return redirect(exchange)
    form = ExchangeForm(request.POST or None, instance=exchange, member=member)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_draft(form.save(commit=False), member, form.cleaned_data["skill_names"])
        except NotYourStep as error:
            return not_allowed(request, str(error))
        except ExchangeError as error:
            refuse(request, error)
        else:
            messages.success(request, "Draft saved.")
        return redirect(exchange)
    return _form_page(request, form, exchange)


# --- the exchange page -------------------------------------------------------------


@login_required
def exchange_detail(request, pk):
    """The terms, the state, who must act next, the agreement and the whole history."""
    exchange = get_exchange_for_user(
        request.user,
        pk,
        queryset=Exchange.objects.with_workflow()
        .select_related("listing")
        .prefetch_related("skills"),
    )
    member = request.user.member
    agreement = exchange.current_agreement
    signatures = []
    if agreement is not None:
        signatures = agreement.signatures.select_related("member", "coop")
    return render(
        request,
        "exchanges/exchange_detail.html",
        {
            "exchange": exchange,
            "steps": exchange.steps_for(member),
            "approve_for": exchange.coops_member_may_approve(member),
            "waiting_on": exchange.waiting_on(),
            "approvals": exchange.approvals.select_related("member", "coop"),
            "agreement": agreement,
            "signatures": signatures,
            "reports": exchange.completion_reports.select_related("member"),
            "events": exchange.events.select_related("actor"),
            "earlier_versions": exchange.agreements.exclude(pk=exchange.current_agreement_id)
            .only("exchange_id", "version", "created_at")
            .order_by("-version"),
        },
    )


@login_required
def agreement_print(request, pk, version):
    """One version of the agreement with its signatures, laid out for printing."""
    exchange = get_exchange_for_user(
        request.user,
        pk,
        queryset=Exchange.objects.select_related("host", "helper", "host_coop", "helper_coop"),
    )
    agreement = get_object_or_404(Agreement, exchange=exchange, version=version)
    return render(
        request,
        "exchanges/agreement_print.html",
        {
            "exchange": exchange,
            "agreement": agreement,
            "is_current": agreement.pk == exchange.current_agreement_id,
            "signatures": agreement.signatures.select_related("member", "coop"),
        },
    )
