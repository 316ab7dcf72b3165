"""
One kind of refusal for every step a person takes. A service raises a `StepRefused` subclass
when the rules do not allow the step now; its message is written for the person, and `field`
names the form field it is about, if any. Views show it with `refuse()`, never by reading the
message text.
"""

from django.contrib import messages


class StepRefused(Exception):
    """A step the rules do not allow now (wrong state, no right, a limit reached...)."""

    def __init__(self, message="", *, field=None):
        super().__init__(message)
        self.message = str(message)
        self.field = field

    def __str__(self):
        return self.message


def refuse(request, error, form=None):
    """
    Show a refused step to the person: beside its field when `form` has the field it names,
    at the top of `form` when it names none, or as a message on the next page without a form.
    """
    if form is not None:
        form.add_error(error.field if error.field in form.fields else None, error.message)
    else:
        messages.error(request, error.message)
