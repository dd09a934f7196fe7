"""python manage.py recommend FILE [--format json|text] [--save] [--pdf PATH] [--language id|en]

Reads answers (FILE, or - for standard input), prints the result against today's catalog.
Invalid answers: exit status 2 and one line per bad field on standard error.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation

from assessment import services
from assessment.presentation import (
    APPROACH,
    CUSTOMIZATION,
    LEVEL,
    LOCATION,
    MODEL,
    RISK,
    SPECIALISATION,
    STAGE,
    WORK_SYSTEM,
    label,
)


class Command(BaseCommand):
    help = "Recommend an outsourcing model and vendors for the answers in FILE."

    def add_arguments(self, parser):
        parser.add_argument("file", help="answers JSON file, or - for standard input")
        parser.add_argument("--format", choices=("json", "text"), default="json")
        parser.add_argument("--save", action="store_true", help="store the assessment")
        parser.add_argument("--pdf", metavar="PATH", help="also write the PDF report here")
        parser.add_argument(
            "--language",
            choices=[code for code, _n in settings.LANGUAGES],
            default=settings.LANGUAGE_CODE,
        )

    def handle(
        self, *args, file: str, format: str, save: bool, pdf: str | None, language: str, **options
    ):
        translation.activate(language)
        data = self._read(file)
        try:
            if save:
                assessment = services.assessment_create(data=data, language=language)
            elif pdf:
                assessment = services.assessment_build(data=data, language=language)
            else:
                assessment = None
            result_data = (
                assessment.result if assessment else services.assessment_evaluate(data).result_data
            )
        except services.InvalidAnswers as exc:
            for path, problems in exc.errors.items():
                for problem in problems:
                    self.stderr.write(f"{path}: {problem}")
            sys.exit(2)
        result = services.result_render(result_data)
        if format == "json":
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(self._text(result))
        if assessment is not None and save:
            url = settings.SITE_URL.rstrip("/") + assessment.result_url()
            self.stderr.write(url)
        if assessment is not None and pdf:
            from assessment.pdf import render_pdf

            try:
                Path(pdf).write_bytes(render_pdf(assessment, language))
            except OSError as exc:
                self._fail(f"{pdf}: cannot write the PDF ({exc.strerror or exc})")
            self.stderr.write(f"PDF: {pdf}")

    def _fail(self, message: str):
        """One plain line on standard error and exit status 2: bad input, never a traceback."""
        self.stderr.write(message)
        sys.exit(2)

    def _read(self, file: str):
        """The answers file, read at most MAX_INPUT bytes (so /dev/zero or a huge file ends),
        decoded as UTF-8, parsed with the API's own depth check."""
        from assessment.api import MAX_BODY, _too_deep

        try:
            if file == "-":
                stream = getattr(sys.stdin, "buffer", sys.stdin)  # bytes, or text when replaced
                raw = stream.read(MAX_BODY + 1)
                raw = raw.encode("utf-8") if isinstance(raw, str) else raw
            else:
                with open(file, "rb") as handle:
                    raw = handle.read(MAX_BODY + 1)
        except OSError as exc:
            self._fail(f"{file}: {exc.strerror or exc}")
        if len(raw) > MAX_BODY:
            self._fail(f"{file}: larger than {MAX_BODY // 1024} KB; answers are far smaller")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            self._fail(f"{file}: not UTF-8 text")
        if _too_deep(text):
            self._fail(f"{file}: the JSON nests too deeply")
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            self._fail(f"{file}: not valid JSON ({exc.msg}, line {exc.lineno})")
        except (ValueError, RecursionError):
            self._fail(f"{file}: not valid JSON (a number too long to read)")

    def _text(self, result: dict) -> str:
        rec = result["recommendation"]
        lines = [
            f"{label(APPROACH, rec['approach'])}: {label(MODEL, rec['model'])}"
            + (
                f" · {label(SPECIALISATION, rec['specialisation'])}"
                if rec["specialisation"]
                else ""
            ),
            f"{label(LOCATION, rec['location'])} · {label(WORK_SYSTEM, rec['work_system'])} · "
            f"{label(CUSTOMIZATION, rec['customization'])} · {round(rec['confidence'] * 100)}%",
            "",
        ]
        lines += [f"- {r['explanation']}" for r in rec["rationale"]]
        lines.append("")
        for i, v in enumerate(result["vendors"][:10], 1):
            lines.append(f"{i:>2}. {v['name']} ({v['score']})")
        for e in result["excluded"]:
            lines.append(f" x  {e['name']}: {'; '.join(e['reasons'])}")
        lines.append("")
        for r in result["risks"]:
            lines.append(f"{label(RISK, r['risk'])}: {label(LEVEL, r['level'])}")
        for s in result["roadmap"]:
            lines.append(f"{label(STAGE, s['stage'])}: {s['actions'][0]}")
        return "\n".join(str(line) for line in lines)
