"""Migrating the test database back to an earlier state and forward again, to test a migration
that moves data with the rows it meets on a real database (the registry's move to its own app,
the contact page's office moving to the site's branding)."""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.operations import SeparateDatabaseAndState
from django.db.migrations.state import ProjectState


def migrate_back(executor, targets):
    """Unapply what `migrate` would unapply to reach `targets`; return the models as they are then
    (the historical models: every app at its latest migration but those unapplied).

    As Django's executor does (MigrationExecutor._migrate_all_backwards): each migration is
    unapplied, in its own schema editor, with the state of every applied migration before it in
    the full plan, then recorded as unapplied. The executor builds those states by rendering the
    project's models at the first migration to unapply (campaigns/0007) and walking the rendered
    state through every later migration up to the registry's last, 78 of them in other apps;
    each of their operations re-renders nearly every model (all are related through the user
    and page models): 10 s of CPU. Here the walk is on unrendered states (0.03 s). A state is
    rendered before its migration is unapplied, as the executor's are, unless at most one of the
    migration's operations touches the database: a rendered state re-renders models for every
    operation, an unrendered one only for those that need models (campaigns/0007 and
    registry/0001 only move models between the apps' states: 1 s each rendered, 0.1 s not).
    """
    plan = executor.migration_plan(targets)
    assert plan and all(backwards for _, backwards in plan), plan
    loader = executor.loader
    unapply = {migration for migration, _ in plan}
    applied = {loader.graph.nodes[key] for key in loader.applied_migrations if key in loader.graph}
    state = ProjectState(real_apps=loader.unmigrated_apps)
    after = ProjectState(real_apps=loader.unmigrated_apps)
    before = {}
    for migration, _ in executor.migration_plan(loader.graph.leaf_nodes(), clean_start=True):
        if migration in unapply:
            before[migration] = state
            state = migration.mutate_state(state, preserve=True)
        elif migration in applied:
            migration.mutate_state(state, preserve=False)
            migration.mutate_state(after, preserve=False)
    for migration, _ in plan:
        if sum(map(touches_the_database, migration.operations)) > 1:
            before[migration].apps  # noqa: B018 (renders the models)
        with connection.schema_editor(atomic=migration.atomic) as schema_editor:
            migration.unapply(before[migration], schema_editor)
        executor.record_migration(migration.app_label, migration.name, forward=False)
    ContentType.objects.clear_cache()
    return after.apps


def touches_the_database(operation):
    return not isinstance(operation, SeparateDatabaseAndState) or bool(
        operation.database_operations
    )


def migrate_forward(executor):
    """Migrate every app to its latest migration with Django's executor, as `manage.py migrate`
    does: the move under test runs as it runs on a real database."""
    executor.loader.build_graph()  # reads which migrations are applied now
    executor.migrate(executor.loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()
