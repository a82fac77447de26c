def meeting_access(request):
    """Whether the user may change the séance the page shows, decided once by
    access.get_meeting (the named rule can_change_meeting): the templates show
    the change links and buttons only then, and « lecture seule » otherwise."""
    return {"can_change_meeting": getattr(request, "can_change_meeting", False)}
