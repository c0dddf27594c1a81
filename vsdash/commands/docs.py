"""``python -m vsdash docs``: regenerate the generated documentation (data dictionary, CLI help)."""

from __future__ import annotations


def cli_markdown() -> str:
    """The help text of every command, as Markdown (``docs/cli.md``)."""
    import os

    from vsdash.cli import build_parser

    os.environ["COLUMNS"] = "100"  # argparse wraps to the terminal; pin it so the file is stable
    parser = build_parser()
    lines = [
        "# Opdrachtregel (CLI)",
        "",
        "Gegenereerd met `python -m vsdash docs`; niet met de hand bewerken.",
        "",
        "```",
        parser.format_help().rstrip(),
        "```",
        "",
    ]
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    for name, command in sub.choices.items():
        lines += [f"## `python -m vsdash {name}`", "", "```", command.format_help().rstrip(), "```", ""]
    return "\n".join(lines)


def register(sub) -> None:
    p = sub.add_parser(
        "docs", help="Schrijf docs/data-dictionary.md, docs/cli.md en docs/indicatoren.md opnieuw"
    )
    p.set_defaults(func=run)


def run(args) -> int:
    from vsdash.indicators import catalogue_markdown
    from vsdash.schema import data_dictionary_markdown
    from vsdash.settings import PROJECT_ROOT

    docs = PROJECT_ROOT / "docs"
    (docs / "data-dictionary.md").write_text(data_dictionary_markdown() + "\n", encoding="utf-8")
    (docs / "cli.md").write_text(cli_markdown() + "\n", encoding="utf-8")
    (docs / "indicatoren.md").write_text(catalogue_markdown() + "\n", encoding="utf-8")
    print("docs/data-dictionary.md, docs/cli.md en docs/indicatoren.md bijgewerkt")
    return 0
