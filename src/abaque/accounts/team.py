"""The structure's team: members, roles, invitations, and each person's account."""

import smtplib

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from abaque.templatetags.abaque import short_date

from . import rules
from .forms import AcceptInvitationForm, AccountForm, InvitationForm, RoleForm, StructureForm
from .language import remember_language
from .models import Invitation, Membership, Role
from .structures import current_structure


def _administered(request):
    """The current structure, for its administrators only (else 403)."""
    structure = current_structure(request)
    if not rules.can_manage_members(request.user, structure):
        raise PermissionDenied(_("Seul un administrateur de la structure gère ses membres."))
    return structure


def invitation_link(request, invitation) -> str:
    return request.build_absolute_uri(reverse("invitation", args=[invitation.token]))


def _send_invitation(request, invitation) -> bool:
    """By e-mail when the invitee gave an address and the server answers."""
    if not invitation.email:
        return False
    body = _(
        "Bonjour %(name)s,\n\n"
        "%(inviter)s vous invite à rejoindre « %(structure)s » dans Abaque (%(role)s).\n\n"
        "Choisissez votre identifiant et votre mot de passe en suivant ce lien personnel :\n"
        "%(link)s\n\n"
        "Il est valable jusqu'au %(until)s."
    ) % {
        "name": invitation.name,
        "inviter": request.user.get_full_name() or request.user.username,
        "structure": invitation.structure.name,
        "role": invitation.get_role_display().lower(),
        "link": invitation_link(request, invitation),
        "until": short_date(invitation.expires_at, "j F Y"),
    }
    subject = _("Invitation à rejoindre %(structure)s") % {"structure": invitation.structure.name}
    try:
        send_mail(subject, body, None, [invitation.email])
    except (OSError, smtplib.SMTPException):
        return False
    return True


def members(request):
    structure = _administered(request)
    invite_form = InvitationForm(request.POST if "invite" in request.POST else None)
    # Its own ids: both forms have a « name » field on the one page.
    settings_form = StructureForm(
        request.POST if "settings" in request.POST else None, instance=structure, auto_id="id_structure_%s"
    )
    if request.method == "POST":
        if "invite" in request.POST and invite_form.is_valid():
            invitation = invite_form.save(commit=False)
            invitation.structure, invitation.invited_by = structure, request.user
            invitation.save()
            if _send_invitation(request, invitation):
                messages.success(
                    request,
                    _("Invitation envoyée à %(email)s. Le lien est aussi ci-dessous.") % {"email": invitation.email},
                )
            else:
                messages.success(
                    request,
                    _("Invitation créée : transmettez le lien ci-dessous à %(name)s.") % {"name": invitation.name},
                )
            return redirect("members")
        if "settings" in request.POST and settings_form.is_valid():
            settings_form.save()
            messages.success(request, _("Structure enregistrée."))
            return redirect("members")
    pending = structure.invitations.filter(accepted_at__isnull=True, expires_at__gt=timezone.now())
    context = {
        "structure": structure,
        "memberships": structure.memberships.select_related("user").order_by("user__first_name", "user__username"),
        "invitations": [(i, invitation_link(request, i)) for i in pending],
        "invite_form": invite_form,
        "settings_form": settings_form,
        "roles": Role.choices,
    }
    return render(request, "accounts/members.html", context)


def _membership(request, membership_id) -> Membership:
    return get_object_or_404(
        Membership.objects.select_related("user"), pk=membership_id, structure=_administered(request)
    )


@require_POST
def member_role(request, membership_id):
    membership = _membership(request, membership_id)
    form = RoleForm(request.POST, instance=Membership(role=membership.role))
    if not form.is_valid():
        messages.error(request, _("Choisissez un rôle de la liste."))
    elif not rules.can_change_role(request.user, membership, form.cleaned_data["role"]):
        messages.error(request, _("La structure doit garder au moins un administrateur."))
    else:
        membership.role = form.cleaned_data["role"]
        membership.save(update_fields=["role"])
        messages.success(
            request,
            _("%(name)s est maintenant %(role)s.")
            % {"name": _name(membership.user), "role": membership.get_role_display().lower()},
        )
    return redirect("members")


@require_POST
def member_remove(request, membership_id):
    """Removes the member from the structure; their séances and démarches stay with it."""
    membership = _membership(request, membership_id)
    if not rules.can_remove_member(request.user, membership):
        messages.error(request, _("Le dernier administrateur ne peut pas être retiré."))
    else:
        membership.delete()
        messages.success(
            request,
            _("%(name)s ne fait plus partie de la structure ; ses séances y restent.")
            % {"name": _name(membership.user)},
        )
    return redirect("members")


@require_POST
def invitation_cancel(request, invitation_id):
    invitation = get_object_or_404(Invitation, pk=invitation_id, structure=_administered(request))
    invitation.delete()
    messages.success(request, _("Invitation annulée : son lien ne fonctionne plus."))
    return redirect("members")


def _name(user):
    return user.get_full_name() or user.first_name or user.username


@login_not_required
def invitation(request, token):
    invitation = Invitation.objects.select_related("structure").filter(token=token).first()
    if invitation is None or not invitation.is_usable():
        raise Http404(_("Ce lien d'invitation n'est plus valable : demandez-en un nouveau."))
    if request.user.is_authenticated:
        return _join_as_member(request, invitation)
    form = AcceptInvitationForm(
        get_user_model()(first_name=invitation.name, email=invitation.email), request.POST or None
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = form.user
            user.username = form.cleaned_data["username"]
            form.save()
            _accept(invitation, user)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Bienvenue dans « %(structure)s ».") % {"structure": invitation.structure.name})
        return redirect("meetings:list")
    return render(request, "accounts/invitation.html", {"invitation": invitation, "form": form})


def _join_as_member(request, invitation):
    """Someone already known (a facilitator of the park) joins one more structure."""
    if request.method == "POST":
        with transaction.atomic():
            _accept(invitation, request.user)
        request.session["abaque_structure"] = invitation.structure.pk
        messages.success(
            request, _("Vous faites maintenant partie de « %(structure)s ».") % {"structure": invitation.structure.name}
        )
        return redirect("meetings:list")
    return render(request, "accounts/invitation.html", {"invitation": invitation, "known": True})


def _accept(invitation, user):
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_usable():
        raise Http404(_("Ce lien d'invitation vient d'être utilisé."))
    Membership.objects.get_or_create(user=user, structure=invitation.structure, defaults={"role": invitation.role})
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])


def account(request):
    form = AccountForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        language = form.cleaned_data["language"]
        with translation.override(language or translation.get_language()):
            messages.success(request, _("Votre compte est enregistré."))
        return remember_language(redirect("account"), language)
    memberships = request.user.memberships.select_related("structure")
    return render(request, "accounts/account.html", {"form": form, "memberships": memberships})


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_form.html"
    success_url = reverse_lazy("account")
    extra_context = {
        "title": gettext_lazy("Changer de mot de passe"),
        "button": gettext_lazy("Changer le mot de passe"),
    }

    def form_valid(self, form):
        messages.success(self.request, _("Votre mot de passe est changé."))
        return super().form_valid(form)


RESET = {
    "reset": auth_views.PasswordResetView.as_view(
        template_name="accounts/password_reset.html",
        email_template_name="accounts/password_reset_email.txt",
        subject_template_name="accounts/password_reset_subject.txt",
        success_url=reverse_lazy("password_reset_done"),
        from_email=settings.DEFAULT_FROM_EMAIL,
    ),
    "done": auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
    "confirm": auth_views.PasswordResetConfirmView.as_view(
        template_name="accounts/password_form.html",
        success_url=reverse_lazy("password_reset_complete"),
        extra_context={
            "title": gettext_lazy("Choisir un nouveau mot de passe"),
            "button": gettext_lazy("Enregistrer le mot de passe"),
        },
    ),
    "complete": auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html"),
}
