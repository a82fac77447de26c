app_name = "debate"
urlpatterns: list = []
