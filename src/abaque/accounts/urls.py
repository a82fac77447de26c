from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import path

from . import team, views

urlpatterns = [
    path("", views.home, name="home"),
    path("bienvenue/<str:token>/", views.first_account_view, name="first_account"),
    path("connexion/", views.ThrottledLoginView.as_view(), name="login"),
    path("structure/", views.switch_structure_view, name="switch_structure"),
    path("deconnexion/", auth_views.LogoutView.as_view(), name="logout"),
    path("membres/", team.members, name="members"),
    path("membres/<int:membership_id>/role/", team.member_role, name="member_role"),
    path("membres/<int:membership_id>/retirer/", team.member_remove, name="member_remove"),
    path("invitations/<int:invitation_id>/annuler/", team.invitation_cancel, name="invitation_cancel"),
    path("invitation/<str:token>/", team.invitation, name="invitation"),
    path("compte/", team.account, name="account"),
    path("compte/mot-de-passe/", team.PasswordChangeView.as_view(), name="password_change"),
    path("mot-de-passe-oublie/", login_not_required(team.RESET["reset"]), name="password_reset"),
    path("mot-de-passe-oublie/envoye/", login_not_required(team.RESET["done"]), name="password_reset_done"),
    path(
        "mot-de-passe-oublie/<uidb64>/<token>/",
        login_not_required(team.RESET["confirm"]),
        name="password_reset_confirm",
    ),
    path("mot-de-passe-oublie/fait/", login_not_required(team.RESET["complete"]), name="password_reset_complete"),
]
