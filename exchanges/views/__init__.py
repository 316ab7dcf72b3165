"""The exchange pages, by area: lists, drafts and an exchange's page; its steps; the co-budget."""

from exchanges.views.budget import exchange_budget, exchange_budget_csv
from exchanges.views.exchanges import (
    agreement_print,
    exchange_create,
    exchange_detail,
    exchange_edit,
    exchange_list,
)
from exchanges.views.steps import (
    exchange_accept,
    exchange_approve,
    exchange_cancel,
    exchange_decline,
    exchange_decline_approval,
    exchange_propose,
    exchange_report_done,
    exchange_sign,
    exchange_suggest_changes,
    exchange_terms,
)

__all__ = [
    "agreement_print",
    "exchange_accept",
    "exchange_approve",
    "exchange_budget",
    "exchange_budget_csv",
    "exchange_cancel",
    "exchange_create",
    "exchange_decline",
    "exchange_decline_approval",
    "exchange_detail",
    "exchange_edit",
    "exchange_list",
    "exchange_propose",
    "exchange_report_done",
    "exchange_sign",
    "exchange_suggest_changes",
    "exchange_terms",
]
