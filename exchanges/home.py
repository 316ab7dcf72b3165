"""The home page's "waiting for you": exchanges where the signed-in person has a step to take."""

from exchanges.models import Exchange


def context(request):
    if not request.user.is_authenticated:
        return {}
    member = request.user.member
    waiting = [
        exchange
        for exchange in Exchange.objects.involving(request.user).unfinished().with_workflow()
        if exchange.is_waiting_for(member)
    ]
    return {"exchanges_waiting": waiting}
