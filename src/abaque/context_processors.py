from abaque import scale as colour_scale


def scale(request):
    """The colour scale, for legends and styles in every template."""
    return {"SCALE_LEVELS": colour_scale.LEVELS}
