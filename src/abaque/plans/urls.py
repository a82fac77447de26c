from django.urls import path

from .views import actions, ballots, communication, criteria, cycles, dashboard, demo, evaluation, processes

app_name = "plans"
CYCLE = "<int:process_id>/<int:year>/"
urlpatterns = [
    path("", processes.index, name="index"),
    path("demo/charger/", demo.demo_load, name="demo_load"),
    path("demo/retirer/", demo.demo_remove, name="demo_remove"),
    path("territoires/nouveau/", processes.territory_form, name="territory_create"),
    path("territoires/<int:territory_id>/modifier/", processes.territory_form, name="territory_edit"),
    path("nouvelle/", processes.process_create, name="create"),
    path("<int:process_id>/", processes.process_detail, name="detail"),
    path("<int:process_id>/modifier/", processes.process_edit, name="edit"),
    path("<int:process_id>/partage/", processes.share, name="share"),
    path("<int:process_id>/partage/retirer/", processes.unshare, name="unshare"),
    path("<int:process_id>/criteres/", criteria.criteria, name="criteria"),
    path("<int:process_id>/criteres/<int:criterion_id>/modifier/", criteria.criterion_edit, name="criterion_edit"),
    path("<int:process_id>/criteres/<int:criterion_id>/deplacer/", criteria.criterion_move, name="criterion_move"),
    path("<int:process_id>/criteres/<int:criterion_id>/supprimer/", criteria.criterion_delete, name="criterion_delete"),
    path("<int:process_id>/boucles/nouvelle/", cycles.cycle_create, name="cycle_create"),
    path("<int:process_id>/comparer/", cycles.compare, name="compare"),
    path("<int:process_id>/tableau-de-bord/", dashboard.dashboard, name="dashboard"),
    *[
        route
        for kind in processes.GOVERNANCE_FORMS
        for route in (
            path(f"<int:process_id>/{kind}/nouveau/", processes.governance_form, {"kind": kind}, name=f"{kind}_create"),
            path(
                f"<int:process_id>/{kind}/<int:object_id>/modifier/",
                processes.governance_form,
                {"kind": kind},
                name=f"{kind}_edit",
            ),
            path(
                f"<int:process_id>/{kind}/<int:object_id>/supprimer/",
                processes.governance_delete,
                {"kind": kind},
                name=f"{kind}_delete",
            ),
        )
    ],
    # One yearly cycle
    path(CYCLE, actions.plan, name="plan"),
    path(CYCLE + "actions/nouvelle/", actions.action_form, name="action_create"),
    path(CYCLE + "actions/depuis-les-items/", actions.actions_from_items, name="actions_from_items"),
    path(CYCLE + "actions/retenir-les-premieres/", actions.retain_first, name="retain_first"),
    path(CYCLE + "actions/<int:action_id>/modifier/", actions.action_form, name="action_edit"),
    path(CYCLE + "actions/<int:action_id>/deplacer/", actions.action_move, name="action_move"),
    path(CYCLE + "actions/<int:action_id>/retenir/", actions.action_retain, name="action_retain"),
    path(CYCLE + "actions/<int:action_id>/supprimer/", actions.action_delete, name="action_delete"),
    path(CYCLE + "actions/<int:action_id>/evaluer/", evaluation.evaluate_action, name="evaluate"),
    path(CYCLE + "vote/<slug:purpose>/", ballots.ballot_create, name="ballot_create"),
    path(CYCLE + "vote/<int:link_id>/appliquer/", ballots.ballot_apply, name="ballot_apply"),
    path(CYCLE + "seances/", cycles.cycle_meetings, name="meetings"),
    path(CYCLE + "seances/<int:link_id>/detacher/", cycles.cycle_meeting_detach, name="meeting_detach"),
    path(CYCLE + "evaluation/", evaluation.evaluation, name="evaluation"),
    path(CYCLE + "synthese/", evaluation.synthesis, name="synthesis"),
    path(CYCLE + "relancer/", cycles.cycle_relaunch, name="relaunch"),
    path(CYCLE + "communication/", communication.communication_list, name="communication"),
    path(CYCLE + "communication/nouvelle/", communication.communication_form, name="communication_create"),
    path(
        CYCLE + "communication/<int:communication_id>/modifier/",
        communication.communication_form,
        name="communication_edit",
    ),
    path(
        CYCLE + "communication/<int:communication_id>/supprimer/",
        communication.communication_delete,
        name="communication_delete",
    ),
    path(CYCLE + "export/<slug:document>.<slug:fmt>", dashboard.export, name="export"),
]
