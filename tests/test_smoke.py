def test_the_list_of_meetings_shows_the_facilitators_meeting(client_in, meeting):
    response = client_in.get("/seances/")
    assert response.status_code == 200
    assert "Regards croisés" in response.content.decode()
