"""The model hub: search, repository listings, remote GGUF headers and resumable downloads.

No Qt here: the UI runs these on worker threads. huggingface_hub is the transport.
"""

from chatapp.hub.client import (
    DEFAULT_ENDPOINT,
    GgufModel,
    HubClient,
    RemoteFile,
    RepoFile,
    RepoListing,
    RepoSummary,
    SearchPage,
)
from chatapp.hub.downloads import (
    DownloadEvent,
    DownloadManager,
    DownloadRequest,
    DownloadState,
    DownloadStatus,
)
from chatapp.hub.errors import HubError
from chatapp.hub.remote_header import RemoteHeader, read_model_header, read_remote_header

__all__ = [
    "DEFAULT_ENDPOINT",
    "DownloadEvent",
    "DownloadManager",
    "DownloadRequest",
    "DownloadState",
    "DownloadStatus",
    "GgufModel",
    "HubClient",
    "HubError",
    "RemoteFile",
    "RemoteHeader",
    "RepoFile",
    "RepoListing",
    "RepoSummary",
    "SearchPage",
    "read_model_header",
    "read_remote_header",
]
