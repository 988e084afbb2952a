# reason-for-access ABAC, for teams that evaluate policy with OPA. It encodes the same decisions as
# the built-in decide() in actions/reason-for-access/src/decide.ts:
#   input       = toOpaInput(request, facts)      (actions/reason-for-access/src/decide.ts)
#   data.policy = the normalised access policy    (loadAccessPolicy().policy)
# `allow` is true only when `deny` is empty; every entry of `deny` is "<rule>: <why>".
# The loader only accepts values both engines read alike: globs without { } [ ] \ (glob.match
# syntax), /regex/ refs in the common subset of JavaScript and RE2, time zones as the IANA names
# Go's tzdata knows, freeze instants as RFC 3339 in UTC; actors are normalised before both.
# actions/reason-for-access/test/parity.test.ts checks 0 disagreements on generated policies.
package summit.reason_for_access

import rego.v1

kinds := {"deploy", "delete"}

weekday_abbrev := {
	"Monday": "mon", "Tuesday": "tue", "Wednesday": "wed", "Thursday": "thu",
	"Friday": "fri", "Saturday": "sat", "Sunday": "sun",
}

default allow := false

allow if {
	count(deny) == 0
}

# Environment names are case-insensitive, as on GitHub (the loader rejects names differing only by case).
env_name := name if {
	some name, _ in data.policy.environments
	lower(name) == lower(input.request.environment)
}

env := data.policy.environments[env_name]

rule := env[input.request.kind] if {
	input.request.kind in kinds
}

deny contains msg if {
	not input.request.kind in kinds
	msg := sprintf("request-kind: unknown request kind '%v'", [input.request.kind])
}

deny contains msg if {
	not env_name
	msg := sprintf("environment: environment '%v' is not in the access policy; unknown environments are denied", [input.request.environment])
}

deny contains msg if {
	env_name
	not rule
	msg := sprintf("environment: the access policy has no '%v' rule for environment '%v'", [input.request.kind, env_name])
}

deny contains msg if {
	not input.request.reason.ok
	msg := sprintf("reason: %v", [concat("; ", input.request.reason.problems)])
}

deny contains "actor: the actor is unknown" if {
	trim_space(input.request.actor) == ""
}

deny contains msg if {
	trigger := object.get(input.request, "triggering_actor", "")
	trigger != ""
	lower(trigger) != lower(input.request.actor)
	msg := sprintf("actor: the run was triggered by %v but started by %v", [trigger, input.request.actor])
}

# --- ref -----------------------------------------------------------------------------------------

deny contains msg if {
	rule.refs != null
	not ref_allowed
	msg := sprintf("ref: %v is not an allowed ref", [input.request.ref])
}

# An unknown (empty) ref is never allowed, whatever the patterns (as in decide()).
ref_allowed if {
	input.request.ref != ""
	some pattern in rule.refs
	ref_matches(pattern, input.request.ref)
}

is_regex(pattern) if {
	count(pattern) > 2
	startswith(pattern, "/")
	endswith(pattern, "/")
}

ref_matches(pattern, ref) if {
	is_regex(pattern)
	regex.match(sprintf("^(?:%s)$", [substring(pattern, 1, count(pattern) - 2)]), ref)
}

ref_matches(pattern, ref) if {
	not is_regex(pattern)
	glob.match(pattern, ["/"], ref)
}

# --- freeze --------------------------------------------------------------------------------------

deny contains msg if {
	rule
	some window in object.get(env, "freeze", [])
	frozen(window)
	msg := sprintf("freeze: frozen (%v)", [object.get(window, "note", "freeze window")])
}

frozen(window) if {
	window.start
	now := input.facts.now_ns
	time.parse_rfc3339_ns(window.start) <= now
	now < time.parse_rfc3339_ns(window.end)
}

frozen(window) if {
	weekly := window.weekly
	day := weekday_abbrev[time.weekday([input.facts.now_ns, weekly.timeZone])]
	day in weekly.days
	clock := time.clock([input.facts.now_ns, weekly.timeZone])
	hhmm := sprintf("%02d:%02d", [clock[0], clock[1]])
	weekly.from <= hhmm
	hhmm < weekly.to
}

# --- roles ---------------------------------------------------------------------------------------

deny contains msg if {
	count(rule.roles) > 0
	not holds_required_role
	msg := sprintf("roles: %v holds none of the required roles (%v)", [input.request.actor, concat(", ", rule.roles)])
}

holds_required_role if {
	some role in rule.roles
	input.facts.actor_roles[role] == "member"
}

# --- assurance -----------------------------------------------------------------------------------

deny contains msg if {
	count(rule.assurance) > 0
	not assurance_ok
	msg := sprintf("assurance: requires %v from a verified token for %v", [concat(" + ", rule.assurance), input.request.actor])
}

assurance_ok if {
	a := input.facts.assurance
	a.state == "verified"
	lower(a.subject) == lower(input.request.actor)
	every method in rule.assurance {
		method in a.methods
	}
}

# --- dual control --------------------------------------------------------------------------------

deny contains "dual-control: could not read approvals; denied" if {
	rule.dualControl != null
	input.facts.approvals.state != "known"
}

deny contains msg if {
	rule.dualControl != null
	input.facts.approvals.state == "known"
	some a in input.facts.approvals.approvals
	a.state == "rejected"
	msg := sprintf("dual-control: rejected by %v", [a.user])
}

deny contains msg if {
	rule.dualControl != null
	input.facts.approvals.state == "known"
	count(counted_approvers) < rule.dualControl.minApprovals
	msg := sprintf("dual-control: needs %v approval(s) by someone other than %v, has %v", [rule.dualControl.minApprovals, input.request.actor, count(counted_approvers)])
}

counted_approvers contains lower(a.user) if {
	some a in input.facts.approvals.approvals
	a.state == "approved"
	not is_self(a.user)
	not endswith(lower(a.user), "[bot]")
	approver_has_role(a)
}

is_self(user) if lower(user) == lower(input.request.actor)

is_self(user) if lower(user) == lower(object.get(input.request, "triggering_actor", ""))

approver_has_role(_) if count(rule.dualControl.approverRoles) == 0

approver_has_role(a) if {
	some role in rule.dualControl.approverRoles
	a.roles[role] == "member"
}
