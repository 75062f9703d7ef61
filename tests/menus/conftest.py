from tests.pages.conftest import editor, editor_client  # noqa: F401
