"""Events of the network (workshops, trainings, network meetings): queries, calendar feed, pages."""
