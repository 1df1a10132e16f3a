"""Synthetic chronologies in the real data format, for the benchmark.

make_project(folder, n) writes a complete project (mkdocs.yml, docs/, hooks/ and a data/
folder with n events spread evenly over the four real phases, each citing two sources).
Deterministic: the same n gives the same files.
"""

from __future__ import annotations

import datetime
import random
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
WORDS = ("export control licence chemical semiconductor ministry court ruling compensation white "
         "list talks summit agreement trade dispute government restriction measure photoresist "
         "hydrogen fluoride polyimide Seoul Tokyo Washington security").split()  # noqa: SIM905


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def make_project(folder: Path, n: int) -> Path:
    for name in ("docs", "hooks"):
        shutil.copytree(ROOT / name, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    data = folder / "data"
    (data / "events").mkdir(parents=True)
    for name in ("phases", "actors", "topics", "glossary"):
        shutil.copy(ROOT / "data" / f"{name}.yaml", data / f"{name}.yaml")
    phases = yaml.safe_load((data / "phases.yaml").read_text("utf-8"))
    actors = [a["id"] for a in yaml.safe_load((data / "actors.yaml").read_text("utf-8"))]
    topics = [t["id"] for t in yaml.safe_load((data / "topics.yaml").read_text("utf-8"))]
    rng = random.Random(n)
    sources = []
    for phase in phases:
        end = datetime.date.fromisoformat(phase["end"])
        for k in range(2):
            sources.append({"id": f"wire-{phase['id']}-{k}", "outlet": f"Wire {k}",
                            "title": f"Report on {phase['title']}",
                            "published": (end + datetime.timedelta(days=1 + k)).isoformat()})
    (data / "sources.yaml").write_text(yaml.safe_dump(sources, allow_unicode=True), "utf-8")
    for i in range(n):
        phase = phases[i % len(phases)]
        start = datetime.date.fromisoformat(phase["start"])
        span = (datetime.date.fromisoformat(phase["end"]) - start).days
        day = start + datetime.timedelta(days=rng.randrange(span + 1))
        event = {
            "date": day.isoformat(),
            "date_basis": {"kind": "record", "not_found": "Synthetic event for the benchmark."},
            "title": f"Synthetic event {i}: " + _sentence(rng, 6)[:-1],
            "summary": _sentence(rng, 45),
            "phase": phase["id"],
            "actors": rng.sample(actors, 2),
            "topics": rng.sample(topics, 2),
            "citations": [{"source": f"wire-{phase['id']}-{k}", "quote": _sentence(rng, 22)}
                          for k in range(2)],
        }
        (data / "events" / f"synthetic-{i:05d}.yaml").write_text(
            yaml.safe_dump(event, allow_unicode=True, sort_keys=False), "utf-8")
    return folder
