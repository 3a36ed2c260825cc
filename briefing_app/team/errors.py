"""What can go wrong between a replica and its team library, each with a one-line message.

The faces show the message as it is (the command line as ``briefing-app: error: ...`` with
exit status 1, the app in its status bar); none of these leaves the local fact base
changed halfway, and local changes stay journaled for the next sync.
"""

from __future__ import annotations


class TeamError(Exception):
    """A team library problem a person can act on."""


class ServerUnreachable(TeamError):
    """The server cannot be reached, or the connection broke during the sync."""


class NotATeamLibrary(TeamError):
    """The database has no team library (``team init-server`` was not run on it)."""


class ServerSchemaNewer(TeamError):
    """The team library was upgraded by a newer version of the app."""


class NotAllowed(TeamError):
    """The connecting role may read the library but not write to it (or not even read)."""


class OtherLibrary(TeamError):
    """The fact base is a replica of another team library than the one named."""


class NotAReplica(TeamError):
    """The fact base has not joined a team library."""


class SyncBusy(TeamError):
    """Another sync of this fact base is running (in the app or another command)."""


class SyncStopped(TeamError):
    """The sync was asked to stop (the app closing); it goes on where it stopped next time."""


class UnknownConflict(TeamError):
    """No open conflict has that id."""
