# Tests for abac.rego; the cases mirror actions/reason-for-access/test/decide.test.ts.
# Run: opa test policy/opa -v
package summit.reason_for_access_test

import rego.v1

import data.summit.reason_for_access

policy := {
	"version": 1,
	"environments": {
		"prod": {
			"freeze": [
				{"start": "2026-12-20T00:00:00+01:00", "end": "2027-01-04T00:00:00+01:00", "note": "year-end"},
				{"weekly": {"days": ["fri"], "from": "15:00", "to": "24:00", "timeZone": "Europe/Berlin"}},
			],
			"deploy": {
				"roles": ["release-captain"],
				"assurance": ["webauthn"],
				"dualControl": {"approverRoles": ["release-captain", "sre"], "minApprovals": 1},
				"refs": ["refs/heads/main", "/refs\\/tags\\/v\\d+\\.\\d+\\.\\d+/"],
			},
			"delete": {"roles": ["sre"], "assurance": [], "dualControl": {"approverRoles": [], "minApprovals": 1}, "refs": null},
		},
		"staging": {"freeze": [], "deploy": {"roles": [], "assurance": [], "dualControl": null, "refs": null}},
	},
}

# 2026-11-11T10:00:00Z, a Wednesday outside every window.
wednesday_ns := 1794391200000000000

base := {
	"request": {
		"kind": "deploy", "environment": "prod", "actor": "alice", "triggering_actor": "alice",
		"ref": "refs/tags/v1.4.0", "sha": "aaaa",
		"reason": {"ok": true, "tickets": ["INC0042"], "problems": []},
	},
	"facts": {
		"now_ns": wednesday_ns,
		"actor_roles": {"release-captain": "member", "sre": "not-member"},
		"approvals": {"state": "known", "approvals": [{"user": "bob", "source": "deployment-review", "state": "approved", "roles": {"release-captain": "member"}}]},
		"assurance": {"state": "verified", "subject": "alice", "methods": ["pwd", "webauthn"]},
	},
}

with_request(patch) := object.union(base, {"request": object.union(base.request, patch)})

with_facts(patch) := object.union(base, {"facts": object.union(base.facts, patch)})

approvals(list) := with_facts({"approvals": {"state": "known", "approvals": list}})

approval(user, roles) := {"user": user, "source": "deployment-review", "state": "approved", "roles": roles}

denied_by(inp, prefix) if {
	denials := reason_for_access.deny with input as inp with data.policy as policy
	some msg in denials
	startswith(msg, prefix)
	not reason_for_access.allow with input as inp with data.policy as policy
}

test_happy_path_allows if {
	reason_for_access.allow with input as base with data.policy as policy
	denials := reason_for_access.deny with input as base with data.policy as policy
	count(denials) == 0
}

test_environment_names_are_case_insensitive if {
	reason_for_access.allow with input as with_request({"environment": "PROD"}) with data.policy as policy
}

test_unknown_kind if denied_by(with_request({"kind": "promote"}), "request-kind:")

test_unknown_environment if denied_by(with_request({"environment": "qa"}), "environment: environment 'qa'")

test_kind_without_rule if denied_by(with_request({"kind": "delete", "environment": "staging"}), "environment: the access policy has no 'delete' rule")

test_bad_reason if denied_by(with_request({"reason": {"ok": false, "tickets": [], "problems": ["the reason is empty"]}}), "reason: the reason is empty")

test_rerun_by_someone_else if denied_by(with_request({"triggering_actor": "mallory"}), "actor: the run was triggered by mallory")

# A blank actor (whitespace only) is nobody: denied even when no one else triggered the run.
test_blank_actor if denied_by(with_request({"actor": "  ", "triggering_actor": ""}), "actor: the actor is unknown")

test_branch_not_allowed if denied_by(with_request({"ref": "refs/heads/feature/x"}), "ref:")

test_prerelease_tag_not_allowed if denied_by(with_request({"ref": "refs/tags/v1.4.0-rc1"}), "ref:")

test_main_allowed if {
	reason_for_access.allow with input as with_request({"ref": "refs/heads/main"}) with data.policy as policy
}

test_year_end_freeze if denied_by(with_facts({"now_ns": 1798113600000000000}), "freeze: frozen (year-end)")

# 2026-11-13T14:30:00Z is Friday 15:30 in Berlin (CET).
test_friday_afternoon_freeze if denied_by(with_facts({"now_ns": 1794580200000000000}), "freeze:")

# 2026-11-13T13:30:00Z is Friday 14:30 in Berlin: not yet frozen.
test_friday_before_freeze if {
	reason_for_access.allow with input as with_facts({"now_ns": 1794576600000000000}) with data.policy as policy
}

test_actor_in_no_team if denied_by(with_facts({"actor_roles": {"release-captain": "not-member"}}), "roles: alice holds none")

test_team_api_failed if denied_by(with_facts({"actor_roles": {"release-captain": "unknown"}}), "roles:")

test_no_assurance_token if denied_by(with_facts({"assurance": {"state": "absent"}}), "assurance:")

test_password_only if denied_by(with_facts({"assurance": {"state": "verified", "subject": "alice", "methods": ["pwd"]}}), "assurance:")

test_someone_elses_token if denied_by(with_facts({"assurance": {"state": "verified", "subject": "bob", "methods": ["webauthn"]}}), "assurance:")

test_no_approvals if denied_by(approvals([]), "dual-control: needs 1 approval(s)")

test_self_approval if denied_by(approvals([approval("alice", {"release-captain": "member"})]), "dual-control: needs")

test_self_approval_other_case if denied_by(approvals([approval("ALICE", {"release-captain": "member"})]), "dual-control: needs")

test_bot_approval if denied_by(approvals([approval("release-bot[bot]", {"release-captain": "member"})]), "dual-control: needs")

test_approver_without_role if denied_by(approvals([approval("eve", {"release-captain": "not-member", "sre": "not-member"})]), "dual-control: needs")

test_rejected_review if {
	rejected := {"user": "carol", "source": "pr-review", "state": "rejected", "roles": {}}
	denied_by(approvals([approval("bob", {"release-captain": "member"}), rejected]), "dual-control: rejected by carol")
}

test_approvals_unknown if denied_by(with_facts({"approvals": {"state": "unknown", "detail": "GitHub API 500"}}), "dual-control: could not read approvals")

test_delete_by_sre_with_second_person if {
	inp := object.union(
		with_request({"kind": "delete", "actor": "erin", "triggering_actor": "erin", "ref": "refs/heads/any"}),
		{"facts": object.union(base.facts, {
			"actor_roles": {"sre": "member"},
			"approvals": {"state": "known", "approvals": [approval("dave", {})]},
		})},
	)
	reason_for_access.allow with input as inp with data.policy as policy
}

test_delete_self_approved if {
	inp := object.union(
		with_request({"kind": "delete", "actor": "erin", "triggering_actor": "erin"}),
		{"facts": object.union(base.facts, {
			"actor_roles": {"sre": "member"},
			"approvals": {"state": "known", "approvals": [approval("erin", {})]},
		})},
	)
	denied_by(inp, "dual-control: needs")
}

test_staging_without_requirements_allows if {
	inp := object.union(
		with_request({"environment": "staging", "ref": "refs/heads/dev"}),
		{"facts": object.union(base.facts, {"actor_roles": {}, "approvals": {"state": "unknown"}, "assurance": {"state": "absent"}})},
	)
	reason_for_access.allow with input as inp with data.policy as policy
}
