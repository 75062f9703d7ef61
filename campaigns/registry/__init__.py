"""The member registry: its own Django app (label `registry`) inside the campaigns package.

It owns the personal data: models, the sign-up form, the service that stores sign-ups, the
hand-off to the competent union, the staff area, commands and templates. Code outside this
package uses only `campaigns.registry.api` (and `campaigns.registry.pages` to place the form on
a page type); it never imports the models.
"""
