from django import forms
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.forms import UserCreationForm
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from abaque import throttle

from . import first_account, structures
from .language import remember_language
from .models import Membership, Role, Structure, language_of


class FirstAccountForm(UserCreationForm):
    structure_name = forms.CharField(
        label=gettext_lazy("Nom de la structure (le Parc, la communauté de communes…)"), max_length=200
    )
    structure_kind = forms.ChoiceField(label=gettext_lazy("Type de structure"), choices=Structure.Kind.choices)
    first_name = forms.CharField(label=gettext_lazy("Prénom et nom"), max_length=150)
    email = forms.EmailField(label=gettext_lazy("E-mail (pour recevoir les comptes-rendus)"), required=False)

    field_order = ["structure_name", "structure_kind", "first_name", "username", "email"]

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username", "first_name", "email")
        labels = {"username": gettext_lazy("Identifiant de connexion")}

    def validate_password_for_user(self, user, password_field_name="password1", **kwargs):
        """A weak password is the first field's fault: its message goes under
        it, not under the confirmation (which keeps « ne correspondent pas »)."""
        super().validate_password_for_user(user, password_field_name=password_field_name, **kwargs)


@login_not_required
def first_account_view(request, token):
    if not first_account.needs_first_account() or not first_account.token_is_valid(token):
        raise Http404(_("Ce lien n'est plus valable."))
    form = FirstAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = form.save(commit=False)
            user.is_staff = user.is_superuser = True  # the first facilitator administers the instance
            user.save()
            structure = Structure.objects.create(
                name=form.cleaned_data["structure_name"], kind=form.cleaned_data["structure_kind"]
            )
            Membership.objects.create(user=user, structure=structure, role=Role.ADMINISTRATOR)
        first_account.forget_token()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("meetings:list")
    return render(request, "accounts/first_account.html", {"form": form})


@require_POST
def switch_structure_view(request):
    """The menu's switch: the structure whose séances and démarches are listed."""
    if not structures.switch_structure(request, request.POST.get("structure", "")):
        raise Http404(_("Vous n'êtes pas membre de cette structure."))
    return redirect(url_has_allowed_host_and_scheme_or(request, request.POST.get("next")))


def url_has_allowed_host_and_scheme_or(request, target, default="meetings:list"):
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default


@login_not_required
def home(request):
    if request.user.is_authenticated:
        return redirect("meetings:list")
    return redirect("login")


class ThrottledLoginView(auth_views.LoginView):
    """Django's login, with failures counted per username tried and, more
    loosely, per address (facilitators of one hall share it)."""

    template_name = "accounts/login.html"

    def _wait(self):
        username = self.request.POST.get("username", "").strip().lower()
        return max(
            throttle.retry_after(throttle.LOGIN_PER_USERNAME, username),
            throttle.retry_after(throttle.LOGIN_PER_IP, throttle.client_ip(self.request)),
        )

    def post(self, request, *args, **kwargs):
        wait = self._wait()
        if wait:
            # An unbound form: a bound one would check the password anyway.
            form = self.get_form_class()(request, initial={"username": request.POST.get("username", "")})
            form.cleaned_data = {}
            form.add_error(None, throttle.wait_message(wait))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        # The language chosen in the account follows the person to this browser.
        response = super().form_valid(form)
        language = language_of(form.get_user())
        return remember_language(response, language) if language else response

    def form_invalid(self, form):
        throttle.record(throttle.LOGIN_PER_USERNAME, self.request.POST.get("username", "").strip().lower())
        throttle.record(throttle.LOGIN_PER_IP, throttle.client_ip(self.request))
        return super().form_invalid(form)
