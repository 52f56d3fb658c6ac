#!/usr/bin/env python3
"""Checks a conformance transcript against chatkit-python's own pydantic types.

Usage: python3 validate.py CHATKIT_PYTHON_DIR TRANSCRIPT.json
CHATKIT_PYTHON_DIR holds chatkit-python's `chatkit` package (commit dacc133 for the committed transcript); only
pydantic (2.x) and typing_extensions are needed. Each entry {step, model, value} must validate as `model`
(ThreadStreamEvent, Thread, Page[Thread], Page[ThreadItem], Attachment, TranscriptionResult, or {} for an
empty object), and dumping the parsed
value again (mode json, exclude_none) must give back exactly `value`: no field missing, extra, renamed or of
another shape. Exits 1 and names each entry that fails.
"""
import json
import sys

sys.path.insert(0, sys.argv[1])
from pydantic import TypeAdapter  # noqa: E402
from chatkit import types  # noqa: E402

MODELS = {
    "ThreadStreamEvent": TypeAdapter(types.ThreadStreamEvent),
    "Thread": TypeAdapter(types.Thread),
    "Page[Thread]": TypeAdapter(types.Page[types.Thread]),
    "Page[ThreadItem]": TypeAdapter(types.Page[types.ThreadItem]),
    "Attachment": TypeAdapter(types.Attachment),
    "TranscriptionResult": TypeAdapter(types.TranscriptionResult),
}


def main():
    with open(sys.argv[2], encoding="utf-8") as f:
        transcript = json.load(f)
    failures = 0
    for i, entry in enumerate(transcript):
        where = f"entry {i} ({entry['step']}, {entry['model']})"
        value = entry["value"]
        if entry["model"] == "{}":
            if value != {}:
                failures += 1
                print(f"{where}: expected {{}}, got {value}")
            continue
        adapter = MODELS[entry["model"]]
        try:
            parsed = adapter.validate_python(value)
        except Exception as e:  # pydantic.ValidationError, reported with the entry
            failures += 1
            print(f"{where}: does not validate: {e}")
            continue
        again = adapter.dump_python(parsed, mode="json", exclude_none=True)
        if again != value:
            failures += 1
            print(f"{where}: differs after a round trip\n  ours:   {json.dumps(value, sort_keys=True)}\n"
                  f"  theirs: {json.dumps(again, sort_keys=True)}")
    print(f"{len(transcript)} entries, {failures} failing")
    sys.exit(1 if failures else 0)


main()
