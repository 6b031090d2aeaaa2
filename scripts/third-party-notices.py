#!/usr/bin/env python3
"""Writes THIRD-PARTY-NOTICES.txt for the installers: the fonts and the colour profile Kirjaamo
embeds, with their licences, and every Rust crate compiled into the executable for the target
given, with its licence expression and the licence and notice files it ships.

    scripts/third-party-notices.py x86_64-pc-windows-gnu > THIRD-PARTY-NOTICES.txt

Uses `cargo metadata` (the crates' sources are in cargo's registry after a build). Identical
licence texts are written once and referred to after."""

import hashlib
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
LICENSE_NAMES = ("license", "licence", "copying", "notice", "copyright", "authors")


def crates(target):
    meta = json.loads(
        subprocess.run(
            ["cargo", "metadata", "--format-version", "1", "--locked", "--filter-platform", target],
            cwd=ROOT, check=True, capture_output=True, text=True,
        ).stdout
    )
    packages = {p["id"]: p for p in meta["packages"]}
    nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
    root = meta["resolve"]["root"]
    # What the executable links: normal dependencies, followed from the root (no dev- or
    # build-only crates).
    seen, stack = set(), [root]
    while stack:
        node = nodes[stack.pop()]
        for dep in node["deps"]:
            if any(k["kind"] is None for k in dep["dep_kinds"]) and dep["pkg"] not in seen:
                seen.add(dep["pkg"])
                stack.append(dep["pkg"])
    return sorted((packages[i] for i in seen), key=lambda p: (p["name"], p["version"]))


def licence_files(package):
    folder = pathlib.Path(package["manifest_path"]).parent
    files = [f for f in sorted(folder.iterdir()) if f.is_file() and f.name.lower().startswith(LICENSE_NAMES)]
    if package.get("license_file"):
        extra = folder / package["license_file"]
        if extra.is_file() and extra not in files:
            files.append(extra)
    return files


def main():
    target = sys.argv[1] if len(sys.argv) > 1 else "x86_64-unknown-linux-gnu"
    out = sys.stdout
    out.write("Kirjaamo: third-party notices\n=============================\n\n")
    out.write("Kirjaamo itself is licensed under the EUPL-1.2 (LICENSE.txt). It contains the works below.\n\n")
    out.write("1. Fonts\n\n   Liberation Sans 2.1.5, Regular and Bold\n")
    out.write("Digitized data copyright (c) 2010 Google Corporation.\nCopyright (c) 2012 Red Hat, Inc.\n")
    out.write("Licensed under the SIL Open Font License, Version 1.1:\n\n")
    out.write((ROOT / "assets/fonts/OFL-1.1.txt").read_text(encoding="utf-8"))
    out.write("\n   DejaVu Sans Symbols, a subset of DejaVu Sans 2.37 (symbols, arrows, mathematical signs), renamed\n")
    out.write("as the Bitstream Vera licence asks of a modified font:\n\n")
    out.write((ROOT / "assets/fonts/DejaVu-LICENSE.txt").read_text(encoding="utf-8"))
    out.write("\n   Noto Emoji (monochrome), from the epaint_default_fonts crate: Copyright 2013 Google LLC,\n")
    out.write("licensed under the SIL Open Font License, Version 1.1 (the text above).\n")
    out.write("\n   Noto Sans Arabic 2.005 and Noto Sans Thai 2.000, Regular, without hinting: Copyright 2015-2020\n")
    out.write("and 2016 Google LLC, licensed under the SIL Open Font License, Version 1.1 (the text above).\n")
    out.write("\n2. Colour profile: sRGB.icc from ICC Profiles Free 2.0.1\n")
    out.write("Copyright Kai-Uwe Behrmann, Marti Maria and others. Licensed under the zlib licence:\n\n")
    out.write((ROOT / "assets/icc/Zlib.txt").read_text(encoding="utf-8"))
    out.write("\n3. Rust crates compiled into kirjaamo\n\n")
    written = {}
    listed = crates(target)
    for package in listed:
        out.write(f"--- {package['name']} {package['version']}: {package.get('license') or 'see the files below'}\n")
        if package.get("repository"):
            out.write(f"    {package['repository']}\n")
        for path in licence_files(package):
            text = path.read_text(encoding="utf-8", errors="replace")
            digest = hashlib.sha256(text.strip().encode()).hexdigest()
            if digest in written:
                out.write(f"    {path.name}: the same text as {written[digest]}\n")
                continue
            written[digest] = f"{path.name} of {package['name']} {package['version']}"
            out.write(f"\n    {path.name}:\n\n{text.rstrip()}\n\n")
        out.write("\n")
    print(f"{len(listed)} crates, {len(written)} distinct licence texts", file=sys.stderr)


if __name__ == "__main__":
    main()
