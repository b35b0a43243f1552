"""Hostile input: every free-text and contact field of the schema, attacked.

``fields`` finds the fields in schema/provider.schema.json (so a field added
later is attacked too), ``attacks`` lists the attacks, ``cases`` writes each
attack into each field of an otherwise valid profile, and
``test_hostile_check`` runs ``check`` on every case. ``accepted_profiles``
gives the build test a small set of published profiles that together hold
every accepted attack in every field.
"""
