"""Working groups of the network (members only): membership of a group, its meetings (events),
shared resources, its discussion and the digest mail."""
