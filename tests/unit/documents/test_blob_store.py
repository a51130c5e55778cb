"""Attachment copies: content-addressed, private, atomic, deduplicated, collected."""

from __future__ import annotations

import hashlib
import os
import stat
import time
from pathlib import Path

import pytest

from chatapp.documents.blob_store import (
    BlobError,
    BlobMissingError,
    BlobStore,
    StoredBlob,
    is_sha256,
)
from chatapp.paths import AppPaths


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_put_keeps_the_bytes_under_their_hash_privately(app_paths: AppPaths) -> None:
    blobs = BlobStore(app_paths.attachments_dir)
    data = b"The lighthouse keeper's log, 1893.\n"
    stored = blobs.put(data)
    digest = hashlib.sha256(data).hexdigest()
    assert stored == StoredBlob(digest, len(data))
    path = app_paths.data_dir / "attachments" / digest[:2] / digest
    assert path.read_bytes() == data
    assert blobs.path_of(digest) == path
    assert blobs.read(digest) == data and blobs.has(digest)
    if os.name == "posix":
        assert mode(path) == 0o600
        assert mode(path.parent) == 0o700 and mode(app_paths.attachments_dir) == 0o700
    # Nothing but the blob is left behind (no temporary files).
    assert sorted(p.name for p in app_paths.attachments_dir.rglob("*")) == sorted(
        [digest[:2], digest])


def test_the_same_content_is_kept_once(tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path / "attachments")
    source = tmp_path / "notes.txt"
    source.write_bytes(b"same words" * 1000)
    first = blobs.put_file(source)
    again = blobs.put(source.read_bytes())
    copy = tmp_path / "renamed copy.md"
    copy.write_bytes(source.read_bytes())
    assert blobs.put_file(copy) == first == again
    assert list(blobs.blobs()) == [first.sha256]
    other = blobs.put(b"other words")
    assert sorted(blobs.blobs()) == sorted([first.sha256, other.sha256])


def test_a_large_file_is_copied_in_pieces_and_hashed_on_the_way(tmp_path: Path) -> None:
    source = tmp_path / "big.pdf"
    data = os.urandom(3 * 1024 * 1024 + 17)  # more than one read
    source.write_bytes(data)
    blobs = BlobStore(tmp_path / "attachments")
    stored = blobs.put_file(source)
    assert stored == StoredBlob(hashlib.sha256(data).hexdigest(), len(data))
    assert blobs.read(stored.sha256) == data


def test_a_file_over_the_limit_is_refused_and_leaves_nothing(tmp_path: Path) -> None:
    source = tmp_path / "huge.txt"
    source.write_bytes(b"x" * 5000)
    root = tmp_path / "attachments"
    with pytest.raises(BlobError, match=r"huge\.txt is larger than 4,096 bytes"):
        BlobStore(root).put_file(source, max_bytes=4096)
    assert [p for p in root.rglob("*") if p.is_file()] == []


def test_a_missing_or_unreadable_source_says_which(tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path / "attachments")
    with pytest.raises(BlobError, match=r"gone\.txt could not be read"):
        blobs.put_file(tmp_path / "gone.txt")
    with pytest.raises(BlobError, match=r"a folder could not be read"):
        (tmp_path / "a folder").mkdir()
        blobs.put_file(tmp_path / "a folder")


def test_a_missing_or_damaged_copy_is_reported(tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path / "attachments")
    stored = blobs.put(b"original text")
    blobs.path_of(stored.sha256).write_bytes(b"changed by hand")
    with pytest.raises(BlobMissingError, match="damaged"):
        blobs.read(stored.sha256)
    blobs.path_of(stored.sha256).unlink()
    with pytest.raises(BlobMissingError, match="missing"):
        blobs.read(stored.sha256)
    assert not blobs.has(stored.sha256)


def test_names_that_are_not_hashes_are_refused(tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path / "attachments")
    assert not is_sha256("../../etc/passwd") and not is_sha256("AB" * 32)
    with pytest.raises(ValueError, match="SHA-256"):
        blobs.path_of("../" + "a" * 61)
    assert not blobs.has("not a hash")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="needs POSIX permissions that bind (not root)")
def test_a_folder_that_cannot_be_written_gives_a_clear_error(tmp_path: Path) -> None:
    root = tmp_path / "attachments"
    root.mkdir()
    root.chmod(0o500)
    try:
        with pytest.raises(BlobError, match="could not be kept"):
            BlobStore(root).put(b"text")
    finally:
        root.chmod(0o700)


def test_unreferenced_blobs_are_removed_after_the_grace_period(tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path / "attachments")
    kept = blobs.put(b"still attached to a message")
    orphan = blobs.put(b"its chat was deleted")
    young = blobs.put(b"being attached right now")
    old = time.time() - 7200
    for stored in (kept, orphan):
        os.utime(blobs.path_of(stored.sha256), (old, old))
    leftover = blobs.root / ".incoming-crashed.tmp"
    leftover.write_bytes(b"half")
    os.utime(leftover, (old, old))

    assert blobs.remove_unreferenced({kept.sha256}) == 1
    assert blobs.has(kept.sha256) and blobs.has(young.sha256)
    assert not blobs.has(orphan.sha256)
    assert not leftover.exists()
    # With no grace period the young one goes too; folders left empty go with them.
    assert blobs.remove_unreferenced(set(), grace_period_s=0) == 2
    assert list(blobs.blobs()) == []
    assert list(blobs.root.iterdir()) == []


def test_putting_a_kept_blob_again_renews_it(tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path / "attachments")
    stored = blobs.put(b"attached long ago, and again today")
    old = time.time() - 7200
    os.utime(blobs.path_of(stored.sha256), (old, old))
    blobs.put(b"attached long ago, and again today")
    # A collection running before today's message is saved must not take it.
    assert blobs.remove_unreferenced(set()) == 0
    assert blobs.has(stored.sha256)


def test_collecting_an_absent_folder_does_nothing(tmp_path: Path) -> None:
    assert BlobStore(tmp_path / "never made").remove_unreferenced(set()) == 0
    assert list(BlobStore(tmp_path / "never made").blobs()) == []
