from django import forms
from django.contrib.auth import get_user_model, login
from django.contrib.auth.forms import UserCreationForm
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render

from . import first_account


class FirstAccountForm(UserCreationForm):
    first_name = forms.CharField(label="Prénom et nom", max_length=150)
    email = forms.EmailField(label="E-mail (pour recevoir les comptes-rendus)", required=False)

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username", "first_name", "email")
        labels = {"username": "Identifiant de connexion"}


def first_account_view(request, token):
    if not first_account.needs_first_account() or not first_account.token_is_valid(token):
        raise Http404("Ce lien n'est plus valable.")
    form = FirstAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = form.save(commit=False)
            user.is_staff = user.is_superuser = True  # the first facilitator administers the instance
            user.save()
        first_account.forget_token()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("meetings:list")
    return render(request, "accounts/first_account.html", {"form": form})


def home(request):
    if request.user.is_authenticated:
        return redirect("meetings:list")
    return redirect("login")
