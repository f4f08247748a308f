"""Places to go (居場所): the schedule rule, the place pages and the listing."""
