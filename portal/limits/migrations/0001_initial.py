from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Counter",
            fields=[
                ("key", models.CharField(max_length=100, primary_key=True, serialize=False)),
                ("hits", models.PositiveIntegerField(default=0)),
                ("expires", models.FloatField(db_index=True)),
            ],
            options={
                "verbose_name": "bộ đếm giới hạn",
                "verbose_name_plural": "Bộ đếm giới hạn",
            },
        ),
        migrations.CreateModel(
            name="UsedToken",
            fields=[
                ("nonce", models.CharField(max_length=64, primary_key=True, serialize=False)),
                ("expires", models.FloatField(db_index=True)),
                ("fingerprint", models.CharField(blank=True, max_length=64)),
            ],
            options={
                "verbose_name": "mã biểu mẫu đã dùng",
                "verbose_name_plural": "Mã biểu mẫu đã dùng",
            },
        ),
    ]
