"""Items typed live during the rounds of the table: Enter saves and opens the
next one; deleting can be undone."""

from django.contrib import messages
from django.db import transaction
from django.db.models import Max
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from abaque.meetings.notify import meeting_changed

from ..access import get_item, get_meeting
from ..forms import ItemForm
from ..models import ITEM_WARNING_THRESHOLD, Item
from ..rounds import sync_open_round
from .ordering import move


def _changed(meeting):
    sync_open_round(meeting)
    meeting_changed(meeting.pk, "items")


def _list_context(meeting, form, **extra):
    items = meeting.active_items().select_related("author")
    return {
        "meeting": meeting,
        "tab": "items",
        "items": items,
        "n_items": len(items),
        "item_warning": ITEM_WARNING_THRESHOLD,
        "pending": meeting.items.filter(status=Item.Status.PENDING, deleted_at__isnull=True),
        "form": form,
        "max_length": Item._meta.get_field("text").max_length,
        "round_closed": (meeting.current_round() or meeting.ensure_first_round()).is_closed,
        **extra,
    }


def _render_list(request, meeting, form, status=200, **extra):
    """htmx (and the entry script) get the list alone: the entry field above
    it is never replaced, so nothing typed meanwhile is lost."""
    template = "meetings/_items_list.html" if request.htmx else "meetings/items.html"
    return render(request, template, _list_context(meeting, form, **extra), status=status)


def _after_action(request, meeting, message=None, **extra):
    """htmx swaps the refreshed list in place (never the entry field); a plain form post goes back
    to the list with a message."""
    if request.htmx:
        return _render_list(request, meeting, ItemForm(meeting=meeting), **extra)
    if message:
        messages.info(request, message)
    return redirect("meetings:items", meeting.pk)


def item_list(request, meeting_id):
    meeting = get_meeting(request, meeting_id, for_change=True)
    if request.method != "POST":
        return _render_list(request, meeting, ItemForm(meeting=meeting))
    form = ItemForm(request.POST, meeting=meeting)
    if not form.is_valid():
        if not request.htmx:  # the page again, the text kept in its field with the reason
            return _render_list(request, meeting, form)
        errors = [error for errors in form.errors.values() for error in errors]
        text = request.POST.get("text", "")
        return _render_list(request, meeting, form, status=422, entry_errors=errors, entry_text=text)
    with transaction.atomic():
        item = form.save(commit=False)
        item.meeting = meeting
        item.position = (meeting.items.aggregate(m=Max("position"))["m"] or 0) + 1
        item.save()
        _changed(meeting)
    if not request.htmx:
        messages.success(request, _("Item ajouté."))
        return redirect("meetings:items", meeting.pk)
    # The entry script empties the field and moves to the next author itself, at Enter.
    return _render_list(request, meeting, form, just_added=item)


def item_edit(request, meeting_id, item_id):
    meeting = get_meeting(request, meeting_id, for_change=True)
    item = get_item(meeting, item_id)
    form = ItemForm(request.POST or None, instance=item, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
            _changed(meeting)
        messages.success(request, _("Item enregistré."))
        return redirect("meetings:items", meeting.pk)
    return render(request, "meetings/item_form.html", {"meeting": meeting, "item": item, "form": form, "tab": "items"})


@require_POST
def item_delete(request, meeting_id, item_id):
    meeting = get_meeting(request, meeting_id)
    item = get_item(meeting, item_id)
    _set_deleted(meeting, item, timezone.now())
    return _after_action(request, meeting, _("Item supprimé : « %(text)s ».") % {"text": item.text}, undo=item)


@require_POST
def item_restore(request, meeting_id, item_id):
    meeting = get_meeting(request, meeting_id)
    item = get_item(meeting, item_id)
    _set_deleted(meeting, item, None)
    return _after_action(request, meeting, _("Item rétabli."))


def _set_deleted(meeting, item, when):
    """Soft delete (a date) or restore (None): undo stays one click away."""
    with transaction.atomic():
        item.deleted_at = when
        item.save(update_fields=["deleted_at"])
        _changed(meeting)


@require_POST
def item_validate(request, meeting_id, item_id):
    meeting = get_meeting(request, meeting_id)
    item = get_item(meeting, item_id)
    item.validated = not item.validated
    item.save(update_fields=["validated"])
    meeting_changed(meeting.pk, "items")
    return _after_action(request, meeting)


@require_POST
def item_accept(request, meeting_id, item_id):
    """Accept (or, with reject=1, discard) an item proposed from a phone."""
    meeting = get_meeting(request, meeting_id)
    item = get_item(meeting, item_id)
    with transaction.atomic():
        if request.POST.get("reject"):
            item.deleted_at = timezone.now()
        else:
            item.status = Item.Status.ACCEPTED
            item.position = (meeting.items.aggregate(m=Max("position"))["m"] or 0) + 1
        item.save()
        _changed(meeting)
    return _after_action(request, meeting)


@require_POST
def item_move(request, meeting_id, item_id):
    meeting = get_meeting(request, meeting_id)
    with transaction.atomic():
        move(get_item(meeting, item_id), meeting.active_items(), request.POST.get("direction"))
        _changed(meeting)
    return _after_action(request, meeting)
