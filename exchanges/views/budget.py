"""The co-budget page and its CSV, for co-op admins and the steering group."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from core import spreadsheet
from exchanges import budget
from exchanges.forms import (
    BudgetPeriodForm,
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
    writer = spreadsheet.writer(response)
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
                line.coop.name,
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
