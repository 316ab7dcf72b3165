"""The text of an exchange's social contract: the network's template plus its own terms."""

from django.template.defaultfilters import date as format_date

from exchanges.models import AgreementTemplate

DEFAULT_TITLE = "CoTech exchange agreement"

# What the steering group's template says until they edit it in the admin. The
# first template was stored from a copy of this text (exchanges migration 0002).
DEFAULT_TEXT = """\
## Communication
We answer each other within two working days and say early when something gets in the way.

## Time commitment
The helper gives the time agreed in this exchange's terms; the host makes the people and
information needed available. Either side says as soon as the time cannot be kept.

## Who does what
The host owns the work and its decisions; the helper brings their skills, shares what they
know and leaves the host able to carry on without them.

## Confidentiality
What we learn about each other's clients, members and finances stays between us unless we
agree otherwise in writing.

## Licensing
Work made during the exchange is published under an open licence (code under the licence
the host's project already uses, other material under CC BY-SA 4.0) unless the terms say
otherwise.

## Ending early
Either side may end the exchange early with a short written reason. Costs already incurred
are shared as the co-budget says, in proportion to the time given.

## Feedback
At the end both people write a short reflection (what worked, what didn't) so the network
can learn from each exchange.
"""


def template_for_new_agreement():
    """The steering group's newest template, or the default text when none was saved."""
    template = AgreementTemplate.objects.order_by("-updated_at", "-pk").first()
    return template or AgreementTemplate(title=DEFAULT_TITLE, text=DEFAULT_TEXT)


def _money(exchange, amount):
    return f"{amount:,.2f} {exchange.currency}"


def _block(text):
    return text.strip() or "_None given._"


def agreement_terms(exchange):
    """This exchange's own terms as Markdown: who, when, goals, deliverables, check-ins, money."""
    host = f"{exchange.host}" + (f" for {exchange.host_coop}" if exchange.host_coop else "")
    helper = f"{exchange.helper}" + (
        f", released by {exchange.helper_coop}" if exchange.helper_coop else ""
    )
    if exchange.flexible:
        when = f"Flexible, aiming for {format_date(exchange.target_month, 'F Y')}"
    else:
        when = format_date(exchange.starts_on, "j F Y")
        if exchange.ends_on:
            when += f" to {format_date(exchange.ends_on, 'j F Y')}"
    return "\n".join(
        [
            "## This exchange",
            f"- **Host:** {host}",
            f"- **Helper:** {helper}",
            f"- **When:** {when}",
            f"- **Time:** {exchange.time_amount} {exchange.get_time_unit_display()}, "
            f"{exchange.get_place_display().lower()}",
            "",
            "## Goals",
            _block(exchange.goals),
            "",
            "## Deliverables",
            _block(exchange.deliverables),
            "",
            "## Check-ins",
            _block(exchange.check_ins),
            "",
            "## Costs and co-budget",
            f"- Time: {_money(exchange, exchange.cost_time)}",
            f"- Travel: {_money(exchange, exchange.cost_travel)}",
            f"- Other: {_money(exchange, exchange.cost_other)}",
            f"- **Total: {_money(exchange, exchange.total_cost)}**, paid by the host co-op "
            f"{_money(exchange, exchange.share_host_coop)}, the helper's co-op "
            f"{_money(exchange, exchange.share_helper_coop)} and the network fund "
            f"{_money(exchange, exchange.share_network)}.",
        ]
    )
