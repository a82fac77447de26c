"""Downloading an archive from a séance's or démarche's page, and importing
one: upload (bounded), preview, then confirm."""

import re
import secrets
import time
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from abaque.accounts.structures import structure_to_create_in
from abaque.meetings.access import get_meeting
from abaque.plans.access import get_process

from . import archive, load
from .export import demarche_archive, seance_archive

PENDING = re.compile(r"^[A-Za-z0-9_-]{16,40}$")
PENDING_HOURS = 24  # an archive uploaded but neither imported nor cancelled is dropped after this


def _download(obj, writer, prefix):
    response = HttpResponse(content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{prefix}-{slugify(obj.title)[:60] or obj.pk}.zip"'
    writer(obj, response)
    return response


def seance_download(request, meeting_id):
    return _download(get_meeting(request, meeting_id, for_change=True), seance_archive, "seance")


def demarche_download(request, process_id):
    return _download(get_process(request, process_id, for_change=True), demarche_archive, "demarche")


def _pending_path(user, token) -> Path:
    if not PENDING.match(token):
        raise Http404
    return Path(settings.DATA_DIR) / "imports" / f"{user.pk}-{token}.zip"


def _drop_stale(folder: Path) -> None:
    limit = time.time() - PENDING_HOURS * 3600
    for old in folder.glob("*.zip"):
        if old.stat().st_mtime < limit:
            old.unlink(missing_ok=True)


def upload(request):
    structure_to_create_in(request)
    error = None
    if request.method == "POST":
        file = request.FILES.get("archive")
        if file is None:
            error = _("Choisissez le fichier de l'archive (.zip) à importer.")
        elif file.size > archive.ARCHIVE_MAX_BYTES:
            error = _("Ce fichier dépasse %(mb)s Mo : il n'est pas importé.") % {
                "mb": archive.ARCHIVE_MAX_BYTES // (1024 * 1024)
            }
        else:
            token = secrets.token_urlsafe(16)
            path = _pending_path(request.user, token)
            path.parent.mkdir(parents=True, exist_ok=True)
            _drop_stale(path.parent)
            with open(path, "wb") as out:
                for chunk in file.chunks():
                    out.write(chunk)
            try:
                load.preview(archive.read(path), request.user)
            except archive.ArchiveError as refused:
                path.unlink(missing_ok=True)
                error = str(refused)
            else:
                return redirect("transfer:preview", token=token)
    return render(
        request,
        "transfer/upload.html",
        {"error": error, "max_mb": archive.ARCHIVE_MAX_BYTES // (1024 * 1024)},
        status=400 if error else 200,
    )


def preview(request, token):
    structure_to_create_in(request)
    path = _pending_path(request.user, token)
    if not path.exists():
        messages.error(request, _("Cette archive n'est plus en attente : déposez-la de nouveau."))
        return redirect("transfer:upload")
    try:
        arch = archive.read(path)
        seen = load.preview(arch, request.user)
        if request.method == "POST":
            outcome = (load.import_seance if seen["kind"] == "seance" else load.import_demarche)(arch, request.user)
            path.unlink(missing_ok=True)
            done = _("« %(title)s » mise à jour.") if outcome.updated else _("« %(title)s » importée.")
            messages.success(request, done % {"title": outcome.root})
            name = "meetings:detail" if seen["kind"] == "seance" else "plans:detail"
            return redirect(reverse(name, args=[outcome.root.pk]))
    except archive.ArchiveError as refused:
        path.unlink(missing_ok=True)
        return render(
            request,
            "transfer/upload.html",
            {"error": str(refused), "max_mb": archive.ARCHIVE_MAX_BYTES // (1024 * 1024)},
            status=400,
        )
    return render(request, "transfer/preview.html", {"seen": seen, "token": token})


@require_POST
def cancel(request, token):
    structure_to_create_in(request)
    _pending_path(request.user, token).unlink(missing_ok=True)
    return redirect("meetings:list")
