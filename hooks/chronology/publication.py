"""What the pages say about the publication itself, beside the data: its name and address, the
version built, when each record last changed, and where to report an error.

The report link opens a new issue in the project's repository, its title and text prefilled
with what the error is about. The repository is `extra.repository` in mkdocs.yml (REPOSITORY_URL
when building; the Pages workflow gives the repository's own address). Not MkDocs' `repo_url`:
Material would then fetch the repository's star count from the host's API in every reader's
browser, a request to another site. Where none is configured, no page offers a report link.

Pure: no I/O, no MkDocs.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

from .history import History


@dataclass(frozen=True)
class Publication:
    name: str = ""  # the site's name (site_name), in the edition's language
    base: str = ""  # the edition's published address (site_url), or ""
    repository: str = ""  # the project's repository (extra.repository), or ""
    history: History = field(default_factory=History)

    @property
    def version(self) -> datetime.date | None:
        """The day of the version built (SOURCE_DATE_EPOCH): the last commit's."""
        return self.history.version

    def report_url(self, title: str, body: str) -> str:
        """A new issue in the repository with this title and text, or "" without one."""
        if not self.repository:
            return ""
        root = self.repository.rstrip("/")
        title_, body_ = quote(title, safe=""), quote(body, safe="")
        if "gitlab" in urlsplit(root).netloc:
            return f"{root}/-/issues/new?issue%5Btitle%5D={title_}&issue%5Bdescription%5D={body_}"
        # GitHub, Codeberg, Gitea and Forgejo take the same two parameters.
        return f"{root}/issues/new?title={title_}&body={body_}"


def repository_problem(value: str) -> str | None:
    """Why `value` cannot be the repository's address, or None."""
    if not value:
        return None
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.netloc or parts.query or parts.fragment:
        return (f"'{value}' is not an https:// address of a repository, such as "
                "https://github.com/<owner>/<name>")
    if any(char in value for char in "\"'<> \\"):
        return f"'{value}' has characters an address does not"
    return None
