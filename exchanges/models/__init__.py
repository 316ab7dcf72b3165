"""
People exchanges: someone in one co-op gives time to another co-op (or person) with a need.

The workflow steps live in `exchanges/services.py`; these modules hold the records and
the rules that read them. Import from here: `from exchanges.models import Exchange`.
"""

from exchanges.models.agreements import Agreement, AgreementTemplate, Signature, SignatureParty
from exchanges.models.budget import HOURS_PER_DAY, MAX_AMOUNT, MAX_DAYS, MAX_HOURS, money_field
from exchanges.models.events import Approval, CompletionReport, EventKind, ExchangeEvent
from exchanges.models.exchanges import NEXT_STEP_RELATIONS, Exchange, ExchangeQuerySet
from exchanges.models.states import FINISHED_STATES, ExchangeState, Side, WorkPlace

__all__ = [
    "FINISHED_STATES",
    "HOURS_PER_DAY",
    "MAX_AMOUNT",
    "MAX_DAYS",
    "MAX_HOURS",
    "NEXT_STEP_RELATIONS",
    "Agreement",
    "AgreementTemplate",
    "Approval",
    "CompletionReport",
    "EventKind",
    "Exchange",
    "ExchangeEvent",
    "ExchangeQuerySet",
    "ExchangeState",
    "Side",
    "Signature",
    "SignatureParty",
    "WorkPlace",
    "money_field",
]
