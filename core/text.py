"""
Text as people type it, kept as they typed it. A browser sends every line break in a
textarea as CRLF (the HTML standard's form submission), so a form saved unchanged would
turn each stored "\n" into "\r\n": the text changed, the profile looks edited, and
Markdown, e-mails and CSV get stray carriage returns. Line breaks are kept as "\n".
"""

from django import forms
from django.db import models


def normalise_line_breaks(text):
    return text.replace("\r\n", "\n").replace("\r", "\n")


class MultilineField(forms.CharField):
    """A form field for several lines of text: line breaks come back as "\\n"."""

    def to_python(self, value):
        value = super().to_python(value)
        return normalise_line_breaks(value) if isinstance(value, str) else value


class TextField(models.TextField):
    """models.TextField whose form field keeps line breaks as "\\n" (see the module)."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": MultilineField, **kwargs})

    def deconstruct(self):
        # Stored exactly as a TextField: migrations see no change.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.TextField", args, kwargs
