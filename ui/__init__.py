"""Desktop widgets and dialogs of megaregion (the algorithms' own dialogs come from
Processing; this package holds what Processing does not provide)."""
