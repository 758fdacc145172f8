"""Scales the demo content to 100,000 stories over 60 neighbourhoods with bulk inserts (bench/stories.py).

Run by hand against the benchmark database (never a real one):
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/mahalleh_bench .venv/bin/python bench/generate_stories.py
"""

import argparse
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/mahalleh_bench")

import django

django.setup()

from django.core.management import call_command  # noqa: E402

from bench.stories import NEIGHBOURHOODS, add_stories  # noqa: E402
from cms.demo.content import load_demo_content  # noqa: E402
from cms.models import ArticlePage  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=100_000)
    parser.add_argument("--neighbourhoods", type=int, default=NEIGHBOURHOODS)
    parser.add_argument("--seed", type=int, default=6)
    options = parser.parse_args()
    call_command("migrate", verbosity=0)
    if not ArticlePage.objects.exists():
        print(f"Loaded {load_demo_content()} demo stories.")
    print(f"Adding stories up to {options.stories:,} over {options.neighbourhoods} neighbourhoods.")
    added = add_stories(options.stories, rng=random.Random(options.seed), neighbourhoods=options.neighbourhoods)
    print(f"Added {added:,} stories; {ArticlePage.objects.count():,} in all.")


if __name__ == "__main__":
    main()
