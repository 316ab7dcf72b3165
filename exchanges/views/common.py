"""What the exchange pages share: the 403 page saying why, and taking a step."""

from django.contrib import messages
from django.shortcuts import redirect, render

from core.steps import refuse
from exchanges.services import ExchangeError, NotYourStep


def not_allowed(request, reason):
    """403 for someone who may see the exchange but not take this step, saying why."""
    return render(request, "exchanges/not_allowed.html", {"reason": reason}, status=403)


def run_step(request, exchange, step, *args, done, **kwargs):
    """Take a workflow step for the signed-in member and say how it went."""
    try:
        step(exchange, request.user.member, *args, **kwargs)
    except NotYourStep as error:
        return not_allowed(request, str(error))
    except ExchangeError as error:
        refuse(request, error)
    else:
        messages.success(request, done)
    return redirect(exchange)
