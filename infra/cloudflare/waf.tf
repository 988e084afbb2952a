# Bot mitigation that starts in log mode: waf_enforce = false logs what the rule would block, so
# false positives are reviewed before anyone is blocked; partners on the allowlist are never acted on.

locals {
  partner_clause = length(var.partner_allowlist_cidrs) > 0 ? " and not ip.src in {${join(" ", var.partner_allowlist_cidrs)}}" : ""
  bot_expression = "(cf.bot_management.score lt ${var.waf_bot_score_threshold}) and not cf.bot_management.verified_bot${local.partner_clause}"
}

resource "cloudflare_ruleset" "bot_mitigation" {
  zone_id     = var.zone_id
  name        = "bot-mitigation"
  description = "Likely bots: logged while waf_enforce is false, blocked once it is true"
  kind        = "zone"
  phase       = "http_request_firewall_custom"
  rules = [{
    ref         = "bot_score_low"
    description = "Low bot score, not a verified bot, not a partner"
    expression  = local.bot_expression
    action      = var.waf_enforce ? "block" : "log"
    enabled     = true
  }]
}
