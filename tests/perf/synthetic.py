"""Synthetic chronologies in the real data format, for the benchmark.

make_project(folder, n) writes a complete project (mkdocs.yml, docs/, hooks/ and a data/
folder with n events spread evenly over the four real phases, each citing two sources).
Deterministic: the same n gives the same files.
"""

from __future__ import annotations

import datetime
import random
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "hooks"))
from chronology.translations.specs import fingerprint  # noqa: E402

WORDS = ("export control licence chemical semiconductor ministry court ruling compensation white "
         "list talks summit agreement trade dispute government restriction measure photoresist "
         "hydrogen fluoride polyimide Seoul Tokyo Washington security").split()  # noqa: SIM905


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


KOREAN = ("한국 일본 정부 수출 규제 화이트리스트 대법원 판결 배상 기업 협의 세계무역기구 반도체 소재 "
          "불화수소 포토레지스트 안보 외교부 장관 대통령 총리 발표 조치 해제 복원 회담").split()
JAPANESE = ("日本 韓国 政府 輸出 規制 ホワイト国 大法院 判決 賠償 企業 協議 世界貿易機関 半導体 素材 "
            "フッ化水素 レジスト 安全保障 外務省 大臣 大統領 首相 発表 措置 解除 回復 会談").split()


PARTICLES = ("の", "を", "に", "は", "が", "と", "で", "、")


def _cjk(rng: random.Random, words: list[str], count: int, space: str) -> str:
    """Korean words between spaces; Japanese words between particles, as the languages write."""
    if space:
        return space.join(rng.choice(words) for _ in range(count)) + "다."
    return "".join(rng.choice(words) + rng.choice(PARTICLES) for _ in range(count))[:-1] + "。"


def _translation(rng: random.Random, lang: str, event: dict[str, Any]) -> dict[str, Any]:
    """An event's translation into `lang`, of the event's own length, by a machine, unreviewed."""
    words, space = (KOREAN, " ") if lang == "ko" else (JAPANESE, "")
    return {
        "translator": {"how": "machine", "reviewed": False},
        "title": {"text": _cjk(rng, words, 6, space), "of": fingerprint(event["title"])},
        "summary": {"text": _cjk(rng, words, 45, space), "of": fingerprint(event["summary"])},
        "citations": [{"quote": c["quote"], "translation": _cjk(rng, words, 22, space)}
                      for c in event["citations"]],
    }


def make_project(folder: Path, n: int, editions: bool = False) -> Path:
    """A project of n synthetic events; `editions`: with the Korean and Japanese editions'
    configs, the real translations of the phases, actors, topics, glossary and the site's words,
    and a machine translation of every event."""
    for name in ("docs", "hooks"):
        shutil.copytree(ROOT / name, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
    for config in ROOT.glob("mkdocs*.yml") if editions else [ROOT / "mkdocs.yml"]:
        shutil.copy(config, folder / config.name)
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
        for lang in ("ko", "ja") if editions else ():
            folder_ = data / "i18n" / lang / "events"
            folder_.mkdir(parents=True, exist_ok=True)
            (folder_ / f"synthetic-{i:05d}.yaml").write_text(yaml.safe_dump(
                _translation(rng, lang, event), allow_unicode=True, sort_keys=False), "utf-8")
    for lang in ("ko", "ja") if editions else ():
        for name in ("phases", "actors", "topics", "glossary", "ui"):
            shutil.copy(ROOT / "data" / "i18n" / lang / f"{name}.yaml",
                        data / "i18n" / lang / f"{name}.yaml")
    return folder
