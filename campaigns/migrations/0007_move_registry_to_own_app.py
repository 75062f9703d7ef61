"""The member registry's models leave the `campaigns` app for their own app, `registry`
(campaigns/registry/). Only Django's idea of which app owns them changes here: the tables, rows,
constraints and indexes stay as they are (the models keep their table names). The registry's first
migration takes the models over and moves their content types (and so every permission and group
that holds one, and every admin log entry) to the new app label."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0006_verbose_name_plural"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name="consentrecord",
                    name="notice",
                ),
                migrations.RemoveField(
                    model_name="consentrecord",
                    name="signup",
                ),
                migrations.RemoveField(
                    model_name="consentrecord",
                    name="source_page",
                ),
                migrations.RemoveField(
                    model_name="consentrecord",
                    name="submission",
                ),
                migrations.RemoveField(
                    model_name="consentrecord",
                    name="withdrawn_by",
                ),
                migrations.RemoveField(
                    model_name="forwarding",
                    name="signup",
                ),
                migrations.DeleteModel(
                    name="MembershipTarget",
                ),
                migrations.RemoveConstraint(
                    model_name="membersignup",
                    name="campaigns_membersignup_unique_phone",
                ),
                migrations.RemoveField(
                    model_name="statuschange",
                    name="signup",
                ),
                migrations.RemoveField(
                    model_name="signupsubmission",
                    name="signup",
                ),
                migrations.RemoveField(
                    model_name="privacynotice",
                    name="created_by",
                ),
                migrations.RemoveField(
                    model_name="signupsubmission",
                    name="notice",
                ),
                migrations.DeleteModel(
                    name="ProvinceForwardAddress",
                ),
                migrations.RemoveField(
                    model_name="registryexport",
                    name="user",
                ),
                migrations.RemoveField(
                    model_name="signupsubmission",
                    name="reviewed_by",
                ),
                migrations.RemoveField(
                    model_name="signupsubmission",
                    name="source_page",
                ),
                migrations.RemoveField(
                    model_name="statuschange",
                    name="changed_by",
                ),
                migrations.DeleteModel(
                    name="ConsentRecord",
                ),
                migrations.DeleteModel(
                    name="Forwarding",
                ),
                migrations.RemoveField(
                    model_name="membersignup",
                    name="source_page",
                ),
                migrations.DeleteModel(
                    name="PrivacyNotice",
                ),
                migrations.DeleteModel(
                    name="RegistryExport",
                ),
                migrations.DeleteModel(
                    name="SignupSubmission",
                ),
                migrations.DeleteModel(
                    name="StatusChange",
                ),
                migrations.DeleteModel(
                    name="MemberSignup",
                ),
            ],
            database_operations=[],
        ),
    ]
