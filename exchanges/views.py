"""
Exchange pages. Each step is a POST to its own URL that calls one function in
`exchanges.services` and turns a refusal into a message; destructive steps
(declining, cancelling) show a confirmation form first.
"""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q, prefetch_related_objects
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from exchanges import budget, services
from exchanges.access import get_exchange_for_user
from exchanges.forms import (
    BudgetPeriodForm,
    CompletionForm,
    ExchangeForm,
    NoteForm,
    TermsForm,
)
from exchanges.models import FINISHED_STATES, NEXT_STEP_RELATIONS, Agreement, Exchange, Side
from exchanges.services import ExchangeError, NotYourStep
from profiles.models import Listing, Member
from profiles.suggestions import skill_suggestions


def _not_allowed(request, reason):
    """403 for someone who may see the exchange but not take this step, saying why."""
    return render(request, "exchanges/not_allowed.html", {"reason": reason}, status=403)


def _run(request, exchange, step, *args, done, **kwargs):
    """Take a workflow step for the signed-in member and say how it went."""
    try:
        step(exchange, request.user.member, *args, **kwargs)
    except NotYourStep as error:
        return _not_allowed(request, str(error))
    except ExchangeError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, done)
    return redirect(exchange)


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
        return _not_allowed(request, str(refused))
    member = request.user.member
    if exchange.state != Exchange.State.DRAFT:
        messages.error(request, "Only a draft can be edited.")
        return redirect(exchange)
    form = ExchangeForm(request.POST or None, instance=exchange, member=member)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_draft(form.save(commit=False), member, form.cleaned_data["skill_names"])
        except NotYourStep as error:
            return _not_allowed(request, str(error))
        except ExchangeError as error:
            messages.error(request, str(error))
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


# --- steps -------------------------------------------------------------------------


@require_POST
@login_required
def exchange_propose(request, pk):
    exchange = get_exchange_for_user(request.user, pk)
    return _run(request, exchange, services.propose, done="Proposal sent.")


@require_POST
@login_required
def exchange_accept(request, pk):
    exchange = get_exchange_for_user(request.user, pk)
    return _run(request, exchange, services.accept, done="You accepted the proposal.")


def _note_step(
    request, exchange, step, *, template, allowed, reason, done, label, coop=None, required=True
):
    """
    A step that needs a note, shown as a form (and confirmation) page first. A co-op's
    decision names the co-op: the step is then called as step(exchange, member, coop, note).
    """
    if not allowed:
        return _not_allowed(request, reason)
    form = NoteForm(request.POST or None, label=label, required=required)
    if request.method == "POST" and form.is_valid():
        args = [coop] if coop is not None else []
        return _run(request, exchange, step, *args, form.cleaned_data["note"], done=done)
    return render(request, template, {"exchange": exchange, "form": form, "coop": coop})


def _is_counterpart(exchange, member):
    return exchange.is_person(member) and member.pk != exchange.proposer_id


@login_required
def exchange_suggest_changes(request, pk):
    exchange = get_exchange_for_user(
        request.user, pk, queryset=Exchange.objects.select_related("host", "helper")
    )
    return _note_step(
        request,
        exchange,
        services.suggest_changes,
        template="exchanges/suggest_changes.html",
        allowed=_is_counterpart(exchange, request.user.member),
        reason="Only the person the proposal was sent to can suggest changes.",
        done="Sent back to draft with your suggestions.",
        label="What would you like changed?",
    )


@login_required
def exchange_decline(request, pk):
    exchange = get_exchange_for_user(
        request.user, pk, queryset=Exchange.objects.select_related("host", "helper")
    )
    return _note_step(
        request,
        exchange,
        services.decline,
        template="exchanges/decline.html",
        allowed=_is_counterpart(exchange, request.user.member),
        reason="Only the person the proposal was sent to can decline it.",
        done="You declined the proposal.",
        label="Why are you declining? (optional)",
        required=False,
    )


def _coop_in(exchange, coop_id):
    """One of the exchange's co-ops; any other co-op's id is not a page here."""
    for coop in exchange.coops_to_approve():
        if coop.pk == coop_id:
            return coop
    raise Http404("No such co-op in this exchange.")


@require_POST
@login_required
def exchange_approve(request, pk, coop_id):
    exchange = get_exchange_for_user(
        request.user, pk, queryset=Exchange.objects.select_related("host_coop", "helper_coop")
    )
    coop = _coop_in(exchange, coop_id)
    form = NoteForm(request.POST, required=False)
    if not form.is_valid():
        messages.error(request, f"The note: {' '.join(form.errors['note'])}")
        return redirect(exchange)
    return _run(
        request,
        exchange,
        services.approve,
        coop,
        form.cleaned_data["note"],
        done=f"You approved it for {coop}.",
    )


@login_required
def exchange_decline_approval(request, pk, coop_id):
    exchange = get_exchange_for_user(
        request.user, pk, queryset=Exchange.objects.select_related("host_coop", "helper_coop")
    )
    coop = _coop_in(exchange, coop_id)
    return _note_step(
        request,
        exchange,
        services.decline_approval,
        template="exchanges/decline_approval.html",
        allowed=request.user.member.pk in exchange.admin_member_ids(coop),
        reason=f"Only an admin of {coop} can decide for {coop}.",
        done=f"You declined it for {coop}.",
        label="Why does your co-op decline?",
        coop=coop,
    )


@login_required
def exchange_terms(request, pk):
    """One of the two people changes the agreement's terms (a new version if anyone signed)."""
    exchange = get_exchange_for_user(
        request.user, pk, queryset=Exchange.objects.select_related("current_agreement")
    )
    member = request.user.member
    if not exchange.is_person(member):
        return _not_allowed(request, "Only the two people in the exchange can change its terms.")
    form = TermsForm(request.POST or None, instance=exchange)
    if request.method == "POST" and form.is_valid():
        terms = form.terms()
        # The form wrote the new values onto `exchange`; the step reads the row afresh.
        return _run(
            request,
            Exchange(pk=exchange.pk),
            services.change_terms,
            terms,
            done="Terms changed. Everyone reads and signs the new version.",
        )
    return render(request, "exchanges/terms_form.html", {"exchange": exchange, "form": form})


@require_POST
@login_required
def exchange_sign(request, pk):
    exchange = get_exchange_for_user(request.user, pk)
    version = request.POST.get("version", "")
    if not version.isdigit():
        messages.error(request, "Say which version of the agreement you are signing.")
        return redirect(exchange)
    return _run(
        request, exchange, services.sign, int(version), done=f"You signed version {version}."
    )


@login_required
def exchange_report_done(request, pk):
    """One of the two people confirms it is done, with days, costs and a reflection."""
    exchange = get_exchange_for_user(request.user, pk)
    if not exchange.is_person(request.user.member):
        return _not_allowed(request, "Only the two people in the exchange confirm it is done.")
    form = CompletionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        return _run(
            request,
            exchange,
            services.report_done,
            done="Thank you: you confirmed it is done.",
            **form.cleaned_data,
        )
    return render(request, "exchanges/report_done.html", {"exchange": exchange, "form": form})


@login_required
def exchange_cancel(request, pk):
    exchange = get_exchange_for_user(request.user, pk)
    return _note_step(
        request,
        exchange,
        services.cancel,
        template="exchanges/cancel.html",
        allowed=exchange.may_cancel(request.user.member),
        reason="Only the people in the exchange or their co-ops' admins can cancel it.",
        done="The exchange is cancelled.",
        label="Why are you cancelling?",
    )


# --- co-budgeting ------------------------------------------------------------------


def _budget(request):
    """The period, the co-op lines this user may see and the network totals."""
    if not request.user.is_staff:
        admin_of = request.user.member.admin_coop_ids()
        if not admin_of:
            raise PermissionDenied
    form = BudgetPeriodForm(request.GET or {"year": timezone.localdate().year})
    year = form.cleaned_data["year"] if form.is_valid() else timezone.localdate().year
    lines, totals = budget.figures(year)
    if not request.user.is_staff:
        lines = [line for line in lines if line.coop.pk in admin_of]
    return form, year, lines, totals


@login_required
def exchange_budget(request):
    """Per co-op: days given and received, costs paid and received; the network fund."""
    form, year, lines, totals = _budget(request)
    return render(
        request,
        "exchanges/budget.html",
        {
            "form": form,
            "year": year,
            "lines": lines,
            "totals": totals,
        },
    )


@login_required
def exchange_budget_csv(request):
    """The budget page's table as CSV, for a spreadsheet."""
    _form, year, lines, totals = _budget(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="cotech-co-budget-{year}.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [
            "co-op",
            "currency",
            "exchanges",
            "days given",
            "days received",
            "costs paid",
            "costs received",
        ]
    )
    for line in lines:
        writer.writerow(
            [
                _csv_text(line.coop.name),
                line.currency,
                line.exchanges,
                f"{line.days_given:.1f}",
                f"{line.days_received:.1f}",
                f"{line.paid:.2f}",
                f"{line.received:.2f}",
            ]
        )
    writer.writerow([])
    writer.writerow(["network", "currency", "exchanges", "days", "total cost", "network fund"])
    for total in totals:
        writer.writerow(
            [
                "Whole network",
                total.currency,
                total.exchanges,
                f"{total.days:.1f}",
                f"{total.total_cost:.2f}",
                f"{total.network_fund:.2f}",
            ]
        )
    return response


def _csv_text(value):
    """A spreadsheet must not run a co-op's name as a formula (CSV injection)."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
