"""Every message the pipeline shows a user, numbered (after spaCy's ``Errors`` module).

Codes are stable: tests, the errors file and the README refer to them.  A code is
never reused for a different meaning.
"""
from __future__ import annotations


class Errors:
    # input (E0xx)
    E001 = "Input path does not exist: {path}"
    E002 = "Cannot decode {path}: not UTF-8/UTF-16/Windows-1256/ISO-8859-6 text ({detail})"
    E003 = "Empty article (no text after stripping whitespace) in {path}"
    E004 = "Invalid JSON in {path}: {detail}"
    E005 = "JSON object in {path} has no article text: expected a string field 'text' or 'content'"
    E006 = "Unsupported input type {suffix!r} for {path}: expected .txt, .json, .jsonl or .zip"
    E007 = "Skipped {path}: symbolic link pointing outside the input folder"
    E008 = "Bad zip archive {path}: {detail}"
    E009 = "Cannot read {path}: {detail}"
    E010 = "JSON value in {path} is a {kind}, not an object or an array of objects"
    # records between stages (E1xx)
    E101 = "Line {line} is not valid JSON: {detail}"
    E102 = "Record {id} lacks {missing} required by stage {stage!r} (run the earlier stages first)"
    E103 = "Record {id} fails the record schema: {detail}"
    E104 = "Record {id}: span {where} is out of range or does not match the text: {detail}"
    E105 = "Line {line} holds a JSON {kind}, not a record object"
    # pipeline / models / backends (E2xx)
    E201 = "Unknown stage {name!r}; known stages: {known}"
    E202 = "Stage {stage!r} requires {missing}, which no earlier stage provides (pipeline: {order})"
    E203 = "Unknown NER backend {name!r}; choose one of: {known}"
    E204 = "NER backend {name!r} is not available: {detail}"
    E205 = "Model file missing or unreadable: {path} ({detail}). Rebuild it with `make models`."
    E206 = "Model at {path} is corrupt or incompatible: {detail}. Rebuild it with `make models`."
    E207 = "Stage {stage!r} failed on record {id}: {detail}"
    # output (E3xx)
    E301 = "Output directory {path} is not writable: {detail}"
    E302 = "Writing {path} failed: {detail}. The run is incomplete; no feed was published."
    E303 = "Count check failed: {n_in} inputs but {n_out} records + {n_err} errors"
    E304 = "Unknown export format {fmt!r}; choose parquet, csv or plover"
    E305 = "No pipeline run found in {path} (expected feed.jsonl)"
    # engines, batch runs, reports (E31x)
    E310 = "Unknown engine {name!r}; choose local or dask"
    E311 = "Cannot start or reach the Dask cluster {address}: {detail}"
    E312 = "A worker process failed: {detail}. The run is incomplete; no feed was published."
    E313 = "--workers must be a positive number, not {n}"
    E314 = "--chunk-size must be a positive number, not {n}"
    E315 = "Output folder {path} is in use by another run (process {pid}); wait for it to finish or choose another --out"


class PipelineError(Exception):
    """An error with a numbered, human-readable message.  The CLI prints
    ``code: message`` on one line and exits non-zero; no traceback."""

    def __init__(self, code: str, **kwargs):
        self.code = code
        self.kwargs = kwargs
        template = getattr(Errors, code)
        super().__init__(f"{code}: {template.format(**kwargs)}")

    @property
    def message(self) -> str:
        return str(self)


class RecordError(PipelineError):
    """A problem with one record or one input: it goes to errors.jsonl and the
    batch goes on."""
