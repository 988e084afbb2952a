#!/bin/sh
# Your deployment goes here; prod-promotion.yml runs it only after an allowed, recorded decision.
set -eu
echo "deploying (audit record ${AUDIT_RECORD:-none})"
