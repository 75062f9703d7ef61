from tests.users import editor, editor_client  # noqa: F401
