output "load_balancer_id" {
  description = "Id of the Cloudflare load balancer (failover-drill input cloudflare-load-balancer-id)."
  value       = cloudflare_load_balancer.gateway.id
}

output "pool_ids" {
  description = "Pool ids by region (failover-drill input cloudflare-pool-ids disables these to take Cloudflare out)."
  value = {
    us_east = cloudflare_load_balancer_pool.us_east.id
    us_west = cloudflare_load_balancer_pool.us_west.id
  }
}

output "monitor_id" {
  description = "Id of the HTTPS monitor both pools use."
  value       = cloudflare_load_balancer_monitor.https.id
}

output "waf_mode" {
  description = "log or block: what the bot rule does today."
  value       = var.waf_enforce ? "block" : "log"
}
