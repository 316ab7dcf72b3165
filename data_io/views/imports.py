"""The steering group fills the directory from the network's spreadsheet, in the browser."""

from django import forms
from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import render

from data_io.importers.directory_csv import import_directory_csv

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class DirectoryImportForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text="One row per co-op or member, with a “type” column. See the README for columns.",
    )
    commit = forms.BooleanField(
        label="Apply the changes (otherwise a dry run that changes nothing)", required=False
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The file is larger than 5 MB: split it and import twice.")
        return upload


@staff_member_required
def directory_import(request):
    """Upload a CSV: a dry run shows what would change; ticking the box applies it."""
    report = None
    form = DirectoryImportForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
    )
    if request.method == "POST" and form.is_valid():
        report = import_directory_csv(
            form.cleaned_data["file"].read(), commit=form.cleaned_data["commit"]
        )
    return render(request, "data_io/directory_import.html", {"form": form, "report": report})
