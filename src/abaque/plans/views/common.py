"""What every démarche page shares: the form page and the cycle context."""

from django.contrib import messages
from django.shortcuts import redirect, render

from ..access import get_cycle, get_process
from ..rules import can_change_process


def form_page(request, form, *, title, back, success, context=None, on_save=None):
    """Render `form`; on a valid POST save it (then `on_save(obj, form)`),
    tell the user and go `back` (a URL, or a function of the saved object).
    Invalid input is shown again, untouched."""
    if request.method == "POST" and form.is_valid():
        obj = form.save()
        if on_save:
            on_save(obj, form)
        messages.success(request, success)
        return redirect(back(obj) if callable(back) else back)
    cancel = None if callable(back) else back
    return render(request, "plans/form.html", {"form": form, "title": title, "back": cancel, **(context or {})})


def cycle_context(request, process_id, year, tab, for_change=None):
    """The process, the cycle and what the navigation of a cycle page needs."""
    process = get_process(request, process_id, for_change=for_change)
    cycle = get_cycle(process, year)
    context = {
        "process": process,
        "cycle": cycle,
        "tab": tab,
        "cycles": process.cycles.all(),
        "can_change": can_change_process(request.user, process),  # else read-only: no control is shown
    }
    return process, cycle, context
