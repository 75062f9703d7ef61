"""Reading a page as a visitor does, for the tests of every app."""


def page_html(client, url, params=None, *, status=200):
    """The HTML `client` gets at `url` (with query `params`), after checking the status (200
    unless said)."""
    response = client.get(url, params)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


def assert_shown(html, *texts):
    """Every one of `texts` is in `html`: all are checked, and a failure names each one missing
    (not the whole page, as `assert text in html` does)."""
    missing = [text for text in texts if text not in html]
    assert not missing, f"not on the page: {missing}"
