"""
The steps on an exchange. Each is a POST to its own URL that calls one function in
`exchanges.services` and turns a refusal into a message; destructive steps
(declining, cancelling) show a confirmation form first.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from exchanges import services
from exchanges.access import get_exchange_for_user
from exchanges.forms import (
    CompletionForm,
    NoteForm,
    TermsForm,
)
from exchanges.models import Exchange
from exchanges.views.common import not_allowed, run_step

# --- steps -------------------------------------------------------------------------


@require_POST
@login_required
def exchange_propose(request, pk):
    exchange = get_exchange_for_user(request.user, pk)
    return run_step(request, exchange, services.propose, done="Proposal sent.")


@require_POST
@login_required
def exchange_accept(request, pk):
    exchange = get_exchange_for_user(request.user, pk)
    return run_step(request, exchange, services.accept, done="You accepted the proposal.")


def _note_step(
    request, exchange, step, *, template, allowed, reason, done, label, coop=None, required=True
):
    """
    A step that needs a note, shown as a form (and confirmation) page first. A co-op's
    decision names the co-op: the step is then called as step(exchange, member, coop, note).
    """
    if not allowed:
        return not_allowed(request, reason)
    form = NoteForm(request.POST or None, label=label, required=required)
    if request.method == "POST" and form.is_valid():
        args = [coop] if coop is not None else []
        return run_step(request, exchange, step, *args, form.cleaned_data["note"], done=done)
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
    return run_step(
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
        return not_allowed(request, "Only the two people in the exchange can change its terms.")
    form = TermsForm(request.POST or None, instance=exchange)
    if request.method == "POST" and form.is_valid():
        terms = form.terms()
        # The form wrote the new values onto `exchange`; the step reads the row afresh.
        return run_step(
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
    return run_step(
        request, exchange, services.sign, int(version), done=f"You signed version {version}."
    )


@login_required
def exchange_report_done(request, pk):
    """One of the two people confirms it is done, with days, costs and a reflection."""
    exchange = get_exchange_for_user(request.user, pk)
    if not exchange.is_person(request.user.member):
        return not_allowed(request, "Only the two people in the exchange confirm it is done.")
    form = CompletionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        return run_step(
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
