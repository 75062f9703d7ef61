"""Reading a page as a visitor does, for the tests of every app."""


def page_html(client, url, status=200):
    """The HTML `client` gets at `url`, after checking the status (200 unless said)."""
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()
