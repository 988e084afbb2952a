# Tests for retention.rego; the cases mirror actions/catalog-gate/test/catalog.test.ts (policy).
# Run: opa test policy/opa -v
package summit.catalog_test

import rego.v1

import data.summit.catalog

good := {
	"id": "2026-11-01-001-add-user-phone",
	"service": "accounts",
	"risk": "low",
	"pii": true,
	"retention_days": 365,
	"fields": [{"name": "users.phone", "pii": true}],
	"rollout": "online",
	"owner": "@accounts-team",
	"detected": {"risk": "low", "rollback": "file"},
}

risky := {
	"id": "2026-11-02-002-reindex-events",
	"service": "events",
	"risk": "medium",
	"pii": false,
	"rollout": "concurrent_index",
	"rollback": "DROP INDEX CONCURRENTLY IF EXISTS events_created_at_idx",
	"owner": "@data-platform",
	"readiness": {"locks": "SHARE UPDATE EXCLUSIVE", "long_transactions": "checked", "size_estimate": "40M rows"},
	"detected": {"risk": "medium", "rollback": "inline"},
}

deny_for(entries) := denials if {
	denials := catalog.deny with input as {"catalog": "db/catalog/migrations.yaml", "migrations_dir": "db/migrations", "entries": entries}
}

test_valid_catalog_has_no_denials if {
	count(deny_for([good, risky])) == 0
}

test_pii_without_retention_denied if {
	entry := object.remove(good, ["retention_days"])
	deny_for([entry]) == {
		"pii-retention-required: '2026-11-01-001-add-user-phone' stores PII but declares no retention_days; add retention_days: <days>",
		"pii-retention-required: field 'users.phone' of '2026-11-01-001-add-user-phone' is PII but neither it nor the entry declares retention_days",
	}
}

test_pii_field_with_own_retention_allowed if {
	entry := object.union(object.remove(good, ["retention_days"]), {"pii": false, "fields": [{"name": "users.phone", "pii": true, "retention_days": 30}]})
	count(deny_for([entry])) == 0
}

test_pii_field_without_retention_denied_when_entry_not_pii if {
	entry := object.union(object.remove(good, ["retention_days"]), {"pii": false})
	deny_for([entry]) == {"pii-retention-required: field 'users.phone' of '2026-11-01-001-add-user-phone' is PII but neither it nor the entry declares retention_days"}
}

test_owner_required if {
	deny_for([object.remove(good, ["owner"])]) == {"owner-required: '2026-11-01-001-add-user-phone' has no owner; add owner: '@team'"}
}

test_medium_without_rollback_or_readiness_denied if {
	entry := object.union(object.remove(risky, ["rollback", "readiness"]), {"detected": {"risk": "medium", "rollback": "none"}})
	deny_for([entry]) == {
		"rollback-required: '2026-11-02-002-reindex-events' is medium risk but has no rollback (a down file, 'revert <id>' or an inline statement)",
		"readiness-required: '2026-11-02-002-reindex-events' is medium risk but has no readiness checklist (locks, long_transactions, size_estimate)",
	}
}

test_conventional_down_file_counts_as_rollback if {
	entry := object.union(object.remove(risky, ["rollback"]), {"detected": {"risk": "medium", "rollback": "file"}})
	count(deny_for([entry])) == 0
}

test_high_risk_without_detected_facts_uses_written_rollback if {
	entry := object.union(object.remove(risky, ["detected"]), {"risk": "high"})
	count(deny_for([entry])) == 0
	bare := object.remove(entry, ["rollback"])
	deny_for([bare]) == {"rollback-required: '2026-11-02-002-reindex-events' is high risk but has no rollback (a down file, 'revert <id>' or an inline statement)"}
}

test_low_risk_needs_neither_rollback_nor_readiness if {
	entry := object.union(object.remove(risky, ["rollback", "readiness"]), {"risk": "low", "detected": {"risk": "low", "rollback": "none"}})
	count(deny_for([entry])) == 0
}

# conftest and `opa eval -i db/catalog/migrations.yaml` pass the catalog file itself: a list.
test_catalog_file_as_a_list_is_checked if {
	msgs := catalog.deny with input as [{"id": "x", "risk": "low", "owner": ""}]
	some msg in msgs
	startswith(msg, "owner-required: 'x'")
}

test_catalog_file_as_a_list_that_is_fine_passes if {
	count(catalog.deny) == 0 with input as [{"id": "x", "risk": "low", "owner": "@t", "pii": false}]
}

# conftest passes each entry of the catalog file on its own.
test_a_single_entry_as_conftest_passes_it_is_checked if {
	msgs := catalog.deny with input as {"id": "x", "risk": "high", "owner": "@t"}
	some msg in msgs
	startswith(msg, "rollback-required: 'x'")
}
