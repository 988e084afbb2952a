# catalog-gate built-in policy, for teams that evaluate policy with OPA. It encodes the same
# decisions as checkPolicy() in actions/catalog-gate/src/catalog.ts:
#   - PII without retention_days (on the entry, or on a PII field when the entry has none)
#   - medium/high risk without a rollback, or without a readiness checklist
#   - every entry has an owner
# input = the document catalog-gate passes to a custom policy (policyInput() in
# actions/catalog-gate/src/gate.ts): {catalog, migrations_dir, entries: [<entry as written> +
# {"detected": {risk, locks, rewrites, rules, rollback, up_file, up_file_exists}}]}.
# Every message starts with the built-in rule id, then names the entry id, so catalog-gate places
# it at the entry's YAML line. Build: opa build -t wasm -e summit/catalog/deny policy/
package summit.catalog

import rego.v1

risky := {"medium", "high"}

# catalog-gate passes {catalog, migrations_dir, entries}; `opa eval -i` passes the catalog file
# itself, a list of entries; conftest passes each entry of that list on its own. All are checked
# (a list or a single entry must not pass vacuously).
entries := input.entries if is_array(input.entries)

entries := input if is_array(input)

entries := [input] if {
	is_object(input)
	not has_key(input, "entries")
	has_key(input, "id")
}

has_key(obj, key) if {
	_ = obj[key]
}

# A written rollback, or the conventional <id>.down.sql the gate found (detected.rollback is
# "file" then). With detected facts present they decide, as rollbackOf() does.
has_rollback(entry) if {
	entry.detected.rollback != "none"
}

has_rollback(entry) if {
	not has_key(entry, "detected")
	trim_space(entry.rollback) != ""
}

owned(entry) if {
	entry.owner != ""
}

deny contains msg if {
	some entry in entries
	entry.pii == true
	not has_key(entry, "retention_days")
	msg := sprintf("pii-retention-required: '%s' stores PII but declares no retention_days; add retention_days: <days>", [entry.id])
}

deny contains msg if {
	some entry in entries
	not has_key(entry, "retention_days")
	some field in entry.fields
	field.pii == true
	not has_key(field, "retention_days")
	msg := sprintf("pii-retention-required: field '%s' of '%s' is PII but neither it nor the entry declares retention_days", [field.name, entry.id])
}

deny contains msg if {
	some entry in entries
	not owned(entry)
	msg := sprintf("owner-required: '%s' has no owner; add owner: '@team'", [entry.id])
}

deny contains msg if {
	some entry in entries
	entry.risk in risky
	not has_rollback(entry)
	msg := sprintf("rollback-required: '%s' is %s risk but has no rollback (a down file, 'revert <id>' or an inline statement)", [entry.id, entry.risk])
}

deny contains msg if {
	some entry in entries
	entry.risk in risky
	not has_key(entry, "readiness")
	msg := sprintf("readiness-required: '%s' is %s risk but has no readiness checklist (locks, long_transactions, size_estimate)", [entry.id, entry.risk])
}
