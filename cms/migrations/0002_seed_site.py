"""Every Mahalleh site starts with its front page as the site root and the programme's topics."""

from django.db import migrations

TOPICS = [
    ("housing", "مسکن", "Housing"),
    ("employment", "اشتغال", "Employment"),
    ("health", "بهداشت و درمان", "Health"),
    ("education", "آموزش", "Education"),
    ("social-security", "تأمین اجتماعی", "Social security"),
    ("local-economy", "اقتصاد محلی و بازارچه‌ها", "Local economy and markets"),
    ("culture", "فرهنگ", "Culture"),
    ("urban-services", "خدمات شهری", "Urban services"),
    ("environment", "محیط زیست", "Environment"),
    ("sports", "ورزش", "Sports"),
]


def seed_topics(apps, schema_editor):
    Topic = apps.get_model("cms", "Topic")
    for order, (slug, name_fa, name_en) in enumerate(TOPICS):
        Topic.objects.get_or_create(slug=slug, defaults={"name_fa": name_fa, "name_en": name_en, "sort_order": order})


def create_home_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Locale = apps.get_model("wagtailcore", "Locale")
    HomePage = apps.get_model("cms", "HomePage")

    # Wagtail's own first migration leaves a placeholder "Welcome" page at depth 2.
    Page.objects.filter(depth=2, content_type__app_label="wagtailcore", content_type__model="page").delete()
    home_type, _ = ContentType.objects.get_or_create(app_label="cms", model="homepage")
    root = Page.objects.get(depth=1)
    home = HomePage.objects.create(
        title="محله",
        draft_title="محله",
        slug="home",
        content_type=home_type,
        path=f"{root.path}0001",
        depth=2,
        numchild=0,
        url_path="/home/",
        live=True,
        locale=Locale.objects.first(),
    )
    root.numchild = 1
    root.save(update_fields=["numchild"])
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="محله")


class Migration(migrations.Migration):
    dependencies = [("cms", "0001_initial")]

    operations = [
        migrations.RunPython(seed_topics, migrations.RunPython.noop),
        migrations.RunPython(create_home_page, migrations.RunPython.noop),
    ]
